"""`coopdesk print certificate | capital-statement | capital-register | refund-statement`: the
capital papers written from the command line and read back, and the refusals."""

from __future__ import annotations

from pypdf import PdfReader

from tests.cli.capital import test_capital_cli as ledger_cli

capital = ledger_cli.capital  # the fixture: 10 members' capital, member 10's half paid
ok = ledger_cli.ok


def text_of(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_one_certificate_and_every_members(capital, tmp_path):
    desk = capital
    one = ok(desk("print", "certificate", "--member", "1", "-o", tmp_path / "one.pdf", "--language", "ko",
                  "--json")).json()
    assert one["pages"] == 1 and "금일십만원정" in text_of(tmp_path / "one.pdf")
    every = ok(desk("print", "certificate", "--all", "-o", tmp_path / "all.pdf", "--language", "en", "--json")).json()
    assert every["pages"] == 10  # member 10 has paid half: certified for what is paid
    assert "Wonfiftythousandonly" in text_of(tmp_path / "all.pdf")
    neither = desk("print", "certificate", "-o", tmp_path / "x.pdf")
    assert neither.code == 2 and "--member" in neither.err


def test_the_default_file_name_follows_the_paper(capital, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    said = ok(capital("print", "certificate", "--member", "1", "--language", "ko", "--issued-on", "2026-03-01"))
    assert (tmp_path / "2026-03-01 출자증서 1 조합원01.pdf").is_file() and "(1 page)" in said.out


def test_a_statement_as_of_a_day_and_the_register(capital, tmp_path):
    desk = capital
    ok(desk("print", "capital-statement", "--member", "10", "--as-of", "2025-01-02", "-o", tmp_path / "s.pdf",
            "--language", "ko"))
    text = text_of(tmp_path / "s.pdf")
    assert "출자금확인서" in text and "금영원정" in text and "10좌" in text  # subscribed, paid the next day
    register = ok(desk("print", "capital-register", "-o", tmp_path / "r.pdf", "--language", "en", "--json")).json()
    assert register["pages"] == 1
    text = text_of(tmp_path / "r.pdf")
    assert "Capitalregister" in text and "950,000" in text and "1,000,000" in text and "50,000" in text
    late = desk("print", "capital-statement", "--member", "1", "--as-of", "2026-02-01", "--issued-on", "2026-01-01",
                "-o", tmp_path / "late.pdf")
    assert late.code == 2 and not (tmp_path / "late.pdf").exists()


def test_a_refund_statement_is_refused_for_a_member_who_has_not_left(capital, tmp_path):
    desk = capital
    refused = desk("print", "refund-statement", "--member", "1", "-o", tmp_path / "r.pdf")
    assert refused.code == 3 and "has not left" in refused.err and not (tmp_path / "r.pdf").exists()
    ok(desk("member", "event", "2", "--kind", "withdrawn", "--on", "2025-06-30"))
    due = ok(desk("print", "refund-statement", "--member", "2", "-o", tmp_path / "r.pdf", "--language", "en",
                  "--issued-on", "2026-02-01", "--json")).json()
    text = text_of(tmp_path / "r.pdf")
    assert due["pages"] == 1 and "Amountdue" in text and "Claimablefrom" in text and "January1,2026" in text
