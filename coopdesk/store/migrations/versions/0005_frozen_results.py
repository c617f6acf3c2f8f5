"""Frozen results in two parts and the roll of the day once per meeting; standard titles as codes.

A closed item kept, in version 1, the whole register of the day and the names of those
present in its one result document: reading the 20 results of a 10,000-member assembly
parsed the register 20 times.  Version 2 keeps the counts and the decision in ``result``,
who was in the room in ``frozen_room``, and the register once per meeting in
``meeting_roll``.  The standard agenda's titles were stored in the words of the screen
that created them; they become codes (``title_code``), said in the reader's language.

Revision ID: 0005
Revises: 0004
"""

import datetime as dt
import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Written out rather than imported: a migration must not change when the code does.
TITLE_CODES = ("settlement", "audit_report", "plan_and_budget_this_year", "officer_election",
               "bylaws_adoption", "plan_and_budget", "founding_expenses")
# (code, subject, English title, Korean title as the catalogs said it when this was written)
STANDARD_TITLES = (
    ("settlement", "settlement", "Approval of last year's business report and settlement of accounts",
     "전년도 사업보고 및 결산 승인"),
    ("audit_report", "audit_report", "Approval of the audit report", "감사보고 승인"),
    ("plan_and_budget_this_year", "plan_and_budget", "Approval of this year's business plan and budget",
     "올해 사업계획 및 예산 승인"),
    ("officer_election", "officer_election", "Election of officers", "임원 선출"),
    ("bylaws_adoption", "bylaws_adoption", "Adoption of the bylaws", "정관 승인"),
    ("plan_and_budget", "plan_and_budget", "Approval of the business plan and budget", "사업계획 및 예산 승인"),
    ("founding_expenses", "founding_expenses", "Approval of the founding expenses", "설립경비 승인"),
)

items = sa.table("agenda_item", sa.column("id", sa.Integer), sa.column("meeting_id", sa.Integer),
                 sa.column("subject", sa.String), sa.column("title", sa.String), sa.column("closed", sa.Boolean),
                 sa.column("result", sa.JSON), sa.column("frozen_room", sa.JSON),
                 sa.column("title_code", sa.String))
rolls = sa.table("meeting_roll", sa.column("id", sa.Integer), sa.column("meeting_id", sa.Integer),
                 sa.column("digest", sa.String), sa.column("keys", sa.JSON), sa.column("names", sa.JSON),
                 sa.column("created_at", sa.DateTime))


def upgrade() -> None:
    op.create_table(
        "meeting_roll",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("keys", sa.JSON(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("meeting_id", "digest", name="uq_meeting_roll_digest"),
    )
    # Plain ALTER TABLE ADD COLUMN: a batch would rebuild agenda_item, which the votes, ballots and
    # exclusions reference, and SQLite refuses to drop a table that foreign keys point at.
    op.add_column("agenda_item", sa.Column("frozen_room", sa.JSON(), nullable=True))
    op.add_column("agenda_item", sa.Column("title_code", sa.String(40), nullable=True))
    bind = op.get_bind()
    _title_code_check(bind)
    _split_results(bind)
    _title_codes(bind)


def _split_results(bind: sa.Connection) -> None:
    rows = bind.execute(sa.select(items.c.id, items.c.meeting_id, items.c.result)
                        .where(items.c.closed.is_(True), items.c.result.is_not(None))).all()
    for item_id, meeting_id, old in rows:
        if old.get("v") == 2:
            continue
        roll_id = _roll(bind, meeting_id, old.get("register", []), old.get("names", {}))
        result, room = _v2(old, roll_id)
        bind.execute(sa.update(items).where(items.c.id == item_id).values(result=result, frozen_room=room))


def _roll(bind: sa.Connection, meeting_id: int, keys: list[int], names: dict[str, str]) -> int:
    # as domain.meetings.snapshot.Roll.digest: "key<TAB>name" lines in key order, SHA-256
    lines = "\n".join(f"{k}\t{names.get(str(k), '')}" for k in sorted(keys))
    digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()
    found = bind.execute(sa.select(rolls.c.id).where(rolls.c.meeting_id == meeting_id,
                                                     rolls.c.digest == digest)).scalar()
    if found is not None:
        return found
    bind.execute(sa.insert(rolls).values(meeting_id=meeting_id, digest=digest, keys=keys, names=names,
                                         created_at=dt.datetime.now()))
    return bind.execute(sa.select(rolls.c.id).where(rolls.c.meeting_id == meeting_id,
                                                    rolls.c.digest == digest)).scalar_one()


def _v2(d: dict, roll_id: int) -> tuple[dict, dict]:
    present = set(d["present"])
    voted = "vote_id" in d
    result = {
        "v": 2, "members": d["members"], "in_person": len(d["in_person"]), "by_proxy": len(d["represented"]),
        "excluded": len(set(d["excluded"]) & present), "quorum_reached": bool(d["quorum_reached"]),
        "quorum": d["quorum"], "quorum_params": d["quorum_params"], "quorum_article": d.get("quorum_article"),
        "vote_id": d.get("vote_id"), "yes": d.get("yes", 0), "no": d.get("no", 0), "abstain": d.get("abstain", 0),
        "roll_call": d.get("roll_call", False), "voted": voted, "passed": d.get("passed"),
        "rule": d.get("rule"), "explanation": d["explanation"] if voted else None,
        "explanation_params": d["explanation_params"] if voted else {}, "article": d.get("article"),
        "corrections": d.get("corrections", 0),
    }
    room = {"v": 2, "roll": roll_id, "in_person": d["in_person"], "represented": d["represented"],
            "excluded": d["excluded"], "proxies": d.get("proxies", []), "ballots": d.get("ballots", [])}
    return result, room


def _title_codes(bind: sa.Connection) -> None:
    for code, subject, english, korean in STANDARD_TITLES:
        bind.execute(sa.update(items).where(items.c.subject == subject, items.c.title.in_([english, korean]),
                                            items.c.title_code.is_(None))
                     .values(title_code=code, title=english))


def _title_code_check(bind: sa.Connection) -> None:
    """The database refuses a title code it does not know, as the enum's CHECK would: SQLite
    cannot add a CHECK to an existing table, so there triggers do it."""
    allowed = ", ".join(f"'{c}'" for c in TITLE_CODES)
    if bind.dialect.name == "sqlite":
        for event in ("INSERT", "UPDATE"):
            op.execute(f"CREATE TRIGGER agenda_title_code_{event.lower()} BEFORE {event} ON agenda_item "
                       f"WHEN NEW.title_code IS NOT NULL AND NEW.title_code NOT IN ({allowed}) "
                       f"BEGIN SELECT RAISE(ABORT, 'agenda_title_code'); END")
    else:
        op.create_check_constraint("agenda_title_code", "agenda_item", f"title_code IN ({allowed})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS agenda_title_code_insert")
        op.execute("DROP TRIGGER IF EXISTS agenda_title_code_update")
    else:
        op.drop_constraint("agenda_title_code", "agenda_item", type_="check")
    op.drop_column("agenda_item", "title_code")
    op.drop_column("agenda_item", "frozen_room")
    op.drop_table("meeting_roll")
