"""The membership forms, blank or filled from a member's record, printed to PDF in the language the
user picks: the membership application (가입신청서), the consent to collecting and using personal
data (개인정보 수집·이용 동의서) and the withdrawal notice (탈퇴신청서).

The co-op's terms come from the bylaws in force on the day of printing; a filled form takes the
member's details, their subscribed shares and paid-in capital from the ledger, and the days the
record holds (application, consent, withdrawal notice).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.domain.coop import CoopKind
from coopdesk.domain.members.forms import FormCoop, FormKind, FormPerson, MemberForm
from coopdesk.i18n import Translator
from coopdesk.services.audit import current_mark
from coopdesk.services.capital.balances import balances
from coopdesk.services.capital.printing import coop_facts
from coopdesk.services.coops import get_coop
from coopdesk.services.members.member import get_member
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database

if TYPE_CHECKING:  # reportlab loads only when a form is printed
    from coopdesk.documents.base import Progress


def member_form(db: Database, coop_id: int, kind: FormKind, member: int | None = None, *,
                issued_on: dt.date | None = None) -> MemberForm:
    """The form, blank (``member`` None) or filled from member ``member``'s record."""
    day = issued_on or dt.date.today()
    coop = get_coop(db, coop_id)
    facts = coop_facts(db, coop_id, day)
    b = coop.bylaws
    form_coop = FormCoop(coop.name, coop.main_office, facts.chair_name, coop.kind is CoopKind.SOCIAL,
                         coop.member_types, facts.share_price, b.min_shares, b.max_shares_per_member,
                         b.membership_starts, b.instalments_allowed, b.withdrawal_notice_days, b.refund_less_losses,
                         current_mark(db).text())
    person = None if member is None else _person(db, coop_id, member, day)
    return MemberForm(kind, form_coop, day, person)


def _person(db: Database, coop_id: int, number: int, day: dt.date) -> FormPerson:
    m = get_member(db, coop_id, number, today=day)
    d, st = m.details, m.standing
    held = next((c for c in balances(db, coop_id, as_of=day) if c.number == number), None)
    return FormPerson(number, d.name, d.birth_date, d.phone, d.email, d.address, d.member_type,
                      held.shares if held else 0, held.paid if held else 0, st.applied_on, st.joined_on,
                      st.notice_on, st.leaves_on, d.privacy_consent_on)


def render_member_form(db: Database, coop_id: int, kind: FormKind, language: str, *, member: int | None = None,
                       issued_on: dt.date | None = None, progress: Progress | None = None) -> bytes:
    from coopdesk.documents.members.forms import render_member_form as render

    return render(member_form(db, coop_id, kind, member, issued_on=issued_on), language, progress=progress)


def print_member_form(db: Database, coop_id: int, kind: FormKind, path: str | Path, language: str, *,
                      member: int | None = None, issued_on: dt.date | None = None,
                      progress: Progress | None = None) -> PrintResult:
    pdf = render_member_form(db, coop_id, kind, language, member=member, issued_on=issued_on, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def member_form_name(kind: FormKind, language: str, *, member: int | None = None, name: str = "") -> str:
    """A file name like "조합원 가입신청서 12 김민준.pdf" (or "... (blank).pdf"), safe on Windows."""
    t = Translator(language)
    who = f" {member} {name}" if member is not None else " " + t.gettext("(blank)")
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", t.gettext(kind.label) + who).split()) + ".pdf"
