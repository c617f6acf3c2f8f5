"""Printing an election's papers to PDF files, in the language the user picks — for the
``coopdesk print`` commands and the window alike.

Like the meeting papers (``services.meetings.printing``), a paper is rendered in memory and
replaces the target only once complete; ``progress(done, total)`` returning False cancels
(``Cancelled``), leaving no file.  Refusals (ballots for a contest without candidates, a
result not decided yet) come before anything is written.  The result announcement and the
officer list carry the audit log's mark.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.coops import get_coop
from coopdesk.services.elections import papers
from coopdesk.services.elections.calling import get_election
from coopdesk.services.meetings.meeting import get_meeting
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database

if TYPE_CHECKING:  # the renderers load reportlab: imported only when a paper is printed
    from coopdesk.documents.base import Progress


class ElectionPaperKind(StrEnum):
    BALLOTS = "ballots"
    NOTICE = "election-notice"
    RESULT = "election-result"
    OFFICERS = "officer-list"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ElectionPaperKind.BALLOTS: N_("Ballot papers"),
    ElectionPaperKind.NOTICE: N_("Election announcement"),
    ElectionPaperKind.RESULT: N_("Election result"),
    ElectionPaperKind.OFFICERS: N_("Officer list"),
}


def render_election_ballots(db: Database, coop_id: int, election_id: int, language: str, *,
                            copies: int | None = None, per_page: int = 4, contest_ids: tuple[int, ...] = (),
                            progress: Progress | None = None) -> bytes:
    """Ballot papers for the contests open for voting (or those named): ``copies`` of each, by
    default one for every voter present now (``papers.default_copies``)."""
    from coopdesk.documents.elections.ballots import render_ballots

    facts = papers.ballot_facts(db, coop_id, election_id, contest_ids)
    copies = copies if copies is not None else papers.default_copies(db, coop_id, election_id)
    return render_ballots(facts, language, copies=copies, per_page=per_page, progress=progress)


def render_election_notice(db: Database, coop_id: int, election_id: int, language: str, *,
                           progress: Progress | None = None) -> bytes:
    """The election announcement (선거 공고)."""
    from coopdesk.documents.elections.announcement import render_announcement

    return render_announcement(papers.election_facts(db, coop_id, election_id), language, progress=progress)


def render_election_result(db: Database, coop_id: int, election_id: int, language: str, *,
                           announced_on: dt.date | None = None, progress: Progress | None = None) -> bytes:
    """The result announcement (당선 공고); refused until every contest is decided."""
    from coopdesk.documents.elections.result import render_result

    paper = papers.result_paper(db, coop_id, election_id, announced_on)
    return render_result(paper, language, progress=progress)


def render_officer_list(db: Database, coop_id: int, language: str, *, as_of: dt.date | None = None,
                        election_id: int | None = None, progress: Progress | None = None) -> bytes:
    """The officer list (임원 명부) on ``as_of``; with an election, its new officers marked."""
    from coopdesk.documents.elections.officers import render_officer_list as render

    return render(papers.officer_list_paper(db, coop_id, as_of, election_id), language, progress=progress)


def print_election_paper(db: Database, coop_id: int, kind: ElectionPaperKind, path: str | Path, language: str, *,
                         election_id: int | None = None, copies: int | None = None, per_page: int = 4,
                         contest_ids: tuple[int, ...] = (), as_of: dt.date | None = None,
                         progress: Progress | None = None) -> PrintResult:
    """One election paper written to ``path``.  ``election_id`` is needed but for the officer list;
    ``as_of``: the officer list's day, or the day the result is announced."""
    if kind is ElectionPaperKind.OFFICERS:
        pdf = render_officer_list(db, coop_id, language, as_of=as_of, election_id=election_id, progress=progress)
    else:
        assert election_id is not None, "an election paper needs its election"
        if kind is ElectionPaperKind.BALLOTS:
            pdf = render_election_ballots(db, coop_id, election_id, language, copies=copies, per_page=per_page,
                                          contest_ids=contest_ids, progress=progress)
        elif kind is ElectionPaperKind.NOTICE:
            pdf = render_election_notice(db, coop_id, election_id, language, progress=progress)
        else:
            pdf = render_election_result(db, coop_id, election_id, language, announced_on=as_of, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def suggested_election_name(db: Database, coop_id: int, kind: ElectionPaperKind, language: str,
                            election_id: int | None = None) -> str:
    """A file name like "2026년 정기총회 당선 공고.pdf" (the officer list: the co-op's name), safe on Windows."""
    label = Translator(language).gettext(kind.label)
    if election_id is None:
        title = get_coop(db, coop_id).name
    else:
        title = get_meeting(db, coop_id, get_election(db, coop_id, election_id).meeting_id).title
    name = re.sub(r'[\\/:*?"<>|]+', " ", f"{title} {label}")
    return " ".join(name.split()) + ".pdf"
