"""Member register PDF: ``render_register`` against plain reportlab building the same table.

The baseline is what one would write first: the same cells, font and columns in one
platypus LongTable with ``repeatRows=1`` inside a SimpleDocTemplate.  The target
(DESIGN.md §6) is a ratio of at most 1.3.

    .venv/bin/python bench/bench_register_pdf.py --rows 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.platypus import LongTable, SimpleDocTemplate  # noqa: E402

from coopdesk.documents.members.register import COLUMNS, LOOK, RegisterRenderer, render_register  # noqa: E402
from coopdesk.domain.members.standing import MemberStatus  # noqa: E402
from coopdesk.domain.members.register import RegisterHeader, RegisterRow  # noqa: E402

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "시우", "서윤",
         "주원", "하린", "지훈", "채원", "건우", "유진", "현우", "다은", "영수", "순자")
DISTRICTS = ("종로구", "중구", "용산구", "성동구", "마포구", "서대문구", "은평구", "강서구",
             "관악구", "동작구", "송파구", "강동구", "노원구", "도봉구", "성북구")
STREETS = ("세종대로", "을지로", "한강대로", "왕십리로", "월드컵북로", "연희로", "통일로",
           "공항대로", "관악로", "상도로", "올림픽로", "천호대로", "동일로", "도봉로", "보문로")
TYPES = ("생산자조합원", "소비자조합원", "직원조합원", "자원봉사자조합원", "후원조합원")
STATUSES = (MemberStatus.MEMBER,) * 8 + (MemberStatus.WITHDRAWING, MemberStatus.WITHDRAWN)


def synthetic_rows(count: int, seed: int = 7) -> list[RegisterRow]:
    rnd = random.Random(seed)
    start = dt.date(2013, 1, 1)
    return [_row(rnd, number, start) for number in range(1, count + 1)]


def _row(rnd: random.Random, number: int, start: dt.date) -> RegisterRow:
    status = rnd.choice(STATUSES)
    joined = start + dt.timedelta(days=rnd.randrange(4000))
    address = (f"서울특별시 {rnd.choice(DISTRICTS)} {rnd.choice(STREETS)} {rnd.randrange(1, 400)}"
               + (f", {rnd.randrange(101, 120)}동 {rnd.randrange(1, 25)}0{rnd.randrange(1, 9)}호"
                  if rnd.random() < 0.6 else ""))
    return RegisterRow(
        number=number,
        name=rnd.choice(SURNAMES) + rnd.choice(GIVEN),
        member_type=rnd.choice(TYPES),
        birth_date=dt.date(1940, 1, 1) + dt.timedelta(days=rnd.randrange(24000)),
        phone=f"010-{rnd.randrange(1000, 10000)}-{rnd.randrange(1000, 10000)}",
        address=address,
        joined_on=joined,
        left_on=joined + dt.timedelta(days=400) if status is MemberStatus.WITHDRAWN else None,
        status=status,
    )


def baseline(header: RegisterHeader, rows: list[RegisterRow], language: str) -> bytes:
    """Plain reportlab: the same cells in one LongTable with a repeated header row."""
    renderer = RegisterRenderer(header, rows, language)  # same fonts, headings and cells
    data = [[renderer.t.gettext(msgid) for msgid, _, _ in COLUMNS]]
    data += [renderer._cells(row) for row in rows]
    style = [
        ("FONT", (0, 0), (-1, -1), LOOK.font, LOOK.size, LOOK.leading),
        ("FONT", (0, 0), (-1, 0), LOOK.bold_font, LOOK.size, LOOK.leading),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, LOOK.stripe]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), LOOK.pad_y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), LOOK.pad_y),
    ]
    buffer = io.BytesIO()
    m = renderer.margins
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=m.left,
                            rightMargin=m.right, topMargin=m.top, bottomMargin=m.bottom)
    doc.build([LongTable(data, colWidths=renderer.widths, repeatRows=1, style=style)])
    return buffer.getvalue()


@dataclass
class Run:
    wall: float
    cpu: float
    peak_rss_mb: float
    pages: int
    size_mb: float


def measure(work: Callable[[], bytes]) -> Run:
    """Run ``work`` in a forked child so each figure, peak memory too, is its own.

    CPU time is printed besides wall time: on a shared machine it is the steadier figure.
    """
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child does the work and reports back
        os.close(reader)
        began, began_cpu = time.perf_counter(), time.process_time()
        pdf = work()
        wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        with os.fdopen(writer, "w") as out:
            json.dump(asdict(Run(wall, cpu, peak, pages, len(pdf) / 1e6)), out)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as report:
        text = report.read()
    os.waitpid(pid, 0)
    return Run(**json.loads(text))


def show(label: str, run: Run) -> None:
    print(f"{label:<17} wall {run.wall:8.2f} s   cpu {run.cpu:8.2f} s   "
          f"peak RSS {run.peak_rss_mb:6.0f} MB   pages {run.pages:,}   {run.size_mb:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--language", choices=("ko", "en"), default="ko")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    rows = synthetic_rows(args.rows)
    header = RegisterHeader("행복나눔 사회적협동조합", "서울특별시 마포구 월드컵북로 400",
                            dt.date(2024, 3, 1), args.rows)
    # Warm up both (font files, Babel locale data, imports) so neither pays it in the timing.
    render_register(header, rows[:100], args.language)
    baseline(header, rows[:100], args.language)
    baseline_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows {args.rows:,}   (process with the rows in memory: {baseline_rss:.0f} MB)")
    ours = measure(lambda: render_register(header, rows, args.language))
    show("render_register", ours)
    if args.skip_baseline:
        return
    plain = measure(lambda: baseline(header, rows, args.language))
    show("plain LongTable", plain)
    print(f"ratio ours/plain  wall {ours.wall / plain.wall:.3f}   cpu {ours.cpu / plain.cpu:.3f}"
          "   (target <= 1.3)")


if __name__ == "__main__":
    main()
