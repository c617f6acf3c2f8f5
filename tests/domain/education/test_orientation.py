"""Who owes the orientation: a member on the register who joined while the bylaws asked for one,
while they still do, and who attended no orientation or founding course."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.education.orientation import (
    ORIENTATION_REF,
    SATISFIES_ORIENTATION,
    BylawsSpan,
    Span,
    days_since,
    owes_orientation,
    required_spans,
)
from coopdesk.domain.education.sessions import SessionKind
from coopdesk.domain.law_ref import act

D = dt.date


@pytest.mark.parametrize("versions, spans", [
    ([BylawsSpan(D(2025, 1, 1), True)], (Span(D(2025, 1, 1), None),)),  # from the bylaws' adoption, not before
    ([BylawsSpan(D(2025, 1, 1), False)], ()),
    ([BylawsSpan(D(2025, 1, 1), False), BylawsSpan(D(2026, 3, 1), True)], (Span(D(2026, 3, 1), None),)),
    ([BylawsSpan(D(2025, 1, 1), True), BylawsSpan(D(2026, 3, 1), False)], (Span(D(2025, 1, 1), D(2026, 3, 1)),)),
    ([BylawsSpan(D(2025, 1, 1), True), BylawsSpan(D(2025, 6, 1), True), BylawsSpan(D(2026, 1, 1), False),
      BylawsSpan(D(2026, 7, 1), True)], (Span(D(2025, 1, 1), D(2026, 1, 1)), Span(D(2026, 7, 1), None))),
])
def test_the_bylaws_versions_say_when_an_orientation_was_asked_for(versions, spans):
    assert required_spans(versions) == spans


def test_a_span_holds_its_first_day_and_not_its_end():
    span = Span(D(2026, 3, 1), D(2026, 9, 1))
    assert [span.holds(d) for d in (D(2026, 2, 28), D(2026, 3, 1), D(2026, 8, 31), D(2026, 9, 1))] == \
        [False, True, True, False]


SINCE_MARCH = (Span(D(2026, 3, 1), None),)


@pytest.mark.parametrize("required_now, spans, joined, on_register, attended, owes", [
    (True, SINCE_MARCH, D(2026, 3, 1), True, False, True),  # joined on the day the rule came in
    (True, SINCE_MARCH, D(2026, 2, 28), True, False, False),  # joined the day before: not asked of them
    (True, SINCE_MARCH, D(2026, 5, 1), True, True, False),  # attended
    (True, SINCE_MARCH, D(2026, 5, 1), False, False, False),  # no longer on the register
    (False, SINCE_MARCH, D(2026, 5, 1), True, False, False),  # the bylaws no longer ask for it
    (True, SINCE_MARCH, None, True, False, False),  # an applicant: not a member yet
    (True, (), D(2026, 5, 1), True, False, False),
])
def test_who_owes_the_orientation(required_now, spans, joined, on_register, attended, owes):
    assert owes_orientation(required_now=required_now, spans=spans, joined_on=joined, on_register=on_register,
                            attended=attended) is owes


def test_a_founding_course_is_a_founders_orientation_and_other_kinds_are_not():
    assert SATISFIES_ORIENTATION == {SessionKind.ORIENTATION, SessionKind.FOUNDING_COURSE}


def test_the_days_since_joining_and_the_article():
    assert days_since(D(2026, 2, 28), D(2026, 3, 1)) == 1
    assert days_since(D(2024, 2, 28), D(2024, 3, 1)) == 2  # a leap year
    assert ORIENTATION_REF == law.EDUCATION_DUTY.ref == act(7)
    assert ORIENTATION_REF.label("ko") == "법 제7조" and ORIENTATION_REF.label("en") == "Act 7"
