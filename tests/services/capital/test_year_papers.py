"""The year's papers from a real register and ledger: the report of members and paid-in capital
(counts by type, joined and left in the year, capital that adds up), the appropriation statement with
its dividends annex, and the membership forms filled from the record; the consent date on the
member record, its checks, and the list of members without one (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from coopdesk.domain.capital.surplus import Plan
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.forms import FormKind
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.capital.ledger import pay, subscribe
from coopdesk.services.capital.reports import (
    CapitalReportKind,
    appropriation_paper,
    print_capital_report,
    year_report_paper,
)
from coopdesk.services.capital.surplus import YearInput, enter_year, set_patronage
from coopdesk.services.members.consent import (
    consent_dates,
    consent_missing,
    count_consent_missing,
)
from coopdesk.services.members.forms import member_form, print_member_form
from coopdesk.services.members.member import (
    add_member,
    edit_member,
    get_member,
    record_event,
)
from tests.conftest import TODAY
from tests.services.capital.conftest import D, found


def test_the_year_report_counts_by_type_and_its_capital_adds_up(db, coop):
    found(db, coop, members=range(1, 9))  # joined 2025-01-02, 10 shares each, paid the next day
    add_member(db, coop.id, MemberDetails("생산자1", "생산자"), joined_on=D(2025, 5, 1), today=TODAY)  # number 11
    subscribe(db, coop.id, 11, 5, on=D(2025, 5, 1), today=TODAY)
    pay(db, coop.id, 11, 50_000, on=D(2025, 5, 2), today=TODAY)
    record_event(db, coop.id, 9, EventKind.WITHDRAWN, D(2025, 6, 30), today=TODAY)
    report = year_report_paper(db, coop.id, 2025, issued_on=D(2026, 2, 1))
    by_type = {line.member_type: line for line in report.lines}
    assert (by_type["소비자"].at_start, by_type["소비자"].joined, by_type["소비자"].left, by_type["소비자"].at_end) \
        == (0, 10, 1, 9)
    assert (by_type["생산자"].joined, by_type["생산자"].at_end, by_type["생산자"].paid_in) == (1, 1, 50_000)
    assert report.capital.at_end == 850_000 and report.capital.paid == 850_000 and report.capital.adds_up
    assert report.shares_at_end == 85 and report.holders_at_end == 9 and report.due_on == D(2026, 3, 31)


def test_the_year_report_waits_for_the_year_to_end_and_prints(db, coop, tmp_path):
    found(db, coop)
    with pytest.raises(Refusal) as refused:
        year_report_paper(db, coop.id, 2026, issued_on=TODAY)
    assert refused.value.field == "fiscal_year"
    result = print_capital_report(db, coop.id, CapitalReportKind.YEAR_REPORT, 2025, tmp_path / "r.pdf", "ko",
                                  issued_on=D(2026, 1, 15))
    text = " ".join(PdfReader(result.path).pages[0].extract_text().split())
    assert result.pages == 1 and "조합원 10명" in text and "1,000,000원" in text and "2026년 3월 31일" in text


def test_the_appropriation_statement_lists_each_members_dividend(db, coop, tmp_path):
    found(db, coop)
    enter_year(db, coop.id, YearInput(2025, 2_000_000), Plan(legal_reserve=200_000, capital_dividend=100_000,
                                                            patronage_dividend=115_000))
    paper = appropriation_paper(db, coop.id, 2025, issued_on=D(2026, 3, 1))
    assert paper.dividends == ()  # no patronage entered yet: the annex waits for it
    set_patronage(db, coop.id, 2025, {n: n * 1_000 for n in range(1, 11)})
    paper = appropriation_paper(db, coop.id, 2025, issued_on=D(2026, 3, 1))
    assert len(paper.dividends) == 10 and sum(d.total for d in paper.dividends) == 215_000
    assert all(c.passed for c in paper.checks) and paper.carried_forward == 2_000_000 - 415_000
    result = print_capital_report(db, coop.id, CapitalReportKind.APPROPRIATION, 2025, tmp_path / "a.pdf", "en")
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(result.path).pages).split())
    assert "Appropriation of the surplus" in text and "조합원10" in text and "100,000 115,000 215,000" in text


def test_forms_are_filled_from_the_record(db, coop, tmp_path):
    found(db, coop)
    edit_member(db, coop.id, 3, MemberDetails("조합원03", "소비자", D(1980, 1, 1), "010-1111-2222",
                                              privacy_consent_on=D(2025, 1, 2)), today=TODAY)
    record_event(db, coop.id, 3, EventKind.WITHDRAWAL_NOTICE, D(2026, 10, 1), today=TODAY)
    form = member_form(db, coop.id, FormKind.WITHDRAWAL, 3, issued_on=TODAY)
    p = form.person
    assert (p.shares, p.paid_in, p.notice_on, p.privacy_consent_on) == (10, 100_000, D(2026, 10, 1), D(2025, 1, 2))
    assert form.coop.share_price == 10_000 and form.coop.withdrawal_notice_days == 30
    result = print_member_form(db, coop.id, FormKind.CONSENT, tmp_path / "c.pdf", "ko", member=3)
    text = PdfReader(result.path).pages[0].extract_text()
    assert "조합원03" in text and "2025년 1월 2일" in text
    assert member_form(db, coop.id, FormKind.APPLICATION).person is None


def test_the_consent_date_is_checked_like_other_member_dates(db, coop):
    details = get_member(db, coop.id, 1).details
    for day, field in ((TODAY + dt.timedelta(days=1), "privacy_consent_on"), (D(1899, 12, 31), "privacy_consent_on")):
        with pytest.raises(Refusal) as refused:
            edit_member(db, coop.id, 1, MemberDetails(details.name, "소비자", privacy_consent_on=day), today=TODAY)
        assert refused.value.field == field
    with pytest.raises(Refusal, match="birth"):
        edit_member(db, coop.id, 1, MemberDetails(details.name, "소비자", D(1990, 1, 1),
                                                  privacy_consent_on=D(1989, 1, 1)), today=TODAY)
    view = edit_member(db, coop.id, 1, MemberDetails(details.name, "소비자", privacy_consent_on=TODAY), today=TODAY)
    assert view.details.privacy_consent_on == TODAY


def test_members_without_a_recorded_consent_are_listed_and_counted(db, coop):
    for n in (2, 5):
        d = get_member(db, coop.id, n).details
        edit_member(db, coop.id, n, MemberDetails(d.name, d.member_type, privacy_consent_on=D(2025, 1, 2)), today=TODAY)
    record_event(db, coop.id, 7, EventKind.WITHDRAWN, D(2025, 6, 30), today=TODAY)  # left: no longer listed
    missing = consent_missing(db, coop.id, today=TODAY)
    assert [m.number for m in missing] == [1, 3, 4, 6, 8, 9, 10]
    assert count_consent_missing(db, coop.id, today=TODAY) == 7
    assert consent_dates(db, coop.id) == {2: D(2025, 1, 2), 5: D(2025, 1, 2)}
