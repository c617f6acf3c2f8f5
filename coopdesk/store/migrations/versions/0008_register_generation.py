"""The register's generation, the size of each meeting's register kept with it, and the room's version.

A meeting room action needs the number of members on the register of the meeting's day
(the quorum's base).  Counting it reads the whole member table, so it is kept per meeting
(``meeting_register``) with the generation of the register it was counted on.  The
generation is ``coop.register_generation``, moved by the database itself — triggers on
every change of a member or an officer's term that can change a register or its names —
so that no way of writing a member (a service, an import, a repair by hand) can leave a
stale count behind.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The columns that decide who is on a register of some day, and how they are named.
MEMBER_COLUMNS = ("coop_id", "number", "name", "joined_on", "left_on", "left_as", "leaves_on")
TERM_COLUMNS = ("coop_id", "member_id", "person_name", "office", "start_on", "end_on", "left_on")
WATCHED = {"member": MEMBER_COLUMNS, "officer_term": TERM_COLUMNS}


def upgrade() -> None:
    op.add_column("coop", sa.Column("register_generation", sa.Integer(), nullable=False,
                                    server_default=sa.text("0")))
    # moved by every arrival, departure and proxy: a screen that sees it move by more than its own
    # action knows another laptop changed the room meanwhile
    op.add_column("meeting", sa.Column("room_version", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.create_table(
        "meeting_register",
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id", ondelete="RESTRICT",
                                                           name="fk_meeting_register_meeting_id_meeting"),
                  primary_key=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("roll_id", sa.Integer(), sa.ForeignKey("meeting_roll.id", ondelete="RESTRICT",
                                                        name="fk_meeting_register_roll_id_meeting_roll")),
        sa.CheckConstraint("members >= 0", name="meeting_register_members_not_negative"),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()
    _release_attendance_off_the_register()


# A member on the register of the meeting's day, in SQL both databases speak.
ON_REGISTER = ("EXISTS (SELECT 1 FROM member m JOIN meeting mt ON mt.id = {meeting} WHERE m.id = {member} "
               "AND m.joined_on <= mt.held_on AND (m.left_on IS NULL OR m.left_as IS NULL OR m.left_on > mt.held_on) "
               "AND (m.leaves_on IS NULL OR m.leaves_on > mt.held_on))")


def _release_attendance_off_the_register() -> None:
    """Until now the room dropped, on each read, a member expelled during the meeting; from now on
    the room counts its live rows, each of which must be someone on the register.  A stay or a
    proxy of someone already off it ends where it began: it counted for nothing before either."""
    here = ON_REGISTER.format(meeting="meeting_check_in.meeting_id", member="meeting_check_in.member_id")
    op.execute(f"UPDATE meeting_check_in SET out_at = in_at WHERE out_at IS NULL AND member_id IS NOT NULL "
               f"AND NOT {here}")
    principal = ON_REGISTER.format(meeting="meeting_proxy.meeting_id", member="meeting_proxy.principal_id")
    holder = ON_REGISTER.format(meeting="meeting_proxy.meeting_id", member="meeting_proxy.holder_member_id")
    op.execute(f"UPDATE meeting_proxy SET revoked_at = created_at WHERE revoked_at IS NULL "
               f"AND (NOT {principal} OR (holder_member_id IS NOT NULL AND NOT {holder}))")


def _sqlite_triggers() -> None:
    for table, columns in WATCHED.items():
        bump = "UPDATE coop SET register_generation = register_generation + 1 WHERE id = {row}.coop_id;"
        op.execute(f"CREATE TRIGGER {table}_register_insert AFTER INSERT ON {table} "
                   f"BEGIN {bump.format(row='NEW')} END")
        op.execute(f"CREATE TRIGGER {table}_register_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
                   f"BEGIN {bump.format(row='OLD')} {bump.format(row='NEW')} END")
        op.execute(f"CREATE TRIGGER {table}_register_delete AFTER DELETE ON {table} "
                   f"BEGIN {bump.format(row='OLD')} END")


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION register_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP IN ('UPDATE', 'DELETE') THEN "
        "UPDATE coop SET register_generation = register_generation + 1 WHERE id = OLD.coop_id; END IF; "
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
        "UPDATE coop SET register_generation = register_generation + 1 WHERE id = NEW.coop_id; END IF; "
        "RETURN NULL; END $$"
    )
    for table, columns in WATCHED.items():
        op.execute(f"CREATE TRIGGER {table}_register AFTER INSERT OR DELETE OR UPDATE OF {', '.join(columns)} "
                   f"ON {table} FOR EACH ROW EXECUTE FUNCTION register_generation_bump()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in WATCHED:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_register_{event}")
    else:
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_register ON {table}")
        op.execute("DROP FUNCTION IF EXISTS register_generation_bump()")
    op.drop_table("meeting_register")
    op.drop_column("meeting", "room_version")
    op.drop_column("coop", "register_generation")
