"""Every `coopdesk print` paper still takes its options: the ones all papers share (where the PDF
goes, its language) come from one place, ``coopdesk.cli.printing``, and each paper's own stay
as they were.  Parsed as the command line reads them; nothing is printed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coopdesk.cli import build_parser
from coopdesk.i18n import LANGUAGES

D = dt.date
OUT = ("-o", "out.pdf", "--language", "ko")
SHARED = {"pdf": Path("out.pdf"), "doc_language": "ko"}

# Each paper with every option it takes, and the values the command then reads.
LINES: dict[str, tuple[tuple[str, ...], dict[str, object]]] = {
    "register": (("--as-of", "2026-03-01"), {"as_of": D(2026, 3, 1)}),
    "notice": (("--meeting", "3"), {"meeting": 3}),
    "attendance": (("--meeting", "3"), {"meeting": 3}),
    "proxy-form": (("--meeting", "3"), {"meeting": 3}),
    "minutes": (("--meeting", "3", "--draft"), {"meeting": 3, "draft": True}),
    "ballots": (("--election", "2", "--copies", "30", "--per-page", "2", "--contest", "1", "--contest", "감사"),
                {"election": 2, "copies": 30, "per_page": 2, "contest": ["1", "감사"]}),
    "election-notice": (("--election", "2"), {"election": 2}),
    "election-result": (("--election", "2", "--as-of", "2026-03-28"), {"election": 2, "as_of": D(2026, 3, 28)}),
    "officer-list": (("--as-of", "2026-04-01"), {"election": None, "as_of": D(2026, 4, 1)}),
    "education-certificate": (("--session", "4", "--attendee", "1", "2", "--issued-on", "2026-11-21"),
                              {"session": 4, "attendee": [1, 2], "issued_on": D(2026, 11, 21)}),
    "education-attendance": (("--session", "4"), {"session": 4}),
    "education-report": (("--year", "2026"), {"year": 2026}),
    "bylaws": (("--version", "2"), {"bylaws_version": 2}),
    "bylaws-comparison": (("--meeting", "3", "--item", "1"), {"meeting": 3, "item": 1}),
    "year-plan": (("--as-of", "2026-05-01"), {"as_of": D(2026, 5, 1)}),
    "founding-pack": ((), {"folder": None}),
    "certificate": (("--member", "5", "--issued-on", "2026-03-02"),
                    {"member": 5, "all": False, "issued_on": D(2026, 3, 2), "paper": "certificate"}),
    "capital-statement": (("--member", "5", "--as-of", "2026-02-28", "--issued-on", "2026-03-02"),
                          {"member": 5, "as_of": D(2026, 2, 28), "issued_on": D(2026, 3, 2)}),
    "capital-register": (("--as-of", "2026-02-28"), {"as_of": D(2026, 2, 28), "paper": "capital-register"}),
    "refund-statement": (("--member", "5", "--issued-on", "2026-03-02"), {"member": 5, "issued_on": D(2026, 3, 2)}),
    "year-report": (("--year", "2025", "--issued-on", "2026-03-02"),
                    {"fiscal_year": 2025, "issued_on": D(2026, 3, 2), "paper": "year-report"}),
    "appropriation": (("--year", "2025", "--issued-on", "2026-03-02"), {"fiscal_year": 2025}),
    "application-form": (("--member", "5"), {"member": 5, "paper": "application-form"}),
    "consent-form": (("--member", "5"), {"member": 5}),
    "withdrawal-form": ((), {"member": None}),
}


def print_parsers() -> dict[str, object]:
    area = build_parser({"print"})._subparsers._group_actions[0].choices["print"]  # type: ignore[union-attr]
    return area._subparsers._group_actions[0].choices  # type: ignore[no-any-return]


def test_every_paper_of_the_list_is_still_a_print_command():
    assert set(LINES) <= set(print_parsers())


def test_every_print_command_writes_a_pdf_where_asked_in_the_language_asked():
    for name, parser in print_parsers().items():
        actions = {a.dest: a for a in parser._actions}  # type: ignore[attr-defined]
        assert actions["pdf"].option_strings == ["-o", "--output"], name
        assert actions["doc_language"].option_strings == ["--language"], name
        assert tuple(actions["doc_language"].choices) == LANGUAGES, name
        assert actions["pdf"].help and actions["doc_language"].help, name


@pytest.mark.parametrize("name", sorted(LINES))
def test_each_paper_reads_all_its_options(name):
    own, expected = LINES[name]
    args = build_parser({"print"}).parse_args(["print", name, *own, *OUT])
    assert callable(args.run)
    for key, value in {**SHARED, **expected}.items():
        assert getattr(args, key) == value, key


def test_without_language_the_paper_is_left_to_the_screen_language():
    args = build_parser({"print"}).parse_args(["print", "year-plan"])
    assert args.pdf is None and args.doc_language is None


@pytest.mark.parametrize("line", [
    ("print", "register", "--language", "en"),  # the register has no default name: -o is required
    ("print", "certificate", "-o", "x.pdf"),  # --member or --all
    ("print", "certificate", "--member", "1", "--all"),
    ("print", "founding-pack", "-o", "x.pdf", "--folder", "papers"),  # one PDF or a folder, not both
    ("print", "notice", "--meeting", "1", "--language", "fr"),
    ("print", "ballots", "--election", "1", "--per-page", "3"),
])
def test_a_line_the_paper_cannot_take_is_refused_as_it_is_read(line, capsys):
    with pytest.raises(SystemExit) as refused:
        build_parser({"print"}).parse_args(list(line))
    assert refused.value.code == 2 and "error" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(LINES))
def test_the_help_of_every_paper_says_its_shared_options_in_korean(cli, name):
    result = cli("--language", "ko", "print", name, "--help")
    assert result.code == 0
    assert "-o PDF, --output PDF" in result.out and "--language {ko,en}" in result.out
    assert "화면 언어" in result.out and "screen language" not in result.out  # translated when the parser is made
