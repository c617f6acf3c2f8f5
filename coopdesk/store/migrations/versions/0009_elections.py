"""Officer elections: the election of an agenda item, its contests and candidates, the voter
roll, the secret ballots, and the tellers' entries of a paper count.

The secrecy of the ballot is in the shape of two tables:

- ``election_voted`` says only that a member has voted in a contest; its primary key
  (contest, member) refuses a second vote, whichever laptop casts it.
- ``election_ballot`` holds a ballot's marks under a random key (32 hexadecimal digits),
  with its contest and nothing else: no voter, no time, no sequence.  Its primary key is
  (contest, key): a contest's ballots lie together, in the order of their random keys.

On SQLite both are ``WITHOUT ROWID`` tables: stored in the order of their keys, with no
hidden row number that would count the casts.  Triggers refuse any change to a ballot or to
the roll, and any ballot or roll entry in a contest that is not open for voting.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the models do.
VOTING = ("screen", "paper")
OFFICES = ("chair", "director", "auditor")
STATES = ("open", "voting", "counting", "counted", "pending", "decided")
KEPT = ("election_ballot", "election_voted")  # changed by nothing once written


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _fk(column: str, table: str, source: str, ondelete: str = "RESTRICT", nullable: bool = False) -> sa.Column:
    return sa.Column(column, sa.Integer(), sa.ForeignKey(f"{table}.id", ondelete=ondelete,
                                                         name=f"fk_{source}_{column}_{table}"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "election",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("coop_id", "coop", "election"),
        _fk("item_id", "agenda_item", "election", "CASCADE"),
        sa.Column("voting", _enum(VOTING, "election_voting"), nullable=False),
        sa.Column("announced_on", sa.Date(), nullable=True),
        sa.Column("candidacy_from", sa.Date(), nullable=True),
        sa.Column("candidacy_to", sa.Date(), nullable=True),
        sa.Column("committee", sa.JSON(), nullable=False),
        sa.Column("lots_seed", sa.String(100), nullable=True),
        sa.UniqueConstraint("item_id", name="uq_election_item_id"),
        sa.CheckConstraint("candidacy_from IS NULL OR candidacy_to IS NULL OR candidacy_from <= candidacy_to",
                           name="election_candidacy_order"),
    )
    op.create_table(
        "election_contest",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("election_id", "election", "election_contest", "CASCADE"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("office", _enum(OFFICES, "contest_office"), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False, server_default=sa.text("1")),
        _fk("runoff_of", "election_contest", "election_contest", "CASCADE", nullable=True),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        _fk("vacancy_of", "officer_term", "election_contest", nullable=True),
        sa.Column("state", _enum(STATES, "contest_state"), nullable=False),
        sa.Column("present", sa.Integer(), nullable=True),
        sa.Column("tally", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.JSON(), nullable=True),
        sa.UniqueConstraint("election_id", "office", "round", name="uq_election_contest_round"),
        sa.UniqueConstraint("election_id", "position", name="uq_election_contest_position"),
        sa.CheckConstraint("seats >= 1", name="contest_seats_positive"),
        sa.CheckConstraint("round >= 1", name="contest_round_positive"),
        sa.CheckConstraint("present IS NULL OR present >= 0", name="contest_present_not_negative"),
    )
    op.create_table(
        "election_candidate",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("contest_id", "election_contest", "election_candidate", "CASCADE"),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("member_id", "member", "election_candidate", nullable=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.UniqueConstraint("contest_id", "member_id", name="uq_election_candidate_member"),
        sa.UniqueConstraint("contest_id", "position", name="uq_election_candidate_position"),
        sa.CheckConstraint("length(trim(name)) > 0", name="candidate_name_not_blank"),
    )
    op.create_table(
        "election_voted",
        _fk("contest_id", "election_contest", "election_voted", "CASCADE"),
        _fk("member_id", "member", "election_voted"),
        sa.PrimaryKeyConstraint("contest_id", "member_id", name="pk_election_voted"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "election_ballot",
        sa.Column("id", sa.String(32), nullable=False),
        _fk("contest_id", "election_contest", "election_ballot", "CASCADE"),
        sa.Column("marks", sa.Text(), nullable=False),
        # The contest first: a tally reads only its contest's ballots; within a contest the
        # stored order is still the random key's.
        sa.PrimaryKeyConstraint("contest_id", "id", name="pk_election_ballot"),
        sa.CheckConstraint("length(id) = 32", name="election_ballot_id_length"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "election_tally_entry",
        _fk("contest_id", "election_contest", "election_tally_entry", "CASCADE"),
        sa.Column("teller", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("tally", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("contest_id", "teller", name="pk_election_tally_entry"),
        sa.CheckConstraint("teller IN (1, 2)", name="tally_entry_teller"),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


NOT_VOTING = "(SELECT state FROM election_contest WHERE id = NEW.contest_id) IS NOT 'voting'"


def _sqlite_triggers() -> None:
    for table in KEPT:
        op.execute(f"CREATE TRIGGER {table}_kept BEFORE UPDATE ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{table} rows are never changed'); END")
        op.execute(f"CREATE TRIGGER {table}_while_voting BEFORE INSERT ON {table} WHEN {NOT_VOTING} "
                   f"BEGIN SELECT RAISE(ABORT, 'the contest is not open for voting'); END")


def _postgresql_triggers() -> None:
    op.execute("CREATE FUNCTION election_row_kept() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
               "RAISE EXCEPTION '% rows are never changed', TG_TABLE_NAME; END $$")
    op.execute("CREATE FUNCTION election_while_voting() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
               "IF (SELECT state FROM election_contest WHERE id = NEW.contest_id) IS DISTINCT FROM 'voting' THEN "
               "RAISE EXCEPTION 'the contest is not open for voting'; END IF; RETURN NEW; END $$")
    for table in KEPT:
        op.execute(f"CREATE TRIGGER {table}_kept BEFORE UPDATE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION election_row_kept()")
        op.execute(f"CREATE TRIGGER {table}_while_voting BEFORE INSERT ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION election_while_voting()")


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
