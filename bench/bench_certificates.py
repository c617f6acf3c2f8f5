"""Every member's share certificate (출자증서) from a real co-op file: time and peak memory.

A co-op of ``--members`` members with ``--entries`` ledger entries each (as ``bench_capital``
makes it).  Three figures, each in a forked child (wall, CPU, peak memory), taken twice:

- ours: ``render_capital_paper(CERTIFICATE)`` for every member, the ledger read a batch of
  members at a time while the pages are drawn;
- whole ledger: the same certificates made from the whole ledger read in one query first
  (what the paper did before), to show the memory the batches save;
- plain: the baseline, a reportlab canvas drawing as many pages of the same frame and a dozen
  strings each in the bundled font, no database at all.

    .venv/bin/python bench/bench_certificates.py [--members 5000] [--entries 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_capital import make_coop  # noqa: E402
from bench_register_pdf import measure, show  # noqa: E402

from coopdesk.services.files import open_database  # noqa: E402

ISSUED = dt.date(2026, 12, 31)


def ours(path: Path, coop_id: int) -> bytes:
    from coopdesk.services.capital.printing import CapitalPaperKind, render_capital_paper

    db = open_database(path)
    try:
        return render_capital_paper(db, coop_id, CapitalPaperKind.CERTIFICATE, "ko", issued_on=ISSUED)
    finally:
        db.close()


def whole_ledger(path: Path, coop_id: int) -> bytes:
    from coopdesk.documents.capital.certificate import render_certificates
    from coopdesk.domain.capital.papers import CertificatePaper
    from coopdesk.services.capital import printing
    from coopdesk.services.capital.ledger import ledger_entries

    db = open_database(path)
    try:
        paper = printing.certificate_paper(db, coop_id, issued_on=ISSUED)
        entries: dict[int, list] = {}
        for e in ledger_entries(db, coop_id, until=ISSUED):
            entries.setdefault(e.member, []).append(e)
        holders = paper.certificates.holders  # type: ignore[attr-defined]
        made = [printing._certificate(h, entries[h.number], paper.coop.share_price) for h in holders]
        return render_certificates(CertificatePaper(paper.coop, ISSUED, made), "ko")
    finally:
        db.close()


def plain(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from coopdesk.documents.fonts import GOTHIC, register_fonts

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    width, height = A4
    for n in range(1, pages + 1):
        canvas.rect(40, 40, width - 80, height - 80)
        canvas.rect(48, 48, width - 96, height - 96)
        canvas.setFont(GOTHIC, 28)
        canvas.drawCentredString(width / 2, height - 140, "출 자 증 서")
        canvas.setFont(GOTHIC, 12)
        for line in range(12):
            canvas.drawString(90, height - 220 - 24 * line, f"조합원{n:06d}  금 일십만원정  {line}  2025-01-0{line % 9 + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--entries", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("COOPDESK_HOME", tempfile.mkdtemp())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "certificates.coopdesk"
        db = open_database(path)
        coop_id = make_coop(db, args.members, args.entries)
        db.close()
        print(f"{args.members:,} members, {args.members * args.entries:,} ledger entries")
        plain(10), ours(path, coop_id)  # warm up: fonts, imports, locale data
        for round_ in ("first", "second"):
            print(f"[{round_}]")
            base = measure(lambda: plain(args.members))
            show("plain canvas", base)
            mine = measure(lambda: ours(path, coop_id))
            show("in batches", mine)
            whole = measure(lambda: whole_ledger(path, coop_id))
            show("whole ledger", whole)
            print(f"ratio ours/plain  wall {mine.wall / base.wall:.2f}   cpu {mine.cpu / base.cpu:.2f};"
                  f"  peak memory ours {mine.peak_rss_mb:.0f} MB, whole ledger {whole.peak_rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
