"""The election result announcement (당선 공고) read back with pypdf."""

from __future__ import annotations

import dataclasses

import pytest

from coopdesk.documents.elections.result import render_result
from coopdesk.documents.elections.wording import contest_heading
from coopdesk.domain import law
from coopdesk.domain.elections.lots import lot_digest
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.officers.terms import Office
from coopdesk.i18n import Translator
from tests.documents.elections.samples import PRESENT, SEED, result_paper
from tests.documents.meetings.test_papers import all_text, assert_nanum_embedded, flat, pdf

LANGUAGES = ["ko", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_result_lists_each_candidates_votes_and_who_is_elected(language):
    t = Translator(language)
    paper = result_paper()
    reader = pdf(render_result(paper, language))
    text = all_text(reader)
    compact = flat(text)
    for fact in (t.gettext("Announcement of the election result"), paper.meeting.coop_name, paper.meeting.title,
                 t.date(paper.announced_on, "long"), paper.convener,
                 t.gettext("{count} people", count=t.number(PRESENT)),
                 contest_heading(Office.DIRECTOR, 3, 1, t), contest_heading(Office.AUDITOR, 1, 1, t),
                 contest_heading(Office.CHAIR, 1, 1, t), t.gettext("For"), t.gettext("Against")):
        assert flat(fact) in compact, fact
    # one row per candidate: name, member number, votes (and the no), "elected" for the elected
    lines = text.splitlines()
    e = t.gettext("Elected")
    for row in (["김하나", "3", "9", e], ["이두리", "5", "8", e], ["박세나", "8", "7", e], ["최네모", "11", "2"],
                ["정다섯", "6", "10", "2", e], ["김하나", "3", "8", e], ["이두리", "5", "4"]):
        at = next(i for i in range(len(lines)) if lines[i:i + len(row)] == row)
        assert row[-1] == e or lines[at + len(row)] != e, row  # the others are not marked elected
    assert lines.count(e) == 5
    assert flat(t.gettext("Ballots: {ballots} (blank {blank}, invalid {invalid})", ballots="12", blank="1",
                          invalid="0")) in compact
    assert_nanum_embedded(reader)


@pytest.mark.parametrize("language", LANGUAGES)
def test_result_states_each_rule_with_its_article_or_bylaws_setting(language):
    t = Translator(language)
    text = flat(all_text(pdf(render_result(result_paper(), language))))
    assert flat(law.ONE_MEMBER_ONE_VOTE.ref.label(language)) in text
    assert flat(t.gettext("(bylaws setting: {setting})", setting=t.gettext("An officer candidate needs"))) in text
    assert flat(t.gettext("Under the bylaws a candidate needs the votes of more than half of the members present "
                          "({present}).", present=t.number(PRESENT))) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_draw_prints_its_seed_and_what_anyone_needs_to_check_it(language):
    t = Translator(language)
    paper = result_paper(lots=True)
    directors = paper.contests[0]
    winner = next(c for c in directors.candidates if c.elected and c.votes == 7)
    text = flat(all_text(pdf(render_result(paper, language))))
    assert flat(t.gettext("Lots were drawn with the seed {seed}: {winners}.", seed=SEED, winners=winner.name)) in text
    for name, key in (("박세나", 8), ("최네모", 11)):
        assert flat(f"{name} ({key}): {lot_digest(SEED, key)}") in text
    assert flat(t.gettext("(bylaws setting: {setting})", setting=t.gettext("Tie in an election"))) in text


def test_a_pending_run_off_is_announced_as_such():
    """Directors tied at the last seat under "run-off, then the older": the paper says a run-off follows."""
    from coopdesk.domain.coop import ElectionMajority, TieRule
    from coopdesk.domain.elections.counting import Tally
    from coopdesk.domain.elections.deciding import decide
    from tests.documents.elections.samples import DIRECTORS, _domain, result_of

    contest = _domain(Office.DIRECTOR, 3, DIRECTORS)
    tally = Tally.of(contest, {3: 9, 5: 8, 8: 7, 11: 7}, ballots=12)
    outcome = decide(contest, tally, majority=ElectionMajority.NONE, present=PRESENT, tie=TieRule.RUNOFF_THEN_OLDER)
    paper = dataclasses.replace(result_paper(), contests=(result_of(outcome, tally),))
    t = Translator("ko")
    text = flat(all_text(pdf(render_result(paper, "ko"))))
    assert flat(t.gettext("A run-off round is held between them.")) in text
    assert flat(t.ngettext("{names} were tied for {seats} seat.", "{names} were tied for {seats} seats.", 1,
                           names="박세나·최네모", seats="1")) in text


def test_cancel_stops_the_result():
    calls: list[int] = []
    with pytest.raises(Cancelled):
        render_result(result_paper(), "en", progress=lambda done, total: calls.append(done) or len(calls) < 2)
    assert calls == [1, 2]
