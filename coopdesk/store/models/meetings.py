"""Meetings (회의): general assemblies, founding meetings and board meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.store.models.base import Base, _partial_unique, enum_column


# -- meetings (회의): general assemblies, founding meetings and board meetings ----------------

class MeetingRow(Base):
    """A meeting: its kind, day, place and who convened and chaired it."""

    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind, "meeting_kind"))
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    convened_by: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[dt.time | None] = mapped_column(Time)
    closed_at: Mapped[dt.time | None] = mapped_column(Time)
    chair_name: Mapped[str] = mapped_column(String(100), default="")
    consenters: Mapped[int | None] = mapped_column(Integer)  # founding meeting only (설립동의자 수)
    room_version: Mapped[int] = mapped_column(Integer, server_default=text("0"))  # moved by each arrival
    purpose: Mapped[str] = mapped_column(String(500), default="")  # the notice's purpose (소집 목적)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="meeting_title_not_blank"),
        CheckConstraint("consenters IS NULL OR consenters >= 0", name="meeting_consenters"),
        Index("ix_meeting_coop", "coop_id"),
    )


class AgendaItemRow(Base):
    """One item of a meeting's agenda; ``result`` is the snapshot frozen when it closes."""

    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    subject: Mapped[Subject] = mapped_column(enum_column(Subject, "agenda_subject"))
    title: Mapped[str] = mapped_column(String(200))
    proposal: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[ResolutionKind] = mapped_column(enum_column(ResolutionKind, "resolution_kind"))
    discussion: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    expel_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    grounds_told_on: Mapped[dt.date | None] = mapped_column(Date)
    expulsion_grounds: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))  # 제명 사유
    heard: Mapped[bool] = mapped_column(Boolean, default=False)  # the member had the chance to speak
    new_bylaws: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # a bylaws amendment: the text parts it proposes, and the version it amends (migration 0011)
    new_bylaws_texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    bylaws_base_version: Mapped[int | None] = mapped_column(Integer)
    # The frozen result (domain.meetings.snapshot): the counts and decision, read with every list
    # of results, apart from who was in the room, read only when asked (deferred).
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    frozen_room: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    title_code: Mapped[StandardTitle | None] = mapped_column(enum_column(StandardTitle, "agenda_title_code"))
    __table_args__ = (
        UniqueConstraint("meeting_id", "position", name="uq_agenda_item_meeting_position"),
        CheckConstraint("length(trim(title)) > 0", name="agenda_title_not_blank"),
    )


class MeetingRollRow(Base):
    """The register of a meeting's day as closed items counted it (members, consenters entered or
    directors in office), stored once per meeting: again only if it changed (an expulsion)."""

    __tablename__ = "meeting_roll"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    digest: Mapped[str] = mapped_column(String(64))  # of the keys and names: finds the same roll again
    keys: Mapped[list[int]] = mapped_column(JSON)
    names: Mapped[dict[str, str]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("meeting_id", "digest", name="uq_meeting_roll_digest"),)


class MeetingRegisterRow(Base):
    """The size of a members' meeting's register, counted on the register's generation: kept so
    that a room action does not count the whole register again (see migration 0008).  Also the
    roll the meeting's closed items froze on that generation."""

    __tablename__ = "meeting_register"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    generation: Mapped[int] = mapped_column(Integer)
    members: Mapped[int] = mapped_column(Integer)
    roll_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_roll.id", ondelete="RESTRICT"))
    __table_args__ = (CheckConstraint("members >= 0", name="meeting_register_members_not_negative"),)


class MeetingNoticeRow(Base):
    """A notice sent (소집통지): how (channel codes, and any other way as typed), and for a late
    notice the numbers of the warning the user went on despite."""

    __tablename__ = "meeting_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    sent_on: Mapped[dt.date] = mapped_column(Date)
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)  # NoticeChannel codes
    method: Mapped[str] = mapped_column(String(100))  # any other way, as typed
    note: Mapped[str] = mapped_column(Text, default="")
    accepted_late: Mapped[bool] = mapped_column(Boolean, default=False)
    late_days: Mapped[int | None] = mapped_column(Integer)  # the notice period applied
    late_short: Mapped[int | None] = mapped_column(Integer)  # days late
    late_latest: Mapped[dt.date | None] = mapped_column(Date)  # the last day it was due
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_meeting_notice_meeting", "meeting_id"),)



# An attendee is a member (assemblies) or a director's term (board meetings), never both.
ATTENDEE_CHECK = "(member_id IS NULL) <> (officer_term_id IS NULL)"


class CheckInRow(Base):
    """One stay in the room: checked in at ``in_at``, out at ``out_at`` (NULL while here)."""

    __tablename__ = "meeting_check_in"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    officer_term_id: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    in_at: Mapped[dt.datetime] = mapped_column(DateTime)
    out_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(ATTENDEE_CHECK, name="check_in_attendee_one_of"),
        Index("ix_meeting_check_in_meeting", "meeting_id"),
        # one open stay per attendee, even when two laptops check the same member in at once
        _partial_unique("uq_check_in_member_here", ("meeting_id", "member_id"), "out_at IS NULL"),
        _partial_unique("uq_check_in_director_here", ("meeting_id", "officer_term_id"), "out_at IS NULL"),
    )


class ProxyRow(Base):
    """A proxy (위임) for one principal; ``revoked_at`` is set when the principal comes in person."""

    __tablename__ = "meeting_proxy"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    principal_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    holder_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    family_name: Mapped[str] = mapped_column(String(100), default="")
    lives_with_principal: Mapped[bool] = mapped_column(Boolean, default=False)
    written_proof: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        Index("ix_meeting_proxy_meeting", "meeting_id"),
        # Act 23③: one standing proxy per principal, and a holder represents one principal
        _partial_unique("uq_proxy_principal", ("meeting_id", "principal_id"), "revoked_at IS NULL"),
        _partial_unique("uq_proxy_holder", ("meeting_id", "holder_member_id"),
                        "revoked_at IS NULL AND holder_member_id IS NOT NULL"),
    )


class ExclusionRow(Base):
    """An attendee with a personal interest in an item, left out of its vote (특별이해관계)."""

    __tablename__ = "item_exclusion"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    officer_term_id: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(ATTENDEE_CHECK, name="exclusion_attendee_one_of"),
        Index("ix_item_exclusion_item", "item_id"),
        Index("uq_exclusion_member", "item_id", "member_id", unique=True),
        Index("uq_exclusion_director", "item_id", "officer_term_id", unique=True),
    )


class BallotRow(Base):
    """One attendee's choice in a roll-call vote (기명 투표), committed as it is cast."""

    __tablename__ = "item_ballot"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    officer_term_id: Mapped[int | None] = mapped_column(ForeignKey("officer_term.id", ondelete="RESTRICT"))
    choice: Mapped[Choice] = mapped_column(enum_column(Choice, "ballot_choice"))
    cast_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(ATTENDEE_CHECK, name="ballot_attendee_one_of"),
        Index("ix_item_ballot_item", "item_id"),
        Index("uq_ballot_member", "item_id", "member_id", unique=True),  # one vote per member
        Index("uq_ballot_director", "item_id", "officer_term_id", unique=True),
    )


class VoteRow(Base):
    """A recorded count of one item; append-only: a correction supersedes, with a reason."""

    __tablename__ = "item_vote"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    yes: Mapped[int] = mapped_column(Integer)
    no: Mapped[int] = mapped_column(Integer)
    abstain: Mapped[int] = mapped_column(Integer)
    roll_call: Mapped[bool] = mapped_column(Boolean, default=False)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("item_vote.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint("yes >= 0 AND no >= 0 AND abstain >= 0", name="vote_counts_not_negative"),
        Index("ix_item_vote_item", "item_id"),
    )


class MinuteSignerRow(Base):
    """A member elected at a members' meeting to sign its minutes (Act 30③), in signing order."""

    __tablename__ = "minute_signer"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id", name="uq_minute_signer_member"),
        UniqueConstraint("meeting_id", "position", name="uq_minute_signer_position"),
    )
