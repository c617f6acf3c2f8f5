"""Capital register PDF (조합원별 출자 현황): ``render_capital_register`` against plain reportlab
building the same table (issue 13: the capital register at 100,000 members).

The baseline is what one would write first: the same cells, font and columns in one platypus
LongTable with ``repeatRows=1`` inside a SimpleDocTemplate, the totals row after it.  Each is
measured in a forked child (wall, CPU, peak memory); the figures are taken twice in one run.

    .venv/bin/python bench/bench_capital_register_pdf.py --rows 10000
    .venv/bin/python bench/bench_capital_register_pdf.py --rows 100000 --skip-baseline
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_register_pdf import measure, show
from reportlab.platypus import LongTable, SimpleDocTemplate

from coopdesk.documents.capital.register import (
    COLUMNS,
    LOOK,
    CapitalRegisterRenderer,
    render_capital_register,
)
from coopdesk.domain.capital.papers import (
    CapitalRegisterPaper,
    CoopFacts,
    RegisterLine,
    RegisterTotals,
)
from coopdesk.domain.members.standing import MemberStatus

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "시우", "서윤")
PRICE = 10_000


def synthetic_paper(count: int, seed: int = 7) -> CapitalRegisterPaper:
    rnd = random.Random(seed)
    lines = []
    for n in range(1, count + 1):
        shares = rnd.randrange(1, 60)
        paid = shares * PRICE - (PRICE * rnd.randrange(1, 3) if rnd.random() < 0.1 else 0)
        status = MemberStatus.MEMBER if rnd.random() < 0.9 else MemberStatus.WITHDRAWN
        lines.append(RegisterLine(n, rnd.choice(SURNAMES) + rnd.choice(GIVEN), status,
                                  dt.date(2013, 1, 1) + dt.timedelta(days=rnd.randrange(4000)), shares, paid,
                                  shares * PRICE - paid))
    totals = RegisterTotals(sum(x.status is MemberStatus.MEMBER for x in lines), count,
                            sum(x.shares for x in lines), sum(x.paid for x in lines), sum(x.unpaid for x in lines))
    coop = CoopFacts("행복나눔 사회적협동조합", "서울특별시 마포구 월드컵북로 400", "김이사", PRICE, "1:abcdef")
    return CapitalRegisterPaper(coop, dt.date(2026, 12, 31), lines, totals)


def baseline(paper: CapitalRegisterPaper, language: str) -> bytes:
    """Plain reportlab: the same cells in one LongTable with a repeated header row, then the totals."""
    renderer = CapitalRegisterRenderer(paper, language)  # same fonts, headings and cells
    data = [[renderer.t.gettext(msgid) for msgid, _, _ in COLUMNS]]
    data += [renderer._cells(line) for line in paper.lines]
    style = [
        ("FONT", (0, 0), (-1, -1), LOOK.font, LOOK.size, LOOK.leading),
        ("FONT", (0, 0), (-1, 0), LOOK.bold_font, LOOK.size, LOOK.leading),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LOOK.stripe]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), LOOK.pad_y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), LOOK.pad_y),
        *[("ALIGN", (i, 0), (i, -1), a) for i, (_, _, a) in enumerate(COLUMNS)],
    ]
    buffer = io.BytesIO()
    m = renderer.margins
    doc = SimpleDocTemplate(buffer, pagesize=renderer.page_size(), leftMargin=m.left, rightMargin=m.right,
                            topMargin=m.top, bottomMargin=m.bottom)
    doc.build([LongTable(data, colWidths=renderer.widths, repeatRows=1, style=style), renderer._totals([])])
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--language", choices=("ko", "en"), default="ko")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-baseline", action="store_true",
                        help="ours only: the LongTable is quadratic, 15 minutes at 100,000 rows")
    args = parser.parse_args()
    paper = synthetic_paper(args.rows)
    small = synthetic_paper(100)
    # Warm up both (font files, Babel locale data, imports) so neither pays it in the timing.
    render_capital_register(small, args.language)
    baseline(small, args.language)
    print(f"rows {args.rows:,}   (process with the rows in memory: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    for run in range(1, args.repeat + 1):
        ours = measure(lambda: render_capital_register(paper, args.language))
        show(f"ours (run {run})", ours)
        if args.skip_baseline:
            continue
        plain = measure(lambda: baseline(paper, args.language))
        show(f"plain (run {run})", plain)
        print(f"ratio ours/plain  wall {ours.wall / plain.wall:.3f}   cpu {ours.cpu / plain.cpu:.3f}")


if __name__ == "__main__":
    main()
