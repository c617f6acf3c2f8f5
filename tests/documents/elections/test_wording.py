"""The minutes' election section in words, in Korean and English."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from coopdesk.documents.elections.data import CandidateResult, ContestResult
from coopdesk.documents.elections.wording import (
    contest_sentence,
    election_sentences,
    join_names,
    rule_text,
    tie_break_lines,
)
from coopdesk.domain import law
from coopdesk.domain.coop import ElectionMajority, TieRule
from coopdesk.domain.elections.counting import Tally
from coopdesk.domain.elections.deciding import decide
from coopdesk.domain.elections.lots import HandDrawnLots
from coopdesk.domain.officers.terms import Office
from coopdesk.i18n import Translator
from tests.documents.elections.samples import (
    DIRECTORS,
    PRESENT,
    SEED,
    _domain,
    auditor_result,
    chair_result,
    director_result,
    result_of,
)

KO, EN = Translator("ko"), Translator("en")


def test_the_issues_korean_sentence():
    assert contest_sentence(director_result(), KO) == \
        "이사 3인 선출: 김하나 9표, 이두리 8표, 박세나 7표, 최네모 2표 — 김하나·이두리·박세나 당선"


def test_the_english_sentence():
    assert contest_sentence(director_result(), EN) == ("Election of 3 directors: 김하나 9 votes, 이두리 8 votes, "
                                                       "박세나 7 votes, 최네모 2 votes — 김하나, 이두리, and 박세나 elected")


def test_a_yes_or_no_vote_and_the_chair():
    assert election_sentences((auditor_result(), chair_result()), KO) == (
        "감사 1인 선출: 정다섯 찬성 10표·반대 2표 — 정다섯 당선",
        "이사장 선출: 김하나 8표, 이두리 4표 — 김하나 당선",
    )
    assert election_sentences((auditor_result(),), EN) == ("Election of 1 auditor: 정다섯 10 yes, 2 no — 정다섯 elected",)


def test_one_vote_is_singular_and_large_counts_are_grouped():
    one = ContestResult(Office.DIRECTOR, 1, (CandidateResult("Kim", 1234, True), CandidateResult("Lee", 1, False)),
                        1235)
    assert contest_sentence(one, EN) == "Election of 1 director: Kim 1,234 votes, Lee 1 vote — Kim elected"
    assert contest_sentence(one, KO) == "이사 1인 선출: Kim 1,234표, Lee 1표 — Kim 당선"


def test_a_draw_names_the_tied_and_the_seed():
    sentence = contest_sentence(director_result(lots=True), KO)
    assert sentence.startswith("이사 3인 선출: 김하나 9표, 이두리 8표, ")
    assert "박세나·최네모 동수 득표 — 추첨(시드 3f9c0a17b2e45d68)" in sentence
    assert f"(seed {SEED})" in contest_sentence(director_result(lots=True), EN)


def _tied(tie: TieRule, lots=None, born=True):  # type: ignore[no-untyped-def]
    people = DIRECTORS if born else tuple((name, number, None) for name, number, _ in DIRECTORS)
    contest = _domain(Office.DIRECTOR, 3, people)
    tally = Tally.of(contest, {3: 9, 5: 8, 8: 7, 11: 7}, ballots=12)
    return result_of(decide(contest, tally, majority=ElectionMajority.NONE, present=PRESENT, tie=tie, lots=lots),
                     tally)


def test_a_run_off_to_come_and_the_run_off_round():
    pending = _tied(TieRule.RUNOFF_THEN_OLDER)
    assert contest_sentence(pending, KO).endswith("— 김하나·이두리 당선; 박세나·최네모 동수 득표로 남은 1석은 결선투표")
    assert contest_sentence(pending, EN).endswith(
        "— 김하나 and 이두리 elected; 박세나 and 최네모 tied for the 1 seat left: a run-off round follows")
    runoff = dataclasses.replace(director_result(), seats=1, round=2, candidates=(
        CandidateResult("박세나", 9, True), CandidateResult("최네모", 3, False)))
    assert contest_sentence(runoff, KO) == "이사 결선투표(1인): 박세나 9표, 최네모 3표 — 박세나 당선"


def test_the_older_candidate_and_lots_drawn_by_hand():
    older = _tied(TieRule.OLDER)  # 박세나 was born in 1965, 최네모 in 1990
    assert contest_sentence(older, KO).endswith("김하나·이두리·박세나 당선; 박세나·최네모 동수 득표 — 연장자 당선")
    lines = tie_break_lines(older.tie_breaks[0], EN)
    assert lines[0] == "박세나 and 최네모 were tied for 1 seat. The older candidate is elected: 박세나."
    assert "박세나: born September 30, 1965" in lines
    by_hand = _tied(TieRule.LOTS, HandDrawnLots.of([11]))
    assert contest_sentence(by_hand, KO).endswith("김하나·이두리·최네모 당선; 박세나·최네모 동수 득표 — 현장 추첨")
    # birth dates unknown: age cannot decide, lots do; the minutes name only the draw
    unknown = _tied(TieRule.OLDER, HandDrawnLots.of([8]), born=False)
    assert contest_sentence(unknown, EN).endswith("; tie between 박세나 and 최네모 broken by lots drawn by hand")


def test_no_one_elected_and_seats_left_unfilled():
    contest = _domain(Office.AUDITOR, 1, (("정다섯", 6, None),))
    tally = Tally.of(contest, {6: 3}, against={6: 8}, ballots=12, blank=1)
    outcome = decide(contest, tally, majority=ElectionMajority.OF_PRESENT, present=PRESENT,
                     tie=TieRule.RUNOFF_THEN_OLDER)
    assert contest_sentence(result_of(outcome, tally), KO) == \
        "감사 1인 선출: 정다섯 찬성 3표·반대 8표 — 당선인 없음; 1석 미충원"


def test_rules_cite_their_article_or_bylaws_setting():
    rules = director_result().rules
    texts = [rule_text(r, KO) for r in rules]
    assert texts[0].endswith(f"({law.ONE_MEMBER_ONE_VOTE.ref.label('ko')})")
    assert texts[-1].endswith("(정관 설정: 임원 당선에 필요한 득표)")


@pytest.mark.parametrize(("language", "joined"), [("ko", "가·나·다"), ("en", "가, 나, and 다")])
def test_names_are_joined_as_each_language_lists_them(language, joined):
    assert join_names(["가", "나", "다"], Translator(language)) == joined


def test_wording_needs_no_reportlab():
    """The minutes and the screen may call it without loading the PDF machinery."""
    code = ("import sys, coopdesk.documents.elections.wording as w; "
            "assert not [m for m in sys.modules if m.startswith('reportlab')], 'reportlab loaded'")
    subprocess.run([sys.executable, "-c", code], check=True)
