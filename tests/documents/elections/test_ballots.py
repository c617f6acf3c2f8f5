"""Ballot papers read back with pypdf: offices, candidates in ballot order, the seal box, the
instructions, papers per sheet, and nothing that tells one paper from another."""

from __future__ import annotations

import dataclasses

import pytest

from coopdesk.documents.elections.ballots import ballot_pages, render_ballots
from coopdesk.documents.elections.base import CHAIR_SEAL, COMMITTEE_SEAL
from coopdesk.documents.elections.data import CandidateLine, ContestLine
from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.i18n import Translator
from tests.documents.elections.samples import DIRECTORS, ELECTION
from tests.documents.meetings.test_papers import all_text, assert_nanum_embedded, flat, pdf

LANGUAGES = ["ko", "en"]
DIRECTORS_ONLY = dataclasses.replace(ELECTION, contests=ELECTION.contests[:1])


@pytest.mark.parametrize(("copies", "per_page", "sheets"), [(30, 4, 8), (30, 2, 15), (30, 1, 30), (4, 4, 1),
                                                            (5, 4, 2)])
def test_papers_per_sheet_give_the_number_of_sheets(copies, per_page, sheets):
    reader = pdf(render_ballots(DIRECTORS_ONLY, "en", copies=copies, per_page=per_page))
    assert len(reader.pages) == sheets == ballot_pages(1, copies, per_page)
    title = Translator("en").gettext("Ballot paper: election of directors")
    assert flat(all_text(reader)).count(flat(title)) == copies  # every paper printed, no more


def test_each_contest_starts_on_a_sheet_of_its_own():
    reader = pdf(render_ballots(ELECTION, "ko", copies=6, per_page=4))
    t = Translator("ko")
    assert len(reader.pages) == 4 == ballot_pages(2, 6, 4)
    texts = [flat(page.extract_text()) for page in reader.pages]
    directors, auditors = flat(t.gettext("Ballot paper: election of directors")), \
        flat(t.gettext("Ballot paper: election of auditors"))
    assert [text.count(directors) for text in texts] == [4, 2, 0, 0]
    assert [text.count(auditors) for text in texts] == [0, 0, 4, 2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_paper_names_the_office_the_candidates_in_ballot_order_and_the_seal_box(language):
    t = Translator(language)
    reader = pdf(render_ballots(DIRECTORS_ONLY, language, copies=1, per_page=1))
    text = reader.pages[0].extract_text()
    compact = flat(text)
    for fact in (ELECTION.meeting.coop_name, ELECTION.meeting.title, t.date(ELECTION.meeting.date, "long"),
                 t.gettext("Ballot paper: election of directors"), t.gettext(COMMITTEE_SEAL),
                 t.gettext("Ballot no."), t.gettext("Candidate"), t.gettext("Your mark")):
        assert flat(fact) in compact, fact
    assert flat(t.ngettext("Elect {seats} · mark up to {seats} candidate",
                           "Elect {seats} · mark up to {seats} candidates", 3, seats="3")) in compact
    lines = text.splitlines()
    names = [name for name, _, _ in DIRECTORS]
    assert [lines.index(name) for name in names] == sorted(lines.index(name) for name in names)
    for number, name in enumerate(names, start=1):  # the ballot number just before each name
        assert lines[lines.index(name) - 1] == str(number)
    # plain-word instructions: how to mark, what makes a paper invalid, where it goes
    assert flat(t.ngettext("Mark ○ in the box of the candidate you choose: at most {seats}.",
                           "Mark ○ in the boxes of the candidates you choose: at most {seats}.", 3, seats="3")) \
        in compact
    seal = t.gettext("the seal of the election committee")
    assert flat(t.ngettext("A paper marking more than {seats} candidate, or without {seal}, is invalid.",
                           "A paper marking more than {seats} candidates, or without {seal}, is invalid.", 3,
                           seats="3", seal=seal)) in compact
    assert flat(t.gettext("Fold the paper so that no one sees your marks, and put it in the ballot box.")) in compact
    assert "이(가)" not in text  # the Korean particle is chosen for the word, never printed double
    assert_nanum_embedded(reader)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_yes_or_no_contest_has_for_and_against_boxes(language):
    t = Translator(language)
    auditors = dataclasses.replace(ELECTION, contests=ELECTION.contests[1:])
    text = flat(pdf(render_ballots(auditors, language, copies=1, per_page=2)).pages[0].extract_text())
    for words in (t.gettext("For"), t.gettext("Against"), t.gettext("Ballot paper: election of auditors"),
                  t.gettext("Elect up to {seats} · yes or no for each candidate", seats="1"), "정다섯"):
        assert flat(words) in text, words
    assert flat(t.gettext("Your mark")) not in text


def test_without_a_committee_the_chair_of_the_meeting_seals_the_papers():
    t = Translator("ko")
    no_committee = dataclasses.replace(DIRECTORS_ONLY, committee=())
    text = flat(pdf(render_ballots(no_committee, "ko", copies=1, per_page=4)).pages[0].extract_text())
    assert flat(t.gettext(CHAIR_SEAL)) in text
    assert flat(t.gettext(COMMITTEE_SEAL)) not in text


def test_a_run_off_paper_says_so_and_lists_only_the_tied():
    t = Translator("ko")
    runoff = ContestLine(Office.DIRECTOR, 1, (CandidateLine("박세나", 8), CandidateLine("최네모", 11)), round=2)
    text = pdf(render_ballots(dataclasses.replace(ELECTION, contests=(runoff,)), "ko", copies=1, per_page=4)
               ).pages[0].extract_text()
    assert flat(t.gettext("Ballot paper: run-off for directors")) in flat(text)
    assert "박세나" in text and "최네모" in text and "김하나" not in text


def test_two_candidates_of_one_name_are_told_apart_by_member_number():
    twins = ContestLine(Office.DIRECTOR, 1, (CandidateLine("김민준", 4), CandidateLine("김민준", 12),
                                              CandidateLine("이서연", 7)))
    t = Translator("en")
    text = flat(pdf(render_ballots(dataclasses.replace(ELECTION, contests=(twins,)), "en", copies=1, per_page=4)
                    ).pages[0].extract_text())
    for number in (4, 12):
        assert flat(t.gettext("{name} (member {number})", name="김민준", number=str(number))) in text
    assert flat(t.gettext("{name} (member {number})", name="이서연", number="7")) not in text


def test_nothing_tells_one_paper_from_another():
    """Full sheets of one contest are the same drawing byte for byte: no serial number, no page
    number, no header that a voter's paper could be traced by."""
    reader = pdf(render_ballots(DIRECTORS_ONLY, "ko", copies=30, per_page=4))
    contents = [page.get_contents().get_data() for page in reader.pages]
    assert all(c == contents[0] for c in contents[:-1])  # the last sheet holds two papers
    text = all_text(reader)
    assert Translator("ko").gettext("Page {page} of {pages}", page="1", pages="8") not in text


@pytest.mark.parametrize(("election", "copies", "per_page", "field"), [
    (ELECTION, 10, 3, "per_page"),
    (ELECTION, 0, 4, "copies"),
    (dataclasses.replace(ELECTION, contests=()), 10, 4, "contests"),
    (dataclasses.replace(ELECTION, contests=(ContestLine(Office.DIRECTOR, 3),)), 10, 4, "candidates"),
])
def test_impossible_prints_are_refused(election, copies, per_page, field):
    with pytest.raises(Refusal) as refused:
        render_ballots(election, "en", copies=copies, per_page=per_page)
    assert refused.value.field == field


def test_too_many_candidates_for_a_quarter_sheet_is_refused_but_fit_on_a_whole_one():
    crowd = ContestLine(Office.DIRECTOR, 5, tuple(CandidateLine(f"후보{n}", n) for n in range(1, 16)))
    election = dataclasses.replace(ELECTION, contests=(crowd,))
    with pytest.raises(Refusal) as refused:
        render_ballots(election, "ko", copies=4, per_page=4)
    assert refused.value.field == "per_page"
    text = pdf(render_ballots(election, "ko", copies=1, per_page=1)).pages[0].extract_text()
    assert all(f"후보{n}" in text.splitlines() for n in range(1, 16))


def test_progress_counts_papers_and_cancel_stops():
    seen: list[tuple[int, int]] = []
    render_ballots(ELECTION, "en", copies=10, per_page=4, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (20, 20)
    assert all(total == 20 for _, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)

    asked: list[int] = []
    with pytest.raises(Cancelled):
        render_ballots(ELECTION, "en", copies=200, per_page=4, progress=lambda done, total: asked.append(done) or False)
    assert len(asked) == 1 and asked[0] < 400
