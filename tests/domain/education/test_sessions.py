"""A session's hours are exact minutes from its start and end; a session that cannot be right is
refused with every problem at once, each naming its field."""

import datetime as dt

import pytest

from coopdesk.domain import fields
from coopdesk.domain.education.hours import duration_words
from coopdesk.domain.education.sessions import (
    Organiser,
    SessionDetails,
    SessionKind,
    check_session,
    session_minutes,
)
from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.i18n import Translator

T = dt.time


def session(**changes) -> SessionDetails:
    values = dict(kind=SessionKind.ORIENTATION, topic="신규 조합원 교육", held_on=dt.date(2026, 3, 14),
                  starts_at=T(14), ends_at=T(15, 30), place="조합 사무실", instructor="이강사",
                  organiser=Organiser.COOP, materials="")
    values.update(changes)
    return SessionDetails(**values)


@pytest.mark.parametrize("start, end, minutes", [
    (T(14), T(15, 30), 90),
    (T(9, 5), T(9, 6), 1),
    (T(0, 0), T(23, 59), 1439),  # the longest a day holds
    (T(14), T(14), 0),  # no time at all
    (T(15), T(14), -60),  # the end typed before the start
    (T(14, 0, 59), T(14, 1), 1),  # whole minutes: seconds are not counted
])
def test_minutes_are_counted_from_start_to_end(start, end, minutes):
    assert session_minutes(start, end) == minutes


@pytest.mark.parametrize("minutes, language, words", [
    (90, "en", "1 h 30 min"), (120, "en", "2 h"), (45, "en", "45 min"), (0, "en", "0 min"),
    (1439, "en", "23 h 59 min"), (90, "ko", "1시간 30분"), (120, "ko", "2시간"), (45, "ko", "45분"),
    (6000, "en", "100 h"),  # a year's total: hours are not days
])
def test_minutes_are_said_as_hours_and_minutes(minutes, language, words):
    t, sentence = Translator(language), duration_words(minutes)
    assert t.gettext(sentence.message, **sentence.kwargs) == words


def test_a_good_session_passes_and_is_tidied():
    d = session(topic="  신규   조합원 교육 ", place=" 조합  사무실 ", starts_at=T(14, 0, 30)).cleaned()
    check_session(d)
    assert (d.topic, d.place, d.starts_at, d.minutes) == ("신규 조합원 교육", "조합 사무실", T(14), 90)


@pytest.mark.parametrize("changes, field", [
    (dict(topic=""), "topic"),
    (dict(topic="x" * (fields.TITLE_LENGTH + 1)), "topic"),
    (dict(topic="교육\x1b"), "topic"),
    (dict(held_on=dt.date(1899, 12, 31)), "session_date"),
    (dict(held_on=dt.date(2101, 1, 1)), "session_date"),
    (dict(ends_at=T(14)), "ends_at"),
    (dict(ends_at=T(13, 59)), "ends_at"),
    (dict(place="x" * (fields.PLACE_LENGTH + 1)), "place"),
    (dict(instructor="x" * (fields.NAME_LENGTH + 1)), "instructor"),
    (dict(materials="x" * (fields.NOTE_LENGTH + 1)), "materials"),
    (dict(materials="\u202e"), "materials"),
])
def test_a_session_that_cannot_be_right_is_refused_naming_its_field(changes, field):
    with pytest.raises(Refusal) as exc:
        check_session(session(**changes).cleaned())
    assert exc.value.field == field


@pytest.mark.parametrize("held_on", [dt.date(1900, 1, 1), dt.date(2100, 12, 31)])
def test_the_first_and_last_days_the_program_counts_are_accepted(held_on):
    check_session(session(held_on=held_on))


def test_the_materials_may_run_over_several_lines():
    check_session(session(materials="교재 1권\n\t슬라이드 20장"))


def test_every_problem_of_a_form_is_said_at_once():
    with pytest.raises(Refusals) as exc:
        check_session(session(topic="", ends_at=T(13), held_on=dt.date(1800, 1, 1)))
    assert [p.field for p in exc.value.problems] == ["topic", "session_date", "ends_at"]
    assert "14:00" in str(exc.value.problems[2])  # the start the end must follow


def test_every_kind_and_organiser_has_words_in_both_languages():
    for language in ("ko", "en"):
        t = Translator(language)
        words = [t.gettext(k.label) for k in SessionKind] + [t.gettext(o.label) for o in Organiser]
        assert all(words) and len(set(words)) == len(words)
    assert Translator("ko").gettext(SessionKind.ORIENTATION.label) != SessionKind.ORIENTATION.label
