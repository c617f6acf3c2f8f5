"""`coopdesk print year-plan`: the year's plan on one page, read back with pypdf, in either language."""

from __future__ import annotations

from pypdf import PdfReader

from tests.cli.conftest import SAMPLE_INIT


def ok(result):
    assert result.code == 0, result.err
    return result


def test_the_year_plan_prints_on_one_page_in_the_language_asked(cli, coop_file, tmp_path):
    ok(cli("--db", coop_file, *SAMPLE_INIT, "--adopted", "2020-01-01"))
    for name in ("김민준", "이서연", "박도윤", "최하은", "정지우"):
        ok(cli("--db", coop_file, "member", "add", "--name", name, "--type", "소비자", "--joined", "2020-03-01"))
    pdf = tmp_path / "plan.pdf"
    made = ok(cli("--db", coop_file, "print", "year-plan", "-o", pdf, "--language", "ko", "--as-of", "2026-11-21"))
    assert made.out.strip() == f"Wrote {pdf} (1 page)."
    (page,) = PdfReader(pdf).pages
    text = "".join(page.extract_text().split())
    assert "햇살마을협동조합" in text and "2026회계연도연간일정표" in text and "2026년11월21일기준" in text
    assert "법제28조③" in text and "□기한지남" in text  # fiscal year 2025's assembly, due 2026-03-31
    as_json = ok(cli("--db", coop_file, "--json", "print", "year-plan", "-o", tmp_path / "en.pdf",
                     "--language", "en", "--as-of", "2026-11-21")).json()
    assert as_json == {"file": str(tmp_path / "en.pdf"), "pages": 1}
    assert "Yearplan,fiscalyear2026" in "".join(PdfReader(tmp_path / "en.pdf").pages[0].extract_text().split())


def test_without_a_file_name_the_plan_is_named_after_the_co_op_and_the_year(cli, coop_file, tmp_path, monkeypatch):
    ok(cli("--db", coop_file, *SAMPLE_INIT))
    monkeypatch.chdir(tmp_path)
    ok(cli("--db", coop_file, "print", "year-plan", "--language", "en", "--as-of", "2026-04-02"))
    assert (tmp_path / "햇살마을협동조합 Year plan 2026.pdf").exists()
