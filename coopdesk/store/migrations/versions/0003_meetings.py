"""Meetings: agenda items, notices, check-ins, proxies, exclusions, ballots and votes.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the models do.
MEETING_KINDS = ("founding", "ordinary_assembly", "extraordinary_assembly", "board")
SUBJECTS = ("other", "bylaws_amendment", "merger", "split", "dissolution", "suspension", "continuation",
            "expulsion", "leaver_refund", "preferred_investment", "officer_election", "officer_removal",
            "settlement", "audit_report", "plan_and_budget", "bylaws_adoption", "founding_expenses")
RESOLUTION_KINDS = ("report", "ordinary", "special", "election")
CHOICES = ("yes", "no", "abstain")
ATTENDEE_CHECK = "(member_id IS NULL) <> (officer_term_id IS NULL)"


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _fk(table: str, nullable: bool = False, name: str | None = None) -> sa.Column:
    return sa.Column(name or f"{table}_id", sa.Integer(), sa.ForeignKey(f"{table}.id", ondelete="RESTRICT"),
                     nullable=nullable)


def _attendee() -> list[sa.Column]:
    return [_fk("member", True), _fk("officer_term", True)]


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop"),
        sa.Column("kind", _enum(MEETING_KINDS, "meeting_kind"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("convened_by", sa.String(100), nullable=False),
        sa.Column("opened_at", sa.Time(), nullable=True),
        sa.Column("closed_at", sa.Time(), nullable=True),
        sa.Column("chair_name", sa.String(100), nullable=False),
        sa.Column("consenters", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(title)) > 0", name="meeting_title_not_blank"),
        sa.CheckConstraint("consenters IS NULL OR consenters >= 0", name="meeting_consenters"),
    )
    op.create_index("ix_meeting_coop", "meeting", ["coop_id"])
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("meeting"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("subject", _enum(SUBJECTS, "agenda_subject"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("proposal", sa.Text(), nullable=False),
        sa.Column("kind", _enum(RESOLUTION_KINDS, "resolution_kind"), nullable=False),
        sa.Column("discussion", sa.Text(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        _fk("member", True, "expel_member_id"),
        sa.Column("grounds_told_on", sa.Date(), nullable=True),
        sa.Column("heard", sa.Boolean(), nullable=False),
        sa.Column("new_bylaws", sa.JSON(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.UniqueConstraint("meeting_id", "position", name="uq_agenda_item_meeting_position"),
        sa.CheckConstraint("length(trim(title)) > 0", name="agenda_title_not_blank"),
    )
    op.create_table(
        "meeting_notice",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("meeting"),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("late_warning", sa.Text(), nullable=True),
        sa.Column("accepted_late", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_meeting_notice_meeting", "meeting_notice", ["meeting_id"])
    op.create_table(
        "meeting_check_in",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("meeting"),
        *_attendee(),
        sa.Column("in_at", sa.DateTime(), nullable=False),
        sa.Column("out_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(ATTENDEE_CHECK, name="check_in_attendee_one_of"),
    )
    op.create_index("ix_meeting_check_in_meeting", "meeting_check_in", ["meeting_id"])
    op.create_table(
        "meeting_proxy",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("meeting"),
        _fk("member", False, "principal_id"),
        _fk("member", True, "holder_member_id"),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("lives_with_principal", sa.Boolean(), nullable=False),
        sa.Column("written_proof", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_meeting_proxy_meeting", "meeting_proxy", ["meeting_id"])
    op.create_table(
        "item_exclusion",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("agenda_item", False, "item_id"),
        *_attendee(),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint(ATTENDEE_CHECK, name="exclusion_attendee_one_of"),
    )
    op.create_index("ix_item_exclusion_item", "item_exclusion", ["item_id"])
    op.create_table(
        "item_ballot",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("agenda_item", False, "item_id"),
        *_attendee(),
        sa.Column("choice", _enum(CHOICES, "ballot_choice"), nullable=False),
        sa.Column("cast_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(ATTENDEE_CHECK, name="ballot_attendee_one_of"),
    )
    op.create_index("ix_item_ballot_item", "item_ballot", ["item_id"])
    op.create_table(
        "item_vote",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("agenda_item", False, "item_id"),
        sa.Column("yes", sa.Integer(), nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("abstain", sa.Integer(), nullable=False),
        sa.Column("roll_call", sa.Boolean(), nullable=False),
        _fk("item_vote", True, "supersedes_id"),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("yes >= 0 AND no >= 0 AND abstain >= 0", name="vote_counts_not_negative"),
    )
    op.create_index("ix_item_vote_item", "item_vote", ["item_id"])


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
