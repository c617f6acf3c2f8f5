"""Consenters are the founding meeting's register, never the member register: no list, count,
paper or fact that speaks of members shows them before registration.  On SQLite and PostgreSQL."""

from pypdf import PdfReader

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.balances import balances, totals
from coopdesk.services.education.orientation import members_owing_orientation
from coopdesk.services.members.current import count_on_register, find_on_register
from coopdesk.services.members.listing import count_members, list_members
from coopdesk.services.members.printing import print_register
from coopdesk.services.officers.terms import register_check
from tests.conftest import TODAY
from tests.services.founding.helpers import gather, name, start


def test_no_member_list_count_or_paper_shows_a_consenter(db, tmp_path):
    coop_id = start(db, bylaws=BylawsSettings(orientation_required=True)).coop_id
    gather(db, coop_id)
    assert list_members(db, coop_id, TODAY) == []
    assert count_members(db, coop_id) == 0
    assert count_on_register(db, coop_id, TODAY) == 0
    assert find_on_register(db, coop_id, name(1)[:3], TODAY) == []
    assert register_check(db, coop_id, TODAY).member_count == 0
    assert members_owing_orientation(db, coop_id, TODAY).total == 0
    assert totals(db, coop_id, today=TODAY).members == 0
    capital = balances(db, coop_id, today=TODAY)
    assert {c.status for c in capital} == {MemberStatus.CONSENTER} and len(capital) == 12
    assert not any(c.awaiting_payment for c in capital)  # not applicants whose payment makes them members
    printed = print_register(db, coop_id, tmp_path / "register.pdf", "en", as_of=TODAY)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "register.pdf").pages)
    assert printed.pages == 1 and name(1) not in text


def test_the_year_facts_count_no_consenter(db):
    from coopdesk.services.year.facts import read_facts

    coop_id = start(db).coop_id
    gather(db, coop_id)
    with db.engine.connect() as conn:
        assert read_facts(conn, coop_id, TODAY).members == 0


def test_the_first_screen_of_a_coop_in_founding_lists_no_member(sqlite_db):
    from coopdesk.services.members.first_screen import read_first_screen

    coop_id = start(sqlite_db).coop_id
    gather(sqlite_db, coop_id)
    sqlite_db.checkpoint()
    first = read_first_screen(sqlite_db.engine.url.database, members_up_to=100, today=TODAY)
    assert first is not None and (first.total, first.members) == (0, [])
