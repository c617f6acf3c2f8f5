"""Education: sessions (kind, topic, day, hours, place, instructor, organiser, materials) and who
attended them — members, and people not yet members, kept so that they link to the member when
they join.

A member is on a session's list once (a unique constraint: the NULL member of a person not yet a
member never collides).  A person not yet a member is refused twice by the service, which
decides "the same person" from the name, birth date and phone and holds the session's row
locked while it does.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the models do.
KINDS = ("orientation", "founding_course", "officer_training", "member_education", "staff_training")
ORGANISERS = ("coop", "consultation_centre", "ministry_agency")
ATTENDEE_CHECK = "member_id IS NOT NULL OR (person_name IS NOT NULL AND length(trim(person_name)) > 0)"


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _fk(column: str, table: str, source: str, ondelete: str = "RESTRICT", nullable: bool = False) -> sa.Column:
    return sa.Column(column, sa.Integer(), sa.ForeignKey(f"{table}.id", ondelete=ondelete,
                                                         name=f"fk_{source}_{column}_{table}"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "education_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "education_session"),
        sa.Column("kind", _enum(KINDS, "education_session_kind"), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("instructor", sa.String(100), nullable=False),
        sa.Column("organiser", _enum(ORGANISERS, "education_organiser"), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(topic)) > 0", name="education_topic_not_blank"),
        sa.CheckConstraint("ends_at > starts_at", name="education_session_times"),
        sa.CheckConstraint("minutes > 0 AND minutes < 1440", name="education_session_minutes"),
    )
    op.create_index("ix_education_session_coop", "education_session", ["coop_id", "held_on"])
    op.create_table(
        "education_attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("session_id", "education_session", "education_attendance", "CASCADE"),
        _fk("member_id", "member", "education_attendance", nullable=True),
        sa.Column("person_name", sa.String(100), nullable=True),
        sa.Column("person_birth_date", sa.Date(), nullable=True),
        sa.Column("person_phone", sa.String(40), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(ATTENDEE_CHECK, name="education_attendee_named"),
        sa.CheckConstraint("linked_at IS NULL OR member_id IS NOT NULL", name="education_linked_member"),
        sa.UniqueConstraint("session_id", "member_id", name="uq_education_attendance_member"),
    )
    op.create_index("ix_education_attendance_member", "education_attendance", ["member_id"])


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
