"""What the program accepts as a piece of text or a date typed in by a user.

These are the program's own limits, not the law's: text must be something every screen,
printout, spreadsheet and database can hold, and a date must be one the program can count
days from.

**Text.** Refused: the control characters (C0, DEL and C1: ESC, BEL, NUL …), except tab and
line breaks in a field of several lines; the invisible format characters that make text
say something else than it shows (Unicode category Cf); the line and paragraph separators;
lone surrogates and the noncharacters.  Why:

- a NUL cannot be stored in PostgreSQL, and an ESC or any other C0 control makes an .xlsx
  file invalid (openpyxl refuses to write it), so one such name stops the register's export;
- the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
  also the marks (U+200E, U+200F, U+061C) are refused: a mark is as invisible as an override
  and reorders the digits and punctuation next to it just the same, so "김민준 2" can print as
  another order than was typed.  A Korean or English register has no right-to-left text
  that needs them;
- the other invisible format characters (zero-width space, word joiner, soft hyphen, BOM,
  the tag characters that smuggle unseen ASCII) make two names that look the same differ,
  so a search or a duplicate check misses them;
- the zero-width joiner and non-joiner (U+200D, U+200C) are kept: they draw emoji sequences
  and the letters of some scripts, and reorder nothing;
- a lone surrogate (what an undecodable byte on the command line becomes) cannot be
  written as UTF-8, and U+FFFE/U+FFFF are not allowed in the XML of an .xlsx file.

The caps on length are the database's column lengths (a test compares them with the
models), and a sensible cap for text columns, so that a page can print it.

**Dates.** Every date a user gives lies in the years 1900 to 2100: year 1 or 9999 is
a typing mistake, and counting a notice period back from it overflows.
"""

from __future__ import annotations

import datetime as dt
import re

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_

# -- lengths: the columns of coopdesk/store/models/ (String(n)), and caps for Text columns ----------

NAME_LENGTH = 100  # a person's or co-op's name: coop, member, officer, convener, chair, proxy holder
MEMBER_TYPE_LENGTH = 50
PHONE_LENGTH = 40
EMAIL_LENGTH = 200
ADDRESS_LENGTH = 200  # a member's address, the co-op's main office
TITLE_LENGTH = 200  # a meeting's title, an agenda item's title
PLACE_LENGTH = 200
PURPOSE_LENGTH = 500  # the purpose printed on a notice
NOTICE_METHOD_LENGTH = 100  # how a notice went out, as typed
NOTE_LENGTH = 2_000  # a note (member, event, officer, proxy, notice): a few lines on a page
LONG_TEXT_LENGTH = 10_000  # a proposal, a summary of the discussion: a few printed pages

# -- dates --------------------------------------------------------------------------------------------

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

# -- characters ---------------------------------------------------------------------------------------

_LINE_BREAKS = "\t\n\r"  # kept in a field of several lines
_C0 = "\x00-\x08\x0b\x0c\x0e-\x1f"  # the C0 controls but tab and line breaks
_FORMAT = (  # category Cf (Unicode 14, and 15's U+13439–U+1343F), but U+200C/U+200D (see the module's doc)
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_OTHER = (
    "\x7f-\x9f"  # DEL and the C1 controls
    "\u2028\u2029"  # line and paragraph separators: a line break no export keeps
    "\ud800-\udfff"  # lone surrogates
    "\ufdd0-\ufdef" + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
)
_HIDDEN_MULTILINE = re.compile(f"[{_C0}{_FORMAT}{_OTHER}]")
_HIDDEN_ONE_LINE = re.compile(f"[{_LINE_BREAKS}{_C0}{_FORMAT}{_OTHER}]")

# -- messages, one per field so that the field is said in the user's language -------------------------
# Keyed by the field a form names (``Refusal.field``).

_TOO_LONG: dict[str, str] = {
    "name": N_("The name is too long (at most {n} characters)."),
    "person": N_("The name is too long (at most {n} characters)."),
    "holder": N_("The family member's name is too long (at most {n} characters)."),
    "member_types": N_("A member type is too long (at most {n} characters)."),
    "phone": N_("The phone number is too long (at most {n} characters)."),
    "email": N_("The e-mail address is too long (at most {n} characters)."),
    "address": N_("The address is too long (at most {n} characters)."),
    "main_office": N_("The address of the main office is too long (at most {n} characters)."),
    "notes": N_("The notes are too long (at most {n} characters)."),
    "note": N_("The note is too long (at most {n} characters)."),
    "title": N_("The title is too long (at most {n} characters)."),
    "place": N_("The place is too long (at most {n} characters)."),
    "convened_by": N_("The name of who convened the meeting is too long (at most {n} characters)."),
    "chair_name": N_("The chair's name is too long (at most {n} characters)."),
    "purpose": N_("The purpose is too long (at most {n} characters)."),
    "proposal": N_("The proposal is too long (at most {n} characters)."),
    "discussion": N_("The summary of the discussion is too long (at most {n} characters)."),
    "method": N_("How the notice went out is too long (at most {n} characters)."),
    "reason": N_("The reason is too long (at most {n} characters)."),
    "grounds": N_("The grounds for the expulsion are too long (at most {n} characters)."),
    "topic": N_("The topic is too long (at most {n} characters)."),
    "instructor": N_("The instructor's name is too long (at most {n} characters)."),
    "materials": N_("The note on the materials is too long (at most {n} characters)."),
}
_TEXT_TOO_LONG = N_("The text is too long (at most {n} characters).")

_HIDDEN: dict[str, str] = {
    "name": N_("The name contains a hidden character that cannot be shown or printed "
               "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "person": N_("The name contains a hidden character that cannot be shown or printed "
                 "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "holder": N_("The family member's name contains a hidden character that cannot be shown or printed "
                 "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "member_types": N_("A member type contains a hidden character that cannot be shown or printed "
                       "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "phone": N_("The phone number contains a hidden character that cannot be shown or printed "
                "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "email": N_("The e-mail address contains a hidden character that cannot be shown or printed "
                "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "address": N_("The address contains a hidden character that cannot be shown or printed "
                  "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "main_office": N_("The address of the main office contains a hidden character that cannot be shown or "
                      "printed ({char}, character {position}). Delete it, or type the text instead of "
                      "pasting it."),
    "notes": N_("The notes contain a hidden character that cannot be shown or printed "
                "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "note": N_("The note contains a hidden character that cannot be shown or printed "
               "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "title": N_("The title contains a hidden character that cannot be shown or printed "
                "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "place": N_("The place contains a hidden character that cannot be shown or printed "
                "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "convened_by": N_("The name of who convened the meeting contains a hidden character that cannot be "
                      "shown or printed ({char}, character {position}). Delete it, or type the text "
                      "instead of pasting it."),
    "chair_name": N_("The chair's name contains a hidden character that cannot be shown or printed "
                     "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "purpose": N_("The purpose contains a hidden character that cannot be shown or printed "
                  "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "proposal": N_("The proposal contains a hidden character that cannot be shown or printed "
                   "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "discussion": N_("The summary of the discussion contains a hidden character that cannot be shown or "
                     "printed ({char}, character {position}). Delete it, or type the text instead of "
                     "pasting it."),
    "method": N_("How the notice went out contains a hidden character that cannot be shown or printed "
                 "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "reason": N_("The reason contains a hidden character that cannot be shown or printed "
                 "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "grounds": N_("The grounds for the expulsion contain a hidden character that cannot be shown or printed "
                  "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "topic": N_("The topic contains a hidden character that cannot be shown or printed "
                "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "instructor": N_("The instructor's name contains a hidden character that cannot be shown or printed "
                     "({char}, character {position}). Delete it, or type the text instead of pasting it."),
    "materials": N_("The note on the materials contains a hidden character that cannot be shown or printed "
                    "({char}, character {position}). Delete it, or type the text instead of pasting it."),
}
_TEXT_HIDDEN = N_("The text contains a hidden character that cannot be shown or printed "
                  "({char}, character {position}). Delete it, or type the text instead of pasting it.")

_OUT_OF_RANGE: dict[str, str] = {
    "joined_on": N_("The joining date must fall between {earliest} and {latest}; {date} does not. "
                    "Check the year."),
    "applied_on": N_("The date of the application must fall between {earliest} and {latest}; {date} does not. "
                     "Check the year."),
    "on": N_("The date of the event must fall between {earliest} and {latest}; {date} does not. "
             "Check the year."),
    "held_on": N_("The date of the meeting must fall between {earliest} and {latest}; {date} does not. "
                  "Check the year."),
    "told_on": N_("The day the member was told the grounds must fall between {earliest} and {latest}; "
                  "{date} does not. Check the year."),
    "sent_on": N_("The day the notice went out must fall between {earliest} and {latest}; {date} does not. "
                  "Check the year."),
    "start": N_("The first day of the term must fall between {earliest} and {latest}; {date} does not. "
                "Check the year."),
    "end": N_("The last day of the term must fall between {earliest} and {latest}; {date} does not. "
              "Check the year."),
    "predecessor_end": N_("The last day of the predecessor's term must fall between {earliest} and {latest}; "
                          "{date} does not. Check the year."),
    "left_on": N_("The day the officer left must fall between {earliest} and {latest}; {date} does not. "
                  "Check the year."),
    "adopted_on": N_("The day the bylaws were adopted must fall between {earliest} and {latest}; "
                     "{date} does not. Check the year."),
    "reported_on": N_("The day the amendment was reported must fall between {earliest} and {latest}; "
                      "{date} does not. Check the year."),
    "session_date": N_("The date of the session must fall between {earliest} and {latest}; {date} does not. "
                       "Check the year."),
    "privacy_consent_on": N_("The date of the consent to the use of personal data must fall between {earliest} "
                             "and {latest}; {date} does not. Check the year."),
}
_DATE_OUT_OF_RANGE = N_("The date must fall between {earliest} and {latest}; {date} does not. Check the year.")


def check_text(value: str, field: str, max_length: int, *, multiline: bool = False) -> None:
    """Refuse text that is longer than ``max_length`` or holds a character that cannot be
    shown, printed or exported (see the module's doc); ``field`` names the input, and the
    message says it.  ``multiline`` keeps tabs and line breaks (notes, proposals)."""
    # An import checks five fields of 100,000 rows.  Every refused character is one Python calls
    # not printable, so ordinary text passes on that quick test and only the rest is searched.
    found = not value.isprintable() and (_search_multiline if multiline else _search_one_line)(value)
    if found:
        raise Refusal(_HIDDEN.get(field, _TEXT_HIDDEN), field=field, char="U+%04X" % ord(found.group()),
                      position=found.start() + 1)
    if len(value) > max_length:
        raise Refusal(_TOO_LONG.get(field, _TEXT_TOO_LONG), field=field, n=max_length)


_search_multiline = _HIDDEN_MULTILINE.search
_search_one_line = _HIDDEN_ONE_LINE.search


def check_date(value: dt.date | None, field: str) -> None:
    """Refuse a date outside the years 1900 to 2100 (``None``, a date not given, passes)."""
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise Refusal(_OUT_OF_RANGE.get(field, _DATE_OUT_OF_RANGE), field=field, date=value,
                      earliest=EARLIEST_DATE, latest=LATEST_DATE)
