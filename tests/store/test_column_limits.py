"""The program's caps on typed text are the database's column lengths.

A name the checks let through but a String(100) column cannot hold would be cut short by
SQLite and refused by PostgreSQL with an error the user cannot act on; a cap lower than
the column wastes nothing but would surprise.  So they must be equal, column by column.
"""

from sqlalchemy import Enum, String, Text

from coopdesk.domain import fields
from coopdesk.domain.elections.lots import SEED_LENGTH
from coopdesk.domain.founding.plans import ITEM_LENGTH
from coopdesk.domain.founding.stage import CERTIFICATE_NUMBER_LENGTH
from coopdesk.store.models import Base

# Every String column a user types into, and the cap the checks apply to it.
TYPED = {
    "coop.name": fields.NAME_LENGTH,
    "coop.main_office": fields.ADDRESS_LENGTH,
    "member_type.name": fields.MEMBER_TYPE_LENGTH,
    "member.name": fields.NAME_LENGTH,
    "member.phone": fields.PHONE_LENGTH,
    "member.email": fields.EMAIL_LENGTH,
    "member.address": fields.ADDRESS_LENGTH,
    "officer_term.person_name": fields.NAME_LENGTH,
    "meeting.title": fields.TITLE_LENGTH,
    "meeting.place": fields.PLACE_LENGTH,
    "meeting.convened_by": fields.NAME_LENGTH,
    "meeting.chair_name": fields.NAME_LENGTH,
    "meeting.purpose": fields.PURPOSE_LENGTH,
    "meeting_notice.method": fields.NOTICE_METHOD_LENGTH,
    "meeting_proxy.family_name": fields.NAME_LENGTH,
    "agenda_item.title": fields.TITLE_LENGTH,
    "election_candidate.name": fields.NAME_LENGTH,  # typed for someone who is not a member
    "election.lots_seed": SEED_LENGTH,  # a seed the meeting agrees on
    "education_session.topic": fields.TITLE_LENGTH,
    "education_session.place": fields.PLACE_LENGTH,
    "education_session.instructor": fields.NAME_LENGTH,
    "education_attendance.person_name": fields.NAME_LENGTH,
    "education_attendance.person_phone": fields.PHONE_LENGTH,
    "founding.ministry": fields.NAME_LENGTH,
    "founding.authority": fields.NAME_LENGTH,
    "founding.notice_place": fields.PLACE_LENGTH,
    "founding.certificate_number": CERTIFICATE_NUMBER_LENGTH,
    "founding_line.item": ITEM_LENGTH,
}
# String columns the program writes itself (codes, hashes, times), never typed by a user.
WRITTEN_BY_THE_PROGRAM = {
    "audit_entry.at", "audit_entry.actor", "audit_entry.action", "audit_entry.entity", "audit_entry.entity_key",
    "audit_entry.prev_hash", "audit_entry.hash", "audit_seal.head", "meeting_roll.digest",
    "election_ballot.id",
    "year_task.key", "year_task.done_by",  # a deadline's generated key; the audit's actor
}
EXCEL_CELL_LIMIT = 32_767  # the most characters an .xlsx cell holds: every export must fit


def string_columns() -> dict[str, int | None]:
    return {f"{table.name}.{column.name}": column.type.length
            for table in Base.metadata.tables.values() for column in table.columns
            if isinstance(column.type, String) and not isinstance(column.type, (Enum, Text))}


def test_every_typed_column_has_a_cap_equal_to_its_length():
    columns = string_columns()
    assert {name: columns.get(name) for name in TYPED} == TYPED


def test_a_new_string_column_needs_a_cap_or_a_reason():
    unknown = set(string_columns()) - set(TYPED) - WRITTEN_BY_THE_PROGRAM
    assert not unknown, f"give these columns a cap in coopdesk/domain/fields.py: {sorted(unknown)}"


def test_the_caps_of_text_columns_fit_a_spreadsheet_cell_and_a_page():
    assert fields.NOTE_LENGTH <= fields.LONG_TEXT_LENGTH <= 10_000 < EXCEL_CELL_LIMIT
