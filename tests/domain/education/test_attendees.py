"""Who a typed text names, when two guests of a session are one person, and the rule that links a
person's education to the member they become."""

import datetime as dt

import pytest

from coopdesk.domain.education.attendees import (
    Guest,
    check_guest,
    may_be_same,
    phone_digits,
    pick,
    same_person,
)
from coopdesk.domain.errors import Refusal, Refusals

D = dt.date
TODAY = D(2026, 11, 21)
REGISTER = [(1, "김민준"), (2, "이서연"), (3, "김민준"), (4, "김민서"), (5, "박 도윤"), (6, "Anna Lee")]


def candidates(text):
    """What the database gives for a text: the names that contain it, spaces and case ignored."""
    query = "".join(text.split()).casefold()
    return [(n, name) for n, name in REGISTER if query in "".join(name.split()).casefold()]


@pytest.mark.parametrize("typed, listed, chosen, fitting", [
    ("12", (), 12, ()),  # a number is taken as it is: the service says if there is no such member
    (" 2 ", (), 2, ()),
    ("이서연", (), 2, ((2, "이서연"),)),
    ("서연", (), 2, ((2, "이서연"),)),  # one fits: that one
    ("박도윤", (), 5, ((5, "박 도윤"),)),  # spaces ignored
    ("anna lee", (), 6, ((6, "Anna Lee"),)),  # case ignored
    ("김민준", (), None, ((1, "김민준"), (3, "김민준"))),  # two of the same name: never a guess
    ("김민준", (1,), 3, ((3, "김민준"),)),  # one of them is on the list already: the other
    ("김민", (), None, ((1, "김민준"), (3, "김민준"), (4, "김민서"))),
    ("김민서", (), 4, ((4, "김민서"),)),  # an exact name wins over names that contain it
    ("최", (), None, ()),  # nobody fits
])
def test_a_typed_text_names_one_member_or_says_who_fits(typed, listed, chosen, fitting):
    found = pick(typed, candidates(typed) if not typed.strip().isdigit() else [], listed)
    assert (found.chosen, found.fitting) == (chosen, fitting)


LINK_CASES = [
    # (guest, member's name, birth date, phone, linked?)
    (Guest("최하은", D(1985, 5, 5), ""), "최하은", D(1985, 5, 5), "", True),
    (Guest("최 하은", D(1985, 5, 5), ""), "최하은", D(1985, 5, 5), "010-1", True),  # spaces ignored
    (Guest("Anna Lee", D(1990, 1, 1), ""), "anna lee", D(1990, 1, 1), "", True),  # case ignored
    (Guest("최하은", D(1985, 5, 5), "010-1111-2222"), "최하은", D(1985, 5, 6), "010-1111-2222", False),  # the birth date decides
    (Guest("최하은", D(1985, 5, 5), "010-1111-2222"), "최하은", D(1985, 5, 5), "010-9999-9999", True),  # a new phone
    (Guest("최하은", None, "010-1111-2222"), "최하은", D(1985, 5, 5), "01011112222", True),  # no birth date: the phone
    (Guest("최하은", D(1985, 5, 5), "010-1111-2222"), "최하은", None, "(010) 1111 2222", True),
    (Guest("최하은", None, "010-1111-2222"), "최하은", None, "010-1111-3333", False),
    (Guest("최하은", None, ""), "최하은", D(1985, 5, 5), "010-1111-2222", False),  # a name alone links nobody
    (Guest("최하은", None, "010-1111-2222"), "최하은", None, "", False),
    (Guest("최하은", D(1985, 5, 5), ""), "최하연", D(1985, 5, 5), "", False),  # another name
]


@pytest.mark.parametrize("guest, name, birth, phone, linked", LINK_CASES)
def test_the_rule_that_links_a_person_to_the_member_they_become(guest, name, birth, phone, linked):
    assert same_person(guest, name, birth, phone) is linked


@pytest.mark.parametrize("a, b, same", [
    (Guest("김민준"), Guest("김 민준"), True),  # nothing tells them apart
    (Guest("김민준", D(1990, 1, 1)), Guest("김민준"), True),
    (Guest("김민준", D(1990, 1, 1)), Guest("김민준", D(1991, 1, 1)), False),
    (Guest("김민준", None, "010-1234-5678"), Guest("김민준", None, "010-9999-0000"), False),
    (Guest("김민준", D(1990, 1, 1), "010-1234-5678"), Guest("김민준", D(1990, 1, 1), "01012345678"), True),
    (Guest("김민준"), Guest("이서연"), False),
])
def test_two_guests_of_one_session_may_be_one_person(a, b, same):
    assert may_be_same(a, b) is same and may_be_same(b, a) is same


def test_phone_numbers_compare_by_their_digits():
    assert phone_digits("+82 (10) 1234-5678") == "821012345678"


@pytest.mark.parametrize("guest, field", [
    (Guest(""), "name"),
    (Guest("x" * 101), "name"),
    (Guest("최\u200b하은"), "name"),  # a zero-width space makes two names that look alike differ
    (Guest("최하은", TODAY + dt.timedelta(days=1)), "birth_date"),
    (Guest("최하은", D(1899, 12, 31)), "birth_date"),
    (Guest("최하은", None, "010"), "phone"),
    (Guest("최하은", None, "call me"), "phone"),
])
def test_a_guest_that_cannot_be_right_is_refused(guest, field):
    with pytest.raises(Refusal) as exc:
        check_guest(guest.cleaned(), TODAY)
    assert exc.value.field == field


def test_a_guest_may_give_only_a_name_and_every_problem_is_said_at_once():
    check_guest(Guest("최하은").cleaned(), TODAY)
    with pytest.raises(Refusals) as exc:
        check_guest(Guest("", TODAY + dt.timedelta(days=1), "x").cleaned(), TODAY)
    assert [p.field for p in exc.value.problems] == ["name", "birth_date", "phone"]
