"""The year's report of members and paid-in capital (Act 22③) and the appropriation statement, rendered
from plain values and read back with pypdf: the figures and totals, the due date, the article, the
signature, the Korean order of an appropriation statement, a loss, and the dividends annex."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from coopdesk.documents.capital.appropriation import render_appropriation
from coopdesk.documents.capital.year_report import render_year_report
from coopdesk.domain.capital.papers import CoopFacts
from coopdesk.domain.capital.reports import (
    AppropriationPaper,
    AssemblyItem,
    CapitalMoves,
    DividendLine,
    TypeLine,
    YearReportPaper,
    yearly_report_due,
)
from coopdesk.domain.capital.surplus import (
    Plan,
    YearFigures,
    carried_forward,
    disposable,
    dividend_limits,
    legal_reserve_minimum,
    loss_cover,
    plan_checks,
)
from coopdesk.domain.coop import CoopKind

D = dt.date
COOP = CoopFacts("햇살마을협동조합", "서울특별시 마포구 성미산로 10", "김이사", 10_000, "152:1a2b3c4d5e6f")


def text_of(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("last", "due"), [(D(2025, 12, 31), D(2026, 3, 31)), (D(2026, 6, 30), D(2026, 9, 30)),
                                           (D(2026, 11, 30), D(2027, 2, 28)), (D(2027, 11, 30), D(2028, 2, 29))])
def test_the_report_is_due_three_months_after_the_year_ends(last, due):
    assert yearly_report_due(last) == due


def year_report() -> YearReportPaper:
    return YearReportPaper(COOP, False, 2025, D(2025, 1, 1), D(2025, 12, 31), D(2026, 2, 10),
                           (TypeLine("소비자조합원", 8, 10, 3, 1, 120, 1_150_000),
                            TypeLine("생산자조합원", 3, 4, 1, 0, 40, 400_000)),
                           160, 14, CapitalMoves(1_100_000, 500_000, 20_000, 100_000, 30_000, 1_550_000))


def test_year_report_in_korean_states_the_figures_the_article_and_the_signature():
    paper = year_report()
    assert paper.capital.adds_up and paper.members_at_end == 14 and paper.joined == 4
    text, pages = text_of(render_year_report(paper, "ko"))
    assert pages == 1
    for expected in ("조합원 수 및 납입출자금 신고서", "2025 회계연도", "햇살마을협동조합 (일반협동조합)", "이사장 김이사",
                     "소비자조합원", "생산자조합원", "1,150,000원", "1,550,000원", "- 100,000원", "법 제22조③",
                     "2026년 3월 31일", "시·도지사 귀하", "직인"):
        assert expected in text, expected
    assert "합계 11 4 1 14 160 1,550,000원" in " ".join(text.split())


def test_year_report_in_english():
    text, pages = text_of(render_year_report(year_report(), "en"))
    assert pages == 1
    for expected in ("Report of members and paid-in capital", "Act 22③", "March 31, 2026", "14 members",
                     "₩1,550,000", "To the mayor or governor of the city or province", "Chair 김이사"):
        assert expected in text, expected


def appropriation(fig: YearFigures, plan: Plan, kind=CoopKind.GENERAL, dividends=(), item=None):
    return AppropriationPaper(COOP, kind is CoopKind.SOCIAL, fig, D(2025, 1, 1), D(2025, 12, 31), D(2026, 3, 2), plan,
                              plan_checks(fig, kind, plan), disposable(fig), carried_forward(fig, plan), loss_cover(fig),
                              legal_reserve_minimum(fig, kind),
                              dividend_limits(fig, kind, plan.legal_reserve, plan.voluntary_reserve), False, None,
                              item, tuple(dividends))


SURPLUS = YearFigures(2025, 3_000_000, 500_000, 1_000_000, 200_000, 1_550_000)
PLAN = Plan(300_000, 500_000, 150_000, 600_000)


def test_the_appropriation_statement_reads_in_the_order_of_a_korean_statement():
    lines = [DividendLine(n, f"조합원{n:03d}", 10_000 * n, 5_000 * n, 0, 0) for n in range(1, 121)]
    share = [DividendLine(d.number, d.name, d.paid_in, d.patronage, 1_250, 5_000) for d in lines]
    item = AssemblyItem("2026년 정기총회", D(2026, 3, 28), 3, False, False)
    text, pages = text_of(render_appropriation(appropriation(SURPLUS, PLAN, dividends=share, item=item), "ko"))
    first = text[: text.index("[별지]")]
    order = ["잉여금처분안", "Ⅰ. 미처분이익잉여금 3,500,000", "1. 전기이월 미처분이익잉여금 500,000", "2. 당기순이익 3,000,000",
             "Ⅱ. 잉여금 처분액 1,550,000", "1. 법정적립금 300,000", "2. 임의적립금 500,000", "(1) 출자배당금 150,000",
             "(2) 이용실적배당금 600,000", "Ⅲ. 차기이월 미처분이익잉여금 1,950,000"]
    spaced = " ".join(first.split())
    at = [spaced.index(o) for o in order]
    assert at == sorted(at)
    for expected in ("법 제50조①", "법 제51조③", "155,000원", "2026년 3월 28일 2026년 정기총회 제3호 의안"):
        assert expected in spaced, expected
    # the annex: every member, the header on each page, the totals that add up
    assert pages >= 4 and text.count("조합원별 배당금") == 1
    assert "조합원120" in text and "합계" in text[text.index("[별지]"):]
    assert "150,000 600,000 750,000" in " ".join(text.split())


def test_a_loss_is_stated_as_covered_in_the_acts_order():
    fig = YearFigures(2025, -900_000, 300_000, 1_000_000, 200_000, 1_550_000)
    c = loss_cover(fig)
    text, pages = text_of(render_appropriation(appropriation(fig, Plan(from_voluntary=c.from_voluntary,
                                                                       from_legal=c.from_legal)), "ko"))
    spaced = " ".join(text.split())
    assert pages == 1
    for expected in ("결손금처리안", "Ⅰ. 미처리결손금 (600,000)", "2. 당기순손실 (900,000)",
                     "Ⅱ. 결손 보전을 위한 적립금 이입액 600,000", "1. 임의적립금 이입액 200,000", "2. 법정적립금 이입액 400,000",
                     "Ⅲ. 차기이월 미처분이익잉여금 0", "법 제51조①"):
        assert expected in spaced, expected
    assert "Ⅲ. 잉여금 처분액" not in spaced


def test_a_social_co_op_states_no_dividends_in_english():
    plan = Plan(900_000, 2_600_000)
    text, _pages = text_of(render_appropriation(appropriation(SURPLUS, plan, CoopKind.SOCIAL), "en"))
    for expected in ("Appropriation of the surplus", "Legal reserve 900,000", "Voluntary reserve 2,600,000",
                     "a social co-op pays no dividends", "Act 97①", "Retained earnings carried forward 0"):
        assert expected in " ".join(text.split()), expected
    assert "Dividend on capital" not in text
