"""`coopdesk print year-report | appropriation | application-form | consent-form | withdrawal-form` and
`coopdesk member consent-missing`, `member edit --consent-date`: written and read back."""

from __future__ import annotations

from pypdf import PdfReader

from tests.cli.capital import test_capital_cli as ledger_cli

capital = ledger_cli.capital  # the fixture: 10 members' capital, member 10's half paid
ok = ledger_cli.ok


def text_of(path) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_year_report_and_the_appropriation(capital, tmp_path):
    desk = capital
    report = ok(desk("print", "year-report", "--year", "2025", "--issued-on", "2026-02-01", "-o", tmp_path / "r.pdf",
                     "--language", "ko", "--json")).json()
    assert report["pages"] == 1
    text = text_of(tmp_path / "r.pdf")
    assert "조합원 수 및 납입출자금 신고서" in text and "950,000원" in text and "법 제22조③" in text
    early = desk("print", "year-report", "--year", "2026", "-o", tmp_path / "x.pdf")
    assert early.code == 3 and "2026" in early.err and not (tmp_path / "x.pdf").exists()
    none = desk("print", "appropriation", "--year", "2025", "-o", tmp_path / "a.pdf")
    assert none.code == 3 and "No figures" in none.err
    ok(desk("capital", "surplus", "enter", "--year", "2025", "--result", "1000000"))
    ok(desk("print", "appropriation", "--year", "2025", "-o", tmp_path / "a.pdf", "--language", "en"))
    assert "Appropriation of the surplus" in text_of(tmp_path / "a.pdf")


def test_forms_blank_or_filled_and_the_default_name(capital, tmp_path, monkeypatch):
    desk = capital
    monkeypatch.chdir(tmp_path)
    ok(desk("print", "application-form", "--language", "ko"))
    assert (tmp_path / "조합원 가입신청서 (빈 양식).pdf").is_file()
    ok(desk("print", "withdrawal-form", "--member", "2", "--language", "ko"))
    text = text_of(tmp_path / "조합원 탈퇴신청서 2 조합원02.pdf")
    assert "조합원02" in text and "100,000원 (10좌)" in text
    ok(desk("print", "consent-form", "--member", "2", "-o", tmp_path / "c.pdf", "--language", "en"))
    assert "Consent to collecting and using personal data" in text_of(tmp_path / "c.pdf")
    missing = desk("print", "consent-form", "--member", "99", "-o", tmp_path / "c99.pdf")
    assert missing.code == 3


def test_consent_dates_and_the_members_without_one(capital):
    desk = capital
    assert len(ok(desk("member", "consent-missing", "--json")).json()) == 10
    ok(desk("member", "edit", "3", "--consent-date", "2025-01-02"))
    assert ok(desk("member", "show", "3", "--json")).json()["privacy_consent_on"] == "2025-01-02"
    listed = ok(desk("member", "consent-missing", "--json")).json()
    assert [m["number"] for m in listed] == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert "9 members have no recorded consent" in ok(desk("member", "consent-missing")).out
    late = desk("member", "edit", "3", "--consent-date", "2099-01-01")
    assert late.code == 3
