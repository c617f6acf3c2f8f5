"""The one-page year plan read back with pypdf: the co-op, the fiscal year, the months, what is due
with its article and the done marks, in either language; and a crowded year stays on one page,
smaller, then with the lines it cannot hold counted at its foot."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.year.plan import SIZES, PlanLine, YearPlan, YearPlanRenderer
from coopdesk.domain import law
from coopdesk.i18n import Translator

D = dt.date
ASSEMBLY = "Hold the ordinary general assembly of fiscal year {year}"  # a message of the year's rules
TERM = "The term of {name} ends"


def plan(lines: list[PlanLine], today: D | None = None) -> YearPlan:
    return YearPlan("햇살마을협동조합", 2026, D(2026, 1, 1), D(2026, 12, 31), today or D(2026, 5, 10),
                    tuple(sorted(lines, key=lambda line: line.due_on)), audit_mark="152:1a2b3c4d5e6f")


def text_of(data: bytes) -> list[str]:
    """Each page's text without white space: a wrapped sentence compares equal to its source."""
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def render(p: YearPlan, language: str) -> tuple[YearPlanRenderer, list[str]]:
    renderer = YearPlanRenderer(p, language)
    return renderer, text_of(renderer.render())


A_YEAR = [
    PlanLine(D(2026, 3, 31), ASSEMBLY, {"year": "2025"}, law.ORDINARY_ASSEMBLY_PER_YEAR.ref, overdue=False,
             done_on=D(2026, 3, 28), done_note="정기총회 개최"),
    PlanLine(D(2026, 4, 30), TERM, {"name": "김민준"}, law.MEETING_NOTICE_DAYS.ref, overdue=True),
    PlanLine(D(2025, 12, 1), TERM, {"name": "이서연"}, law.MEETING_NOTICE_DAYS.ref, overdue=True),
    PlanLine(D(2027, 2, 1), TERM, {"name": "박도윤"}, law.MEETING_NOTICE_DAYS.ref),
]


@pytest.mark.parametrize("language, words", [
    ("ko", ["2026회계연도연간일정표", "햇살마을협동조합", "2026년1월1일", "2026년12월31일", "법제28조③", "법제28조④",
            "■완료26.3.28.", "□기한지남", "2026년3월", "5월~12월", "기한없음", "회계연도전", "회계연도후"]),
    ("en", ["Yearplan,fiscalyear2026", "햇살마을협동조합", "January1,2026", "December31,2026", "Act28③", "Act28④",
            "■Done3/28/26", "□Pastthedeadline", "Mar2026", "May–Dec", "Nothingdue", "Beforetheyear", "Aftertheyear"]),
])
def test_the_plan_names_the_co_op_the_year_each_month_and_what_is_due_with_its_article(language, words):
    renderer, pages = render(plan(A_YEAR), language)
    assert len(pages) == 1
    page = pages[0]
    assert all(w in page for w in words), [w for w in words if w not in page]
    assert all(name in page for name in ("김민준", "이서연", "박도윤")) and "152:1a2b3c4d5e6f" in page
    assert "정기총회개최" in page  # the note made when it was marked done
    assert renderer.shown_lines == 4 and renderer.size == SIZES[0]
    assert page.index("이서연") < page.index("김민준") < page.index("박도윤")  # before the year, in it, after it


def crowded(count: int) -> list[PlanLine]:
    """A co-op with many planned meetings and terms: ``count`` lines spread over the year."""
    return [PlanLine(D(2026, 1, 1) + dt.timedelta(days=i * 360 // count), TERM, {"name": f"조합원{i:03d}"},
                     law.MEETING_NOTICE_DAYS.ref, done_on=D(2026, 1, 1) if i % 4 == 0 else None)
            for i in range(count)]


def test_a_busy_year_is_printed_smaller_and_whole_on_one_page():
    renderer, pages = render(plan(crowded(45)), "en")
    assert len(pages) == 1 and renderer.size < SIZES[0]
    assert renderer.shown_lines == 45 and "조합원044" in pages[0] and "more" not in pages[0]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_year_too_long_for_a_page_keeps_one_page_and_says_how_many_more(language):
    lines = crowded(300)
    renderer, pages = render(plan(lines), language)
    assert len(pages) == 1 and renderer.size == SIZES[-1]
    kept = renderer.shown_lines
    assert 30 < kept < 300
    page = pages[0]
    assert f"조합원{kept - 1:03d}" in page and f"조합원{kept:03d}" not in page  # the earliest lines, in order
    t = Translator(language)
    said = t.ngettext("And {count} more from {date} on, not shown here: CoopDesk's year page lists them all.",
                      "And {count} more from {date} on, not shown here: CoopDesk's year page lists them all.",
                      300 - kept, count=t.number(300 - kept), date=t.date(lines[kept].due_on))
    assert "".join(said.split()) in page and str(300 - kept) in said
