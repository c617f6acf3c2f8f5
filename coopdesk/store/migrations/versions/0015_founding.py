"""Founding a co-op: founders, consenters and the records after filing.

Founders and consenters (발기인, 설립동의자, Act 15) are member rows at a pre-member standing:
the day of their consent (``member.consented_on``, folded from a new ``consented`` event) puts
them on the founding meeting's register, not on the member register; they are admitted on the
registration day.  So the event kind check gains ``consented``, and the register generation
(migration 0008) moves with the consent too.  The ``founding`` row keeps a co-op's founding
record; ``founding_founder`` marks the founders; ``founding_line`` holds the business plan,
the budget and the founding expenses.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the code does.
EVENTS_BEFORE = ("applied", "admitted", "withdrawal_notice", "withdrawn", "deceased", "expelled")
EVENTS = (*EVENTS_BEFORE, "consented")
LINE_KINDS = ("business_plan", "income", "expense", "founding_expenses")
# migration 0008's watched columns, and the consent that now decides a register too
MEMBER_COLUMNS = ("coop_id", "number", "name", "joined_on", "left_on", "left_as", "leaves_on", "consented_on")


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _fk(column: str, table: str, source: str, nullable: bool = False) -> sa.Column:
    return sa.Column(column, sa.Integer(), sa.ForeignKey(f"{table}.id", ondelete="RESTRICT",
                                                         name=f"fk_{source}_{column}_{table}"), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:  # an added column: no table rebuilt, triggers kept
        batch.add_column(sa.Column("consented_on", sa.Date(), nullable=True))
    _event_kinds(op.get_bind().dialect.name)
    _register_trigger(op.get_bind().dialect.name)
    _founding()
    op.create_table(
        "founding_founder",
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="RESTRICT",
                                                           name="fk_founding_founder_member_id_member"),
                  primary_key=True, autoincrement=False),
        _fk("coop_id", "coop", "founding_founder"),
    )
    op.create_table(
        "founding_line",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "founding_line"),
        sa.Column("kind", _enum(LINE_KINDS, "founding_line_kind"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("public_benefit", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("coop_id", "kind", "position", name="uq_founding_line_coop_kind_position"),
        sa.CheckConstraint("amount >= 0", name="founding_line_amount_not_negative"),
    )


def _founding() -> None:
    op.create_table(
        "founding",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "founding"),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ministry", sa.String(100), nullable=False),
        sa.Column("authority", sa.String(100), nullable=False),
        _fk("representative_id", "member", "founding", nullable=True),
        _fk("meeting_id", "meeting", "founding", nullable=True),
        _fk("course_id", "education_session", "founding", nullable=True),
        sa.Column("notice_on", sa.Date(), nullable=True),
        sa.Column("notice_place", sa.String(200), nullable=False),
        sa.Column("qualifications", sa.Text(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("certified_on", sa.Date(), nullable=True),
        sa.Column("certificate_number", sa.String(60), nullable=False),
        sa.Column("capital_paid_on", sa.Date(), nullable=True),
        sa.Column("handed_over_on", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("coop_id", name="uq_founding_coop_id"),
        sa.UniqueConstraint("meeting_id", name="uq_founding_meeting_id"),
        sa.CheckConstraint("length(trim(ministry)) > 0", name="founding_ministry_not_blank"),
    )


def _event_kinds(dialect: str) -> None:
    """The event kind check, remade with ``consented``.  SQLite keeps a check inside the table's
    definition: the table is rebuilt (it has no triggers; its index is remade by the batch)."""
    if dialect == "sqlite":
        with op.batch_alter_table("member_event", recreate="always") as batch:
            batch.alter_column("kind", existing_type=_enum(EVENTS_BEFORE, "member_event_kind"),
                               type_=_enum(EVENTS, "member_event_kind"), existing_nullable=False)
    else:
        op.drop_constraint("member_event_kind", "member_event", type_="check")
        allowed = ", ".join(f"'{e}'" for e in EVENTS)
        op.create_check_constraint("member_event_kind", "member_event", f"kind IN ({allowed})")


def _register_trigger(dialect: str) -> None:
    """Migration 0008's trigger on a member's register columns, with ``consented_on`` watched too:
    a consent changes the founding meeting's register as a joining date changes an assembly's."""
    columns = ", ".join(MEMBER_COLUMNS)
    if dialect == "sqlite":
        bump = "UPDATE coop SET register_generation = register_generation + 1 WHERE id = {row}.coop_id;"
        op.execute("DROP TRIGGER IF EXISTS member_register_update")
        op.execute(f"CREATE TRIGGER member_register_update AFTER UPDATE OF {columns} ON member "
                   f"BEGIN {bump.format(row='OLD')} {bump.format(row='NEW')} END")
    else:
        op.execute("DROP TRIGGER IF EXISTS member_register ON member")
        op.execute(f"CREATE TRIGGER member_register AFTER INSERT OR DELETE OR UPDATE OF {columns} "
                   f"ON member FOR EACH ROW EXECUTE FUNCTION register_generation_bump()")


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
