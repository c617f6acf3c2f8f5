"""The filing pack (설립신고 서류 / 설립인가 신청 서류) filled from the record, and printed.

Everything comes from the services that keep it: the founding (``founding.start``/``people``/
``plans``), the bylaws in force (``bylaws.papers``), the founding meeting's notice and minutes
(``meetings.papers``), the officers elected (``officers.terms``) and the capital subscribed and
paid (the consenters' holdings in the capital ledger).  Nothing is kept twice.

The pack may be printed at any time, for checking: a paper not yet on record prints as a page
that says so, minutes that cannot be final yet (an item open, signers missing) print as a draft,
and the cover lists what is missing.  As every print (``services.printing``): rendered in memory,
written only once whole; a cancelled print leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from coopdesk.documents.base import Progress
from coopdesk.domain.bylaws.papers import BylawsPaper
from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding.checks import (
    FoundingRule,
    public_benefit_check,
    stakeholders_check,
)
from coopdesk.domain.founding.papers import (
    APPLICANT_CHAIR,
    APPLICANT_REPRESENTATIVE,
    Applicant,
    FilingPack,
    FormFacts,
    OfficerLine,
    PackPart,
    PersonLine,
    PublicNotice,
    form_label,
)
from coopdesk.domain.founding.plans import PlanTable, public_benefit_share
from coopdesk.domain.meetings.papers import MinutesPaper, minute_signatures
from coopdesk.domain.officers.terms import ChosenBy, Office
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.audit import current_mark
from coopdesk.services.bylaws.papers import bylaws_paper
from coopdesk.services.coops import get_coop
from coopdesk.services.failures import cannot_write
from coopdesk.services.founding.people import list_consenters
from coopdesk.services.founding.plans import all_lines
from coopdesk.services.founding.start import get_founding
from coopdesk.services.founding.views import FoundingView, PersonView
from coopdesk.services.meetings.papers import minutes_paper, notice_paper
from coopdesk.services.officers.terms import OfficerView, list_terms
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.store.database import Database


def filing_pack(db: Database, coop_id: int, language: str, today: dt.date | None = None) -> FilingPack:
    """Every paper of the pack, as the record stands today."""
    today = today or dt.date.today()
    view = get_founding(db, coop_id, today)
    coop = get_coop(db, coop_id)
    people = [p for p in list_consenters(db, coop_id, today=today)]
    by_number = {p.number: p for p in people}
    officers = _officers(list_terms(db, coop_id), by_number, view)
    lines = all_lines(db, coop_id)
    plan = tuple(v.line for v in lines.get(PlanTable.BUSINESS_PLAN, ()))
    form = FormFacts(
        coop.name, view.social, coop.main_office, view.ministry, view.authority, _applicant(officers, view, by_number),
        view.meeting.held_on if view.meeting else None, view.meeting.place if view.meeting else "", view.founders,
        view.consenters, coop.bylaws.share_price, view.shares, view.subscribed_won, view.paid_won, view.dates.filed_on,
        tuple(dict.fromkeys(p.member_type for p in people)), _social_checks(view, people, plan))
    notice, minutes = _meeting_papers(db, coop_id, view, language)
    return FilingPack(form, _bylaws(db, coop_id, people), notice, minutes, officers, plan,
                      tuple(v.line for v in lines.get(PlanTable.INCOME, ())),
                      tuple(v.line for v in lines.get(PlanTable.EXPENSE, ())),
                      tuple(_person(p) for p in people), current_mark(db).text())


def _bylaws(db: Database, coop_id: int, people: list[PersonView]) -> BylawsPaper:
    """The bylaws in force; signed by the founders on record when their wording names none (the
    founders write and seal the bylaws, Act 15①)."""
    paper = bylaws_paper(db, coop_id)
    texts = paper.facts.texts
    founders = tuple(p.name for p in people if p.founder)
    if texts.founders or not founders:
        return paper
    facts = dataclasses.replace(paper.facts, texts=dataclasses.replace(texts, founders=founders))
    return dataclasses.replace(paper, facts=facts)


def _person(p: PersonView) -> PersonLine:
    return PersonLine(p.number, p.name, p.member_type, p.birth_date, p.address, p.phone, p.consented_on, p.founder,
                      p.representative, p.shares, p.subscribed_won, p.paid_won)


def _officers(terms: list[OfficerView], people: dict[int, PersonView], view: FoundingView) -> tuple[OfficerLine, ...]:
    """The officers elected at the founding meeting (the register's first terms)."""
    chosen = [t for t in terms if t.term.chosen_by is ChosenBy.FOUNDING] or \
        [t for t in terms if view.meeting is None or t.term.start >= view.meeting.held_on]
    found = []
    for officer in chosen:
        number = officer.person.member_number
        p = people.get(number) if number is not None else None
        found.append(OfficerLine(officer.term.office, p.name if p else officer.name, p.birth_date if p else None,
                                 p.address if p else "", p.phone if p else "", officer.term.start, officer.term.end,
                                 p is not None))
    return tuple(found)


def _applicant(officers: tuple[OfficerLine, ...], view: FoundingView,
               people: dict[int, PersonView]) -> Applicant | None:
    """Who files: the chair elected at the founding meeting, else the founders' representative."""
    chair = next((o for o in officers if o.office is Office.CHAIR), None)
    if chair is not None:
        return Applicant(chair.name, chair.birth_date, chair.address, chair.phone, APPLICANT_CHAIR)
    p = people.get(view.representative) if view.representative is not None else None
    if p is None:
        return None
    return Applicant(p.name, p.birth_date, p.address, p.phone, APPLICANT_REPRESENTATIVE)


def _social_checks(view: FoundingView, people: list[PersonView], plan: tuple) -> tuple:  # type: ignore[type-arg]
    """A social co-op's authorisation checks: as the founding services found them, else from the record."""
    if not view.social:
        return ()
    rules = (FoundingRule.STAKEHOLDERS, FoundingRule.PUBLIC_BENEFIT)
    found = {c.rule: c for c in view.checks if c.rule in rules}
    if FoundingRule.STAKEHOLDERS not in found:
        found[FoundingRule.STAKEHOLDERS] = stakeholders_check({p.member_type for p in people})
    if FoundingRule.PUBLIC_BENEFIT not in found:
        found[FoundingRule.PUBLIC_BENEFIT] = public_benefit_check(*public_benefit_share(plan))
    return tuple(found[r] for r in rules)


def _meeting_papers(db: Database, coop_id: int, view: FoundingView,
                    language: str) -> tuple[PublicNotice | None, MinutesPaper | None]:
    if view.meeting is None:
        return None, None
    meeting_id, n = view.meeting.id, view.notice
    paper = notice_paper(db, coop_id, meeting_id, language)
    if n.posted_on is not None:
        paper = dataclasses.replace(paper, notice_date=n.posted_on)
    notice = PublicNotice(paper, n.posted_on, n.place, n.qualifications)
    return notice, _minutes(db, coop_id, meeting_id, language)


def _minutes(db: Database, coop_id: int, meeting_id: int, language: str) -> MinutesPaper | None:
    """Final minutes once they can be signed (Act 30③); until then a draft; None before the
    meeting opened."""
    try:
        final = minutes_paper(db, coop_id, meeting_id, language=language)
        minute_signatures(final)
        return final
    except Refusal:
        pass
    try:
        return minutes_paper(db, coop_id, meeting_id, draft=True, language=language)
    except Refusal:
        return None


# -- printing ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FolderResult:
    folder: Path
    files: tuple[Path, ...]
    pages: int


def render_pack(db: Database, coop_id: int, language: str, *, progress: Progress | None = None,
                today: dt.date | None = None) -> bytes:
    from coopdesk.documents.founding.pack import render_pack_pdf

    return render_pack_pdf(filing_pack(db, coop_id, language, today), language, progress=progress)


def print_pack(db: Database, coop_id: int, path: str | Path, language: str, *, progress: Progress | None = None,
               today: dt.date | None = None) -> PrintResult:
    """The whole pack as one PDF, with its cover and contents."""
    pdf = render_pack(db, coop_id, language, progress=progress, today=today)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def print_pack_folder(db: Database, coop_id: int, folder: str | Path, language: str, *,
                      progress: Progress | None = None, today: dt.date | None = None) -> FolderResult:
    """Each paper as its own PDF in ``folder`` ("01 설립신고서.pdf", …): all rendered before any is written."""
    from coopdesk.documents.founding.pack import render_pack_files

    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise Refusal(N_("{path} is a file: give a folder for the papers."), field="path", path=str(folder))
    pack = filing_pack(db, coop_id, language, today)
    papers = render_pack_files(pack, language, progress=progress)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(folder, exc) from exc
    files = tuple(write_pdf(folder / part_file_name(pack.social, part, language), pdf) for part, pdf in papers)
    return FolderResult(folder, files, sum(count_pages(pdf) for _part, pdf in papers))


def part_file_name(social: bool, part: PackPart, language: str) -> str:
    """"01 설립신고서.pdf": numbered so a folder lists them in the pack's order."""
    t = Translator(language)
    title = t.gettext(form_label(social)) if part is PackPart.FORM else t.gettext(part.label)
    return _safe(f"{part.file_stem} {title}")


def pack_file_name(db: Database, coop_id: int, language: str) -> str:
    """"햇살마을협동조합 설립신고 서류.pdf" (a social co-op: its authorisation papers)."""
    from coopdesk.documents.founding.pack import pack_title

    view = get_founding(db, coop_id)
    return _safe(f"{view.coop_name} {Translator(language).gettext(pack_title(view.social))}")


def _safe(name: str) -> str:
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split()) + ".pdf"
