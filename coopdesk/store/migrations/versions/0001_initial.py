"""The co-op, its bylaws versions and member types, the member register, the audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

COOP_KINDS = ("general", "social")
LAWS = ("framework_act", "consumer_coop_act", "agricultural", "fisheries", "credit", "sme", "forest", "other")
EVENTS = ("applied", "admitted", "withdrawal_notice", "withdrawn", "deceased", "expelled")


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def upgrade() -> None:
    op.create_table(
        "coop",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", _enum(COOP_KINDS, "coop_kind"), nullable=False),
        sa.Column("governing_law", _enum(LAWS, "governing_law"), nullable=False),
        sa.Column("main_office", sa.String(200), nullable=False),
        sa.Column("fiscal_year_start_month", sa.Integer(), nullable=False),
        sa.Column("next_member_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        sa.CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_month"),
        sa.CheckConstraint("next_member_number >= 1", name="next_number_positive"),
    )
    op.create_table(
        "bylaws_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("coop_id", sa.Integer(), sa.ForeignKey("coop.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.UniqueConstraint("coop_id", "version", name="uq_bylaws_version_coop_version"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )
    op.create_table(
        "member_type",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("coop_id", sa.Integer(), sa.ForeignKey("coop.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("coop_id", "name", name="uq_member_type_coop_name"),
        sa.CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("coop_id", sa.Integer(), sa.ForeignKey("coop.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column(
            "member_type_id", sa.Integer(), sa.ForeignKey("member_type.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("notice_on", sa.Date(), nullable=True),
        sa.Column("leaves_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("left_as", _enum(EVENTS, "member_left_as"), nullable=True),
        sa.UniqueConstraint("coop_id", "number", name="uq_member_coop_number"),
        sa.CheckConstraint("number >= 1", name="number_positive"),
        sa.CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )
    op.create_table(
        "member_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("kind", _enum(EVENTS, "member_event_kind"), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_member_event_member", "member_event", ["member_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("coop_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("entity_key", sa.String(60), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    _forbid_audit_edits()


def _forbid_audit_edits() -> None:
    """The audit log is append-only: the database itself refuses UPDATE and DELETE."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"
    )


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
