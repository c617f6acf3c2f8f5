"""Screen words of the meetings area that several of its widgets share."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.notice import NOTICE_LATE, NoticeChannel, NoticeCheck
from coopdesk.i18n import N_, _, current

# How a notice went out (소집통지 방법): offered in the method box, which also takes any text.
NOTICE_METHODS: tuple[str, ...] = tuple(c.label for c in NoticeChannel)

# A new meeting's title, until the secretary types another (e.g. "2026년 정기총회").
_TITLES = {
    MeetingKind.FOUNDING: N_("Founding meeting"),
    MeetingKind.ORDINARY_ASSEMBLY: N_("Ordinary general assembly {year}"),
    MeetingKind.EXTRAORDINARY_ASSEMBLY: N_("Extraordinary general assembly {year}"),
    MeetingKind.BOARD: N_("Board meeting {year}"),
}

# The papers of a meeting, in the order of its life: (paper kind, draft, label).  The kinds
# are the values of services.meeting_printing.MeetingPaperKind, named here by value so the
# window can list them without loading the PDF machinery until something is printed.
PAPERS: tuple[tuple[str, bool, str], ...] = (
    ("notice", False, N_("Notice of the meeting")),
    ("attendance", False, N_("Attendance sheet")),
    ("proxy-form", False, N_("Proxy form")),
    ("minutes", True, N_("Minutes, draft")),
    ("minutes", False, N_("Minutes, final")),
)

# Colours of the live checks: the same red the forms use for refusals.
OK_COLOUR, WARNING_COLOUR = "#1b5e20", "#b00020"


def suggested_title(kind: MeetingKind, day: dt.date) -> str:
    """The usual title of a meeting of ``kind`` held on ``day``; the year is not a number to group."""
    return _(_TITLES[kind], year=str(day.year))


def time_text(value: dt.time | None) -> str:
    """A meeting's hour as people write it: 14:00."""
    return "" if value is None else value.strftime("%H:%M")


def date_text(value: dt.date | None) -> str:
    return current().date(value)


def check_text(check: NoticeCheck) -> str:
    """A notice check's warning with its date written for people, and the article."""
    params = {**check.params, "latest": current().date(check.latest)}
    warning = check.warning or NOTICE_LATE
    text = _(warning, **params)
    if check.ref is not None:
        text += " " + _("({article})", article=check.ref.label(current().language))
    return text
