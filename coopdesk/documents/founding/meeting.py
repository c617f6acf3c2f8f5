"""The founding meeting's papers in the pack: its public notice (공고문, Act 15②) and its
minutes, through the meetings' own renderers.

The public notice is the meeting's notice with what Act 15② adds for a founding meeting: who
may become a member, and when and where the notice was posted.  The minutes are the meeting's
minutes as printed anywhere else.  In English both say first that they are a reference
translation."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.founding.base import reference_note
from coopdesk.documents.meetings.minutes import MinutesRenderer
from coopdesk.documents.meetings.notice import NoticeRenderer
from coopdesk.domain import law
from coopdesk.domain.founding.papers import PublicNotice
from coopdesk.domain.meetings.papers import (
    MinutesPaper,
    check_notice,
    minute_signatures,
)


class PublicNoticeRenderer(NoticeRenderer):
    def __init__(self, notice: PublicNotice, language: str) -> None:
        check_notice(notice.paper)  # no agenda or no place: refused, as any notice
        super().__init__(notice.paper, language)
        self.public = notice

    def title(self) -> str:
        return self.t.gettext("Public notice of the {meeting}", meeting=self.meeting_name())

    def build_story(self) -> list[Flowable]:
        t, m, n = self.t, self.meeting, self.public
        posted = t.gettext("{date}, {place}", date=t.date(n.posted_on, "long"), place=n.posted_at) \
            if n.posted_on else t.gettext("not yet posted")
        days = law.FOUNDING_NOTICE_DAYS
        return [
            *reference_note(self, self.note),
            self.para(self.title(), self.heading),
            self.para(t.gettext("{coop} (in founding) calls its founding meeting as follows ({article}). Everyone "
                                "who shares its purpose and has handed the founders a consent form may attend.",
                                coop=m.coop_name, article=days.ref.label(self.language))),
            Spacer(0, 5 * mm),
            self.facts_block([
                (t.gettext("Meeting"), self.kind_label()),
                (t.gettext("Date and time"), self.when()),
                (t.gettext("Place"), m.place),
                (t.gettext("Membership qualifications"), n.qualifications or "-"),
                (t.gettext("Matters to decide"), self._agenda()),
                (t.gettext("Posted"), posted),
            ]),
            Spacer(0, 4 * mm),
            self.para(t.gettext("The notice is posted at least {days} days before the meeting ({article}).",
                                days=t.number(days.value), article=days.ref.label(self.language)), self.note),
            Spacer(0, 12 * mm),
            *self._signed(),
        ]


class FoundingMinutesRenderer(MinutesRenderer):
    def __init__(self, paper: MinutesPaper, language: str) -> None:
        # Final minutes without the chair and three consenters elected to sign are refused (Act 30③).
        super().__init__(paper, language, minute_signatures(paper))

    def build_story(self) -> list[Flowable]:
        return [*reference_note(self, self.note), *super().build_story()]
