"""The frozen result of a closed item: its versioned JSON form, and the first version read back."""

from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.resolutions import Tally
from coopdesk.domain.meetings.rules import Rule
from coopdesk.domain.meetings.snapshot import VERSION, FrozenResult, FrozenRoom, FrozenVote, Roll, from_v1
from coopdesk.domain.text import Explanation

small = st.integers(0, 10_000)
refs = st.sampled_from([None, law.ORDINARY_MAJORITY.ref, law.BOARD_QUORUM.ref, law.DISCLOSURE_MONTHS.ref])


@st.composite
def frozen_results(draw):
    voted = draw(st.booleans())
    yes, no, abstain = (draw(small), draw(small), draw(small)) if voted else (0, 0, 0)
    counts = Tally(draw(small), draw(small), draw(small), draw(small), yes, no, abstain)
    vote = FrozenVote(draw(st.none() | small), draw(st.booleans())) if voted else None
    explanation = Explanation("3 × yes ({yes}) ≥ 2 × present ({present})",
                              (("yes", draw(small)), ("present", draw(small)))) if voted else None
    return FrozenResult(counts, draw(st.booleans()),
                        Explanation("2 × present ({present}) > members ({members})",
                                    (("present", draw(small)), ("members", draw(small)))),
                        draw(refs), vote, draw(st.booleans()) if voted else None,
                        draw(st.sampled_from(list(Rule))) if voted else None, explanation,
                        draw(refs) if voted else None, draw(st.integers(0, 5)))


@given(frozen_results())
def test_a_frozen_result_reads_back_as_it_was_written(result):
    data = result.to_json()
    assert data["v"] == VERSION
    assert FrozenResult.from_json(data) == result


@given(st.lists(small, unique=True, max_size=50), st.lists(st.tuples(small, st.sampled_from(list(Choice))),
                                                           max_size=20))
def test_who_was_in_the_room_reads_back(keys, ballots):
    room = FrozenRoom(7, tuple(keys[:20]), tuple(keys[20:30]), tuple(keys[30:33]),
                      ((1, 2), (3, "김가족")), tuple(ballots))
    assert FrozenRoom.from_json(room.to_json()) == room
    assert room.present == frozenset(keys[:30])


V1 = {  # a closed item as CoopDesk 0.1 froze it (schema 0004), register and names inside
    "members": 15, "in_person": [1, 2, 3, 4, 5, 6, 7, 8], "represented": [12], "present": [1, 2, 3, 4, 5, 6, 7, 8, 12],
    "excluded": [4, 13], "register": list(range(1, 16)), "names": {"1": "조합원01", "12": "조합원12"},
    "proxies": [[12, 3]], "ballots": [[1, "yes"], [2, "no"]], "quorum_reached": True,
    "quorum": "2 × present ({present}) > members ({members})", "quorum_params": {"present": 9, "members": 15},
    "quorum_article": {"source": "act", "article": 29, "branch": None, "paragraph": 2}, "passed": True,
    "rule": "ordinary", "yes": 5, "no": 2, "abstain": 1, "explanation": "2 × yes ({yes}) > present ({present})",
    "explanation_params": {"yes": 5, "present": 8}, "article": {"source": "act", "article": 29, "branch": None,
                                                                 "paragraph": 2},
    "roll_call": False, "corrections": 1, "vote_id": 41,
}


def test_the_first_version_reads_into_todays_parts():
    result, room, roll = from_v1(V1)
    assert result.counts == Tally(15, 8, 1, 1, 5, 2, 1)  # 13, marked as excluded, was away
    assert result.vote == FrozenVote(41, False)
    assert (result.passed, result.rule, result.corrections) == (True, Rule.ORDINARY, 1)
    assert result.explanation.english() == "2 × yes (5) > present (8)" and result.article == law.ORDINARY_MAJORITY.ref
    assert (room.proxies, room.excluded, room.ballots[0]) == (((12, 3),), (4, 13), (1, Choice.YES))
    assert roll == Roll(tuple(range(1, 16)), {1: "조합원01", 12: "조합원12"})
    assert FrozenResult.from_json(V1) == result  # an unconverted snapshot still reads


def test_a_report_closed_without_a_vote_has_no_decision():
    report = {k: v for k, v in V1.items() if k not in ("vote_id",)} | {"passed": None, "rule": None, "yes": 0,
                                                                       "no": 0, "abstain": 0}
    result, _, _ = from_v1(report)
    assert (result.vote, result.passed, result.rule, result.explanation) == (None, None, None, None)
    assert FrozenResult.from_json(result.to_json()) == result
