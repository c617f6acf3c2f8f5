"""Officer elections (임원 선거)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.officers.terms import Office
from coopdesk.store.models.base import Base, enum_column


# -- officer elections (임원 선거) ------------------------------------------------------------------
# The secrecy of the ballot is in these tables' shape (migration 0009): a ballot names no voter and
# carries no time or sequence; its key is random, and on SQLite the ballots and the roll are stored
# WITHOUT ROWID, in the order of their keys, not of their casting.

class ElectionRow(Base):
    """An officer election held as one agenda item of a general assembly or the founding meeting."""

    __tablename__ = "election"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    voting: Mapped[VotingMethod] = mapped_column(enum_column(VotingMethod, "election_voting"))
    announced_on: Mapped[dt.date | None] = mapped_column(Date)  # the campaign limits apply from it (Act 37)
    candidacy_from: Mapped[dt.date | None] = mapped_column(Date)
    candidacy_to: Mapped[dt.date | None] = mapped_column(Date)
    committee: Mapped[list[str]] = mapped_column(JSON, default=list)  # the election committee (Act 38)
    lots_seed: Mapped[str | None] = mapped_column(String(100))  # printed: anyone can draw the lots again
    __table_args__ = (
        UniqueConstraint("item_id", name="uq_election_item_id"),
        CheckConstraint("candidacy_from IS NULL OR candidacy_to IS NULL OR candidacy_from <= candidacy_to",
                        name="election_candidacy_order"),
    )


class ContestRow(Base):
    """One office to fill in one round; a run-off is a further round between the tied (``runoff_of``)."""

    __tablename__ = "election_contest"
    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("election.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    office: Mapped[Office] = mapped_column(enum_column(Office, "contest_office"))
    seats: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    runoff_of: Mapped[int | None] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"))
    term_start: Mapped[dt.date | None] = mapped_column(Date)  # None: the meeting day
    term_end: Mapped[dt.date | None] = mapped_column(Date)  # None: from the bylaws' term, or the vacancy's
    vacancy_of: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    state: Mapped[ContestState] = mapped_column(enum_column(ContestState, "contest_state"))
    present: Mapped[int | None] = mapped_column(Integer)  # members present for the vote, when it closed
    tally: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # frozen when decided
    __table_args__ = (
        UniqueConstraint("election_id", "office", "round", name="uq_election_contest_round"),
        UniqueConstraint("election_id", "position", name="uq_election_contest_position"),
        CheckConstraint("seats >= 1", name="contest_seats_positive"),
        CheckConstraint("round >= 1", name="contest_round_positive"),
        CheckConstraint("present IS NULL OR present >= 0", name="contest_present_not_negative"),
    )


class CandidateRow(Base):
    """A candidate in one contest: a member, or (an auditor) a named person who is not one."""

    __tablename__ = "election_candidate"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # ballot order
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)  # decides a tie under the "older" rule
    registered_on: Mapped[dt.date] = mapped_column(Date)
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        UniqueConstraint("contest_id", "member_id", name="uq_election_candidate_member"),
        UniqueConstraint("contest_id", "position", name="uq_election_candidate_position"),
        CheckConstraint("length(trim(name)) > 0", name="candidate_name_not_blank"),
    )


class VotedRow(Base):
    """The voter roll of one contest: that a member has voted (or taken a paper), nothing else.
    The primary key refuses a second vote, from any laptop."""

    __tablename__ = "election_voted"
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"),
                                            primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    __table_args__ = ({"sqlite_with_rowid": False},)


class ElectionBallotRow(Base):
    """One secret ballot: a random key, its contest and its marks — no voter, time or sequence."""

    __tablename__ = "election_ballot"
    id: Mapped[str] = mapped_column(String(32))  # secrets.token_hex(16)
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"))
    marks: Mapped[str] = mapped_column(Text)  # canonical JSON of the domain Ballot
    __table_args__ = (
        # The contest first: a tally reads only its contest's ballots, which lie together in
        # the order of their random keys.
        PrimaryKeyConstraint("contest_id", "id", name="pk_election_ballot"),
        CheckConstraint("length(id) = 32", name="election_ballot_id_length"),
        {"sqlite_with_rowid": False},
    )


class TallyEntryRow(Base):
    """A paper count as one teller typed it; the count is accepted when both tellers' agree."""

    __tablename__ = "election_tally_entry"
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contest.id", ondelete="CASCADE"),
                                            primary_key=True)
    teller: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    tally: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (CheckConstraint("teller IN (1, 2)", name="tally_entry_teller"),)
