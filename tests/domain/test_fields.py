"""Text that cannot be shown, printed or exported is refused, by name of the field; dates stay
in the years 1900 to 2100."""

import datetime as dt
import re
import unicodedata

import pytest

from coopdesk.domain import fields
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import EARLIEST_DATE, LATEST_DATE, check_date, check_text

D = dt.date


def refusal(value, field="name", length=100, multiline=False) -> Refusal:
    with pytest.raises(Refusal) as exc:
        check_text(value, field, length, multiline=multiline)
    return exc.value


@pytest.mark.parametrize("char", [
    "\x1b",  # ESC: an .xlsx cannot hold it, so the register's export fails
    "\x07",  # BEL
    "\x7f",  # DEL
    "\x00",  # NUL: PostgreSQL refuses it
    "\x08", "\x0b", "\x0c", "\x0e", "\x1f",  # other C0 controls
    "\x85", "\x9b",  # C1 controls (NEL, CSI)
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\u200e", "\u200f", "\u061c",  # bidi marks: they reorder as the overrides do
    "\u200b", "\u2060", "\ufeff", "\u00ad",  # invisible: two names that look alike differ
    "\U000e0041",  # a tag character: unseen ASCII
    "\u2028", "\u2029",  # line and paragraph separators
    "\ud800",  # a lone surrogate (an undecodable byte on the command line)
    "\uffff",  # not allowed in the XML of an .xlsx
])
def test_hidden_characters_are_refused_in_every_field(char):
    for multiline in (False, True):
        found = refusal(f"김{char}민준", multiline=multiline)
        assert found.field == "name"
        assert found.params == {"char": f"U+{ord(char):04X}", "position": 2}
        assert str(found).startswith("The name contains a hidden character")


@pytest.mark.parametrize("char", ["\t", "\n", "\r"])
def test_tabs_and_line_breaks_only_in_a_field_of_several_lines(char):
    check_text(f"첫 줄{char}둘째 줄", "notes", 2000, multiline=True)
    assert refusal(f"첫 줄{char}둘째 줄", "place", 200).field == "place"


@pytest.mark.parametrize("text", [
    "햇살마을협동조합", "Kim Min-jun", "O'Brien & Sons (주)", "서울특별시 마포구 성미산로 10, 2층",
    "👨\u200d👩\u200d👧",  # a family emoji: joined by the zero-width joiner, which is kept
    "می\u200cخواهم",  # the zero-width non-joiner some scripts need
    "가\u0301",  # a combining mark is not a control
    "\u3000전각 공백",
])
def test_ordinary_text_passes(text):
    check_text(text, "name", 100)


def test_length_is_capped_exactly():
    check_text("가" * 200, "title", 200)
    found = refusal("가" * 201, "title", 200)
    assert (found.field, found.params) == ("title", {"n": 200})
    assert str(found) == "The title is too long (at most 200 characters)."
    assert refusal("가" * 100_000, "title", fields.TITLE_LENGTH).field == "title"


def test_the_refused_characters_are_exactly_the_rule():
    """Checked against the Unicode database for every code point, so the hand-written
    ranges cannot drift from the rule in the module's doc."""
    kept_format = {0x200C, 0x200D}
    line_breaks = {0x09, 0x0A, 0x0D}

    def refused(code: int, multiline: bool) -> bool:
        category = unicodedata.category(chr(code))
        if code in line_breaks:
            return not multiline
        return ((category == "Cc") or (category == "Cf" and code not in kept_format) or category == "Cs"
                or code in (0x2028, 0x2029) or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)

    one_line, several = fields._HIDDEN_ONE_LINE, fields._HIDDEN_MULTILINE
    newer = set(range(0x13439, 0x13440))  # Egyptian format controls of Unicode 15, refused ahead
    for code in range(0x110000):
        char = chr(code)
        for pattern, multiline in ((one_line, False), (several, True)):
            if code in newer and unicodedata.category(char) == "Cn":
                continue
            assert (pattern.search(char) is not None) == refused(code, multiline), hex(code)
        if refused(code, multiline=True) or code in line_breaks:
            assert not char.isprintable(), hex(code)  # check_text's quick test lets none of them by


def test_every_field_is_named_in_its_own_words():
    """A form shows the refusal under the field, an import lists it by line: either way the
    message says which field it is about."""
    for field in fields._HIDDEN:
        assert field in fields._TOO_LONG
        hidden = refusal("a\x1bb", field)
        too_long = refusal("a" * 101, field)
        assert hidden.message is not fields._TEXT_HIDDEN and too_long.message is not fields._TEXT_TOO_LONG
        assert hidden.field == too_long.field == field
        assert {"{char}", "{position}"} <= set(re.findall(r"\{\w+\}", hidden.message))
        assert re.findall(r"\{\w+\}", too_long.message) == ["{n}"]


def test_an_unknown_field_still_gets_a_message():
    assert str(refusal("a\x00", "something_else")).startswith("The text contains a hidden character")


@pytest.mark.parametrize("day", [D(1, 1, 1), D(1899, 12, 31), D(2101, 1, 1), D(9999, 12, 31)])
def test_dates_outside_1900_to_2100_are_refused(day):
    for field in ("joined_on", "applied_on", "on", "held_on", "told_on", "sent_on", "start", "end",
                  "predecessor_end", "left_on", "adopted_on", "reported_on", "unknown"):
        with pytest.raises(Refusal) as exc:
            check_date(day, field)
        assert exc.value.field == field
        assert exc.value.params == {"date": day, "earliest": EARLIEST_DATE, "latest": LATEST_DATE}
        assert "Check the year." in str(exc.value)


@pytest.mark.parametrize("day", [D(1900, 1, 1), D(2026, 11, 21), D(2100, 12, 31), None])
def test_dates_in_range_pass(day):
    check_date(day, "held_on")


def test_the_date_messages_name_the_field():
    with pytest.raises(Refusal, match="^The date of the meeting must fall between"):
        check_date(D(1, 1, 1), "held_on")
    with pytest.raises(Refusal, match="^The joining date must fall between"):
        check_date(D(9999, 1, 1), "joined_on")
