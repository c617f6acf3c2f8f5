"""The officer register: terms, the board's make-up, the auditor rule and the chair's limit, with articles."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import act
from coopdesk.domain.officers.register import (
    Severity,
    check_edit,
    check_register,
    chair_runs,
    office_holders,
    raise_first_breach,
)
from coopdesk.domain.officers.terms import (
    ChosenBy,
    Office,
    OfficerTerm,
    Person,
    board_required,
    check_term,
    latest_end,
    terms_ending,
)

D = dt.date
FOUR_YEARS = BylawsSettings(officer_term_years=4)
KIM, LEE, PARK, CHOI, JUNG = (Person(n, name) for n, name in enumerate("김이박최정", start=1))
OUTSIDER = Person(None, "한 외부")


def term(person, office, start, end, **kw):
    return OfficerTerm(person, office, start, end, **kw)


def board(start=D(2024, 3, 15), end=D(2026, 3, 14)):
    """A complete board: chair Kim, directors Lee and Park, auditor Choi."""
    return [
        term(KIM, Office.CHAIR, start, end),
        term(LEE, Office.DIRECTOR, start, end),
        term(PARK, Office.DIRECTOR, start, end),
        term(CHOI, Office.AUDITOR, start, end),
    ]


# --- one term -------------------------------------------------------------------------

@pytest.mark.parametrize("start, years, last", [
    (D(2024, 3, 15), 4, D(2028, 3, 14)),
    (D(2024, 1, 1), 4, D(2027, 12, 31)),
    (D(2024, 2, 29), 4, D(2028, 2, 28)),  # 2028 is a leap year: the day before 29 February
    (D(2024, 2, 29), 2, D(2026, 2, 28)),  # no 29 February in 2026: the month's last day
    (D(2023, 3, 1), 1, D(2024, 2, 29)),
])
def test_latest_end_counts_years_by_the_calendar(start, years, last):
    assert latest_end(start, years) == last


@pytest.mark.parametrize("start, end, allowed", [
    (D(2024, 3, 15), D(2028, 3, 14), True),  # exactly 4 years
    (D(2024, 3, 15), D(2028, 3, 15), False),  # one day more
    (D(2024, 2, 29), D(2028, 2, 28), True),
    (D(2024, 2, 29), D(2028, 2, 29), False),
    (D(2024, 3, 15), D(2024, 3, 15), True),  # a one-day term
])
def test_a_term_is_at_most_four_years(start, end, allowed):
    t = term(KIM, Office.DIRECTOR, start, end)
    if allowed:
        check_term(t, FOUR_YEARS)
    else:
        with pytest.raises(Refusal) as exc:
            check_term(t, FOUR_YEARS)
        assert exc.value.article == law.MAX_OFFICER_TERM_YEARS.ref
        assert exc.value.field == "end" and exc.value.params["n"] == 4


def test_the_bylaws_term_is_checked_with_its_own_message():
    t = term(KIM, Office.DIRECTOR, D(2024, 3, 15), D(2027, 3, 14))  # 3 years
    check_term(t, BylawsSettings(officer_term_years=3))
    with pytest.raises(Refusal, match="bylaws") as exc:
        check_term(t, BylawsSettings(officer_term_years=2))
    assert exc.value.article is None
    assert exc.value.params == {"n": 2, "latest": D(2026, 3, 14)}


def test_a_term_ends_after_it_starts():
    with pytest.raises(Refusal, match="before it starts") as exc:
        check_term(term(KIM, Office.DIRECTOR, D(2024, 3, 15), D(2024, 3, 14)), FOUR_YEARS)
    assert exc.value.field == "end"


@pytest.mark.parametrize("person, ok", [
    (Person(7), True), (Person(None, "홍길동"), True),
    (Person(None, "  "), False), (Person(0, "x"), False),
])
def test_an_officer_is_a_member_or_a_named_person(person, ok):
    t = term(person, Office.AUDITOR, D(2024, 1, 1), D(2025, 12, 31))
    if ok:
        check_term(t, FOUR_YEARS)
    else:
        with pytest.raises(Refusal):
            check_term(t, FOUR_YEARS)


@pytest.mark.parametrize("end, predecessor_end, message", [
    (D(2026, 3, 14), D(2026, 3, 14), None),  # the rest of the term, to the day
    (D(2025, 12, 31), D(2026, 3, 14), None),
    (D(2026, 3, 15), D(2026, 3, 14), "rest of the predecessor"),
    (D(2026, 3, 14), None, "predecessor's term"),
])
def test_a_vacancy_is_filled_for_the_rest_of_the_term_only(end, predecessor_end, message):
    t = term(LEE, Office.DIRECTOR, D(2025, 6, 1), end,
             chosen_by=ChosenBy.VACANCY, predecessor_end=predecessor_end)
    if message is None:
        check_term(t, BylawsSettings())
    else:
        with pytest.raises(Refusal, match=message) as exc:
            check_term(t, BylawsSettings())
        assert exc.value.article == act(35, 3)


def test_only_a_vacancy_has_a_predecessor():
    t = term(LEE, Office.DIRECTOR, D(2025, 6, 1), D(2026, 3, 14), predecessor_end=D(2026, 3, 14))
    with pytest.raises(Refusal) as exc:
        check_term(t, BylawsSettings())
    assert exc.value.field == "predecessor_end"


def test_leaving_early_must_fall_within_the_term():
    check_term(term(LEE, Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 14), left_on=D(2025, 1, 1)), FOUR_YEARS)
    with pytest.raises(Refusal) as exc:
        late = term(LEE, Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 14), left_on=D(2026, 4, 1))
        check_term(late, FOUR_YEARS)
    assert exc.value.field == "left_on"


@pytest.mark.parametrize("changes, field", [
    (dict(start=D(9999, 1, 1), end=D(9999, 12, 31)), "start"),  # counting four years on from it overflowed
    (dict(start=D(1, 1, 1), end=D(2, 12, 31)), "start"),
    (dict(end=D(2101, 1, 1)), "end"),
    (dict(chosen_by=ChosenBy.VACANCY, predecessor_end=D(9999, 12, 31)), "predecessor_end"),
    (dict(left_on=D(1899, 12, 31)), "left_on"),
])
def test_term_dates_stay_within_1900_to_2100(changes, field):
    values = dict(person=LEE, office=Office.DIRECTOR, start=D(2024, 3, 15), end=D(2026, 3, 14)) | changes
    with pytest.raises(Refusal, match="must fall between") as exc:
        check_term(OfficerTerm(**values), FOUR_YEARS)
    assert exc.value.field == field


@pytest.mark.parametrize("name", ["홍\x1b길동", "홍길동\x00", "\u202e동길홍", "가" * 101])
def test_the_name_of_an_officer_who_is_not_a_member_must_be_printable(name):
    with pytest.raises(Refusal) as exc:
        check_term(term(Person(None, name), Office.AUDITOR, D(2024, 1, 1), D(2025, 12, 31)), FOUR_YEARS)
    assert exc.value.field == "person"


# --- the register on a day ------------------------------------------------------------

def _severities(problems):
    return [(p.severity, p.refusal.article) for p in problems]


def test_a_complete_board_has_no_problems():
    assert check_register(board(), D(2025, 1, 1), BylawsSettings()) == []


def test_three_directors_including_the_chair_are_enough_two_are_not():
    terms = board()
    holders = office_holders(terms, D(2025, 1, 1))
    assert [p.key for p in holders.directors] == [KIM.key, LEE.key, PARK.key]
    two = [t for t in terms if t.person != PARK]
    problems = check_register(two, D(2025, 1, 1), BylawsSettings())
    assert _severities(problems) == [(Severity.ACT, law.MIN_DIRECTORS.ref)]
    assert problems[0].refusal.params["count"] == 2
    with pytest.raises(Refusal):
        raise_first_breach(problems)


def test_no_chair_and_no_auditor_are_breaches_of_the_act():
    terms = [term(LEE, Office.DIRECTOR, D(2024, 1, 1), D(2025, 12, 31))]
    problems = check_register(terms, D(2025, 1, 1), BylawsSettings())
    messages = [p.refusal.message for p in problems]
    assert any("no chair" in m for m in messages)
    assert (Severity.ACT, law.MIN_AUDITORS.ref) in _severities(problems)
    assert all(p.severity is Severity.ACT for p in problems)


def test_a_director_who_is_also_chair_counts_once():
    terms = board() + [term(KIM, Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 14))]
    assert len(office_holders(terms, D(2025, 1, 1)).directors) == 3
    assert check_register(terms, D(2025, 1, 1), BylawsSettings()) == []


@pytest.mark.parametrize("bylaws, phrase", [
    (BylawsSettings(directors_min=4, directors_max=7), "at least 4"),
    (BylawsSettings(directors_min=3, directors_max=3, auditors=1), None),
    (BylawsSettings(auditors=2), "set 2"),
])
def test_the_bylaws_numbers_are_warnings(bylaws, phrase):
    problems = check_register(board(), D(2025, 1, 1), bylaws)
    if phrase is None:
        assert problems == []
    else:
        assert [p.severity for p in problems] == [Severity.BYLAWS]
        assert phrase in problems[0].refusal.message.format(**problems[0].refusal.params)
        raise_first_breach(problems)  # a warning is not a refusal


def test_too_many_directors_for_the_bylaws_is_a_warning():
    extra = [term(Person(10 + i), Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 14)) for i in range(5)]
    problems = check_register(board() + extra, D(2025, 1, 1), BylawsSettings(directors_max=7))
    assert [p.severity for p in problems] == [Severity.BYLAWS]
    assert problems[0].refusal.params["count"] == 8


def test_a_term_serves_from_its_first_to_its_last_day():
    terms = board(D(2024, 3, 15), D(2026, 3, 14))
    assert check_register(terms, D(2024, 3, 15), BylawsSettings()) == []
    assert check_register(terms, D(2026, 3, 14), BylawsSettings()) == []
    assert check_register(terms, D(2026, 3, 15), BylawsSettings()) != []


# --- conflicts refused on edit ----------------------------------------------------------

def test_an_auditor_who_is_also_a_director_is_refused():
    auditor = term(LEE, Office.AUDITOR, D(2025, 1, 1), D(2026, 12, 31))
    with pytest.raises(Refusal) as exc:
        check_edit(board(), auditor, BylawsSettings())
    assert exc.value.article == act(44, 2) and exc.value.field == "office"
    # The same person may become auditor once the director's term is over.
    check_edit(board(), term(LEE, Office.AUDITOR, D(2026, 3, 15), D(2028, 3, 14)), BylawsSettings())


def test_an_auditor_director_conflict_shows_in_the_register():
    terms = board() + [term(CHOI, Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 14))]
    problems = check_register(terms, D(2025, 1, 1), BylawsSettings())
    assert (Severity.ACT, act(44, 2)) in _severities(problems)


def test_two_chairs_at_once_are_refused_but_a_handover_is_allowed():
    with pytest.raises(Refusal, match="one chair") as exc:
        check_edit(board(), term(JUNG, Office.CHAIR, D(2025, 1, 1), D(2026, 12, 31)), BylawsSettings())
    assert exc.value.article == law.MIN_DIRECTORS.ref
    old_chair_left = [t if t.office is not Office.CHAIR else term(KIM, Office.CHAIR, t.start, t.end,
                                                                 left_on=D(2024, 12, 31)) for t in board()]
    successor = term(JUNG, Office.CHAIR, D(2025, 1, 1), D(2026, 3, 14), chosen_by=ChosenBy.VACANCY,
                     predecessor_end=D(2026, 3, 14))
    check_edit(old_chair_left, successor, BylawsSettings())


def test_the_same_office_twice_at_once_is_refused_and_an_edit_replaces_the_old_term():
    terms = board()
    longer = term(LEE, Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 1))
    with pytest.raises(Refusal, match="already holds"):
        check_edit(terms, longer, BylawsSettings())
    check_edit(terms, longer, BylawsSettings(), replacing=terms[1])


def test_a_non_member_officer_is_known_by_name():
    terms = board() + [term(OUTSIDER, Office.DIRECTOR, D(2024, 3, 15), D(2026, 3, 14))]
    with pytest.raises(Refusal, match="auditor"):
        check_edit(terms, term(Person(None, " 한  외부 "), Office.AUDITOR, D(2025, 1, 1), D(2025, 6, 1)),
                   BylawsSettings())


# --- the chair's consecutive re-elections (Act 35②) -----------------------------------

def chair_terms(person, starts, years=2):
    return [term(person, Office.CHAIR, s, latest_end(s, years)) for s in starts]


THREE_IN_A_ROW = [D(2018, 3, 15), D(2020, 3, 15), D(2022, 3, 15)]


def test_the_chair_may_be_reelected_twice_in_a_row():
    terms = chair_terms(KIM, THREE_IN_A_ROW[:2])
    check_edit(terms, chair_terms(KIM, THREE_IN_A_ROW[2:])[0], BylawsSettings())


@pytest.mark.parametrize("fourth_start", [
    D(2024, 3, 15),  # the day after the third term ends
    D(2024, 3, 30),  # re-elected two weeks after the term ended: still consecutive
    D(2025, 3, 14),  # within a year, nobody else in the chair
])
def test_a_third_consecutive_reelection_is_refused(fourth_start):
    terms = chair_terms(KIM, THREE_IN_A_ROW)
    with pytest.raises(Refusal) as exc:
        check_edit(terms, chair_terms(KIM, [fourth_start])[0], BylawsSettings())
    assert exc.value.article == law.CHAIR_MAX_CONSECUTIVE_REELECTIONS.ref
    assert exc.value.params["n"] == 2 and exc.value.params["count"] == 3


def test_a_reelection_after_someone_else_chaired_is_allowed():
    terms = chair_terms(KIM, THREE_IN_A_ROW) + chair_terms(LEE, [D(2024, 3, 15)])
    check_edit(terms, chair_terms(KIM, [D(2026, 3, 15)])[0], BylawsSettings())
    assert [len(run) for run in chair_runs(terms + chair_terms(KIM, [D(2026, 3, 15)]), KIM)] == [3, 1]


def test_a_reelection_after_a_long_break_is_allowed():
    terms = chair_terms(KIM, THREE_IN_A_ROW)
    check_edit(terms, chair_terms(KIM, [D(2025, 3, 16)])[0], BylawsSettings())  # 367 days after


def test_the_fourth_consecutive_chair_term_shows_in_the_register():
    terms = chair_terms(KIM, [*THREE_IN_A_ROW, D(2024, 3, 15)])
    problems = check_register(terms, D(2025, 1, 1), BylawsSettings())
    assert (Severity.ACT, law.CHAIR_MAX_CONSECUTIVE_REELECTIONS.ref) in _severities(problems)
    assert all(p.refusal.article != law.CHAIR_MAX_CONSECUTIVE_REELECTIONS.ref
               for p in check_register(terms, D(2023, 1, 1), BylawsSettings()))


# --- warnings and the board -------------------------------------------------------------

@pytest.mark.parametrize("today, days_left", [
    (D(2026, 1, 12), None),  # 61 days left
    (D(2026, 1, 13), 60),
    (D(2026, 3, 13), 1),
    (D(2026, 3, 14), 0),  # the last day
])
def test_every_officer_is_warned_from_60_days_before_the_end(today, days_left):
    warnings = terms_ending(board(D(2024, 3, 15), D(2026, 3, 14)), today)
    if days_left is None:
        assert warnings == []
        return
    assert [w.days_left for w in warnings] == [days_left] * 4
    assert {w.term.office for w in warnings} == {Office.CHAIR, Office.DIRECTOR, Office.AUDITOR}
    assert warnings[0].article == law.OFFICER_TERM_WARNING_DAYS.ref
    assert warnings[0].params["end"] == D(2026, 3, 14) and warnings[0].params["days"] == days_left
    assert "{name}" in warnings[0].message


def test_exactly_60_days_left_warns_61_does_not():
    t = term(KIM, Office.CHAIR, D(2024, 3, 15), D(2026, 3, 14))
    assert [w.days_left for w in terms_ending([t], D(2026, 3, 14) - dt.timedelta(days=60))] == [60]
    assert terms_ending([t], D(2026, 3, 14) - dt.timedelta(days=61)) == []
    assert terms_ending([t], D(2026, 3, 15)) == []  # over: no longer in office
    left = term(KIM, Office.CHAIR, D(2024, 3, 15), D(2026, 3, 14), left_on=D(2025, 1, 1))
    assert terms_ending([left], D(2024, 12, 31)) == []


@pytest.mark.parametrize("members, required", [(0, False), (9, False), (10, True), (15, True)])
def test_a_board_is_optional_below_ten_members(members, required):
    rule = board_required(members)
    assert rule.required is required
    assert rule.article == law.BOARD_OPTIONAL_BELOW_MEMBERS.ref == act(32, 1)
    assert rule.params == {"n": 10}


# --- properties -------------------------------------------------------------------------

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


@given(dates, st.integers(min_value=1, max_value=4))
def test_latest_end_is_the_longest_allowed_term(start, years):
    last = latest_end(start, years)
    check_term(term(KIM, Office.DIRECTOR, start, last), BylawsSettings(officer_term_years=years))
    with pytest.raises(Refusal):
        check_term(term(KIM, Office.DIRECTOR, start, last + dt.timedelta(days=1)),
                   BylawsSettings(officer_term_years=years))
    assert 365 * years - 1 <= (last - start).days <= 366 * years


@given(st.lists(st.tuples(st.sampled_from([KIM, LEE, PARK]), st.sampled_from(list(Office)), dates,
                          st.integers(min_value=0, max_value=1460)), max_size=8), dates)
def test_directors_include_the_chair_once_and_an_auditor_director_is_always_reported(raw, on):
    terms = [term(p, o, s, s + dt.timedelta(days=n)) for p, o, s, n in raw]
    holders = office_holders(terms, on)
    assert set(holders.chairs) <= set(holders.directors)
    assert len({p.key for p in holders.directors}) == len(holders.directors)
    problems = check_register(terms, on, BylawsSettings())
    both = {p.key for p in holders.directors} & {p.key for p in holders.auditors}
    assert bool(both) <= any(p.refusal.article == act(44, 2) for p in problems)


@given(st.lists(st.sampled_from([KIM, LEE]), min_size=1, max_size=8))
def test_only_back_to_back_runs_of_one_person_hit_the_chair_limit(holders):
    """Chair terms handed from person to person every 2 years: refused exactly when someone
    holds a 4th term in a row."""
    starts = [D(2000 + 2 * i, 1, 1) for i in range(len(holders))]
    terms = [term(p, Office.CHAIR, s, latest_end(s, 2)) for p, s in zip(holders, starts)]
    longest, run = 1, 1
    for a, b in zip(holders, holders[1:]):
        run = run + 1 if a == b else 1
        longest = max(longest, run)
    over = any(len(r) > 3 for p in (KIM, LEE) for r in chair_runs(terms, p))
    assert over is (longest > 3)
