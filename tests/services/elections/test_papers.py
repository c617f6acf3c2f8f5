"""An election's papers printed through the services the CLI and the window call: ballot papers
for the open contests (one per voter present), the announcement, the result announcement, the
officer list, and the minutes' election section — read back with pypdf.  On SQLite and PostgreSQL."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.elections.data import OfficerStatus
from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.calling import add_contest
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.papers import officer_list_paper
from coopdesk.services.elections.printing import (
    ElectionPaperKind,
    print_election_paper,
    suggested_election_name,
)
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper
from coopdesk.services.meetings.votes import close_item
from tests.services.elections.helpers import candidate, name
from tests.services.elections.test_assembly_election import (
    AUDITOR_BALLOTS,
    CHAIR_BALLOTS,
    DIRECTOR_BALLOTS,
    DIRECTOR_CANDIDATES,
    call,
    vote_all,
)


def text_of(path) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), "".join("".join(p.extract_text() for p in reader.pages).split())


def elect(db, coop, item_id) -> int:
    called = call(db, coop, item_id)
    directors, auditors = (c.id for c in called.contests)
    for n in DIRECTOR_CANDIDATES:
        candidate(db, coop, directors, n)
    candidate(db, coop, auditors, 10)
    open_voting(db, coop.id, called.id, [directors, auditors])
    vote_all(db, coop, called.id, [directors, auditors], [DIRECTOR_BALLOTS, AUDITOR_BALLOTS])
    for contest in (directors, auditors):
        close_voting(db, coop.id, contest)
        decide_contest(db, coop.id, contest)
    chair = add_contest(db, coop.id, called.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
    candidate(db, coop, chair, 2)
    candidate(db, coop, chair, 5)
    open_voting(db, coop.id, called.id, [chair])
    vote_all(db, coop, called.id, [chair], [CHAIR_BALLOTS])
    close_voting(db, coop.id, chair)
    decide_contest(db, coop.id, chair)
    return called.id


def test_ballot_papers_for_the_open_contests_one_for_each_voter_present(db, coop, assembly, tmp_path):
    _, item_id = assembly
    called = call(db, coop, item_id)
    with pytest.raises(Refusal, match="Decide every contest"):
        print_election_paper(db, coop.id, ElectionPaperKind.RESULT, tmp_path / "r.pdf", "ko", election_id=called.id)
    assert not (tmp_path / "r.pdf").exists()
    directors, auditors = (c.id for c in called.contests)
    for n in DIRECTOR_CANDIDATES:
        candidate(db, coop, directors, n)
    candidate(db, coop, auditors, 10)
    open_voting(db, coop.id, called.id, [directors])
    out = tmp_path / "ballots.pdf"
    printed = print_election_paper(db, coop.id, ElectionPaperKind.BALLOTS, out, "ko", election_id=called.id,
                                   per_page=1)
    pages, text = text_of(out)
    assert printed.pages == pages == 13  # 13 present (one by proxy), the directors' contest only
    assert all(name(n) in text for n in DIRECTOR_CANDIDATES) and name(10) not in text
    with pytest.raises(Cancelled):
        print_election_paper(db, coop.id, ElectionPaperKind.BALLOTS, tmp_path / "gone.pdf", "ko",
                             election_id=called.id, progress=lambda done, total: False)
    assert not (tmp_path / "gone.pdf").exists()
    notice = tmp_path / "notice.pdf"
    print_election_paper(db, coop.id, ElectionPaperKind.NOTICE, notice, "en", election_id=called.id)
    assert "2026" in text_of(notice)[1] and name(2) in text_of(notice)[1]
    assert suggested_election_name(db, coop.id, ElectionPaperKind.NOTICE, "ko", called.id) == \
        "2026년 정기총회 선거 공고.pdf"


def test_the_result_the_officer_list_and_the_minutes_follow_from_the_election(db, coop, assembly, tmp_path):
    meeting_id, item_id = assembly
    election_id = elect(db, coop, item_id)
    result = tmp_path / "result.pdf"
    print_election_paper(db, coop.id, ElectionPaperKind.RESULT, result, "ko", election_id=election_id,
                         as_of=dt.date(2026, 3, 30))
    text = text_of(result)[1]
    assert f"이사장{name(2)}이사{name(2)}·{name(6)}·{name(7)}감사{name(10)}" in text
    close_item(db, coop.id, item_id)

    paper = officer_list_paper(db, coop.id, election_id=election_id)
    status = {(o.office, o.member_number): o.status for o in paper.officers}
    assert status[(Office.CHAIR, 2)] is OfficerStatus.NEW
    assert status[(Office.DIRECTOR, 2)] is OfficerStatus.REELECTED  # a director until the day after
    assert status[(Office.DIRECTOR, 5)] is OfficerStatus.CONTINUING
    assert status[(Office.AUDITOR, 10)] is OfficerStatus.NEW and paper.certifier == name(2)
    officers = tmp_path / "officers.pdf"
    print_election_paper(db, coop.id, ElectionPaperKind.OFFICERS, officers, "ko", election_id=election_id)
    assert name(10) in text_of(officers)[1]

    for language, sentence in (
            ("ko", (f"이사3인선출:{name(2)}10표,{name(6)}10표,{name(7)}7표,{name(8)}5표,{name(9)}2표—"
                    f"{name(2)}·{name(6)}·{name(7)}당선")),
            ("en", f"Electionof3directors:{name(2)}10votes,{name(6)}10votes,{name(7)}7votes")):
        minutes = tmp_path / f"minutes-{language}.pdf"
        print_meeting_paper(db, coop.id, meeting_id, MeetingPaperKind.MINUTES, minutes, language, draft=True)
        assert sentence in text_of(minutes)[1]
