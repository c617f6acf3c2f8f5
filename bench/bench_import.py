"""Excel import of members: ``import_members`` against openpyxl's own read-only pass.

Two workbooks of the same demo members (dates as date cells, phones as text):

- ``export``: as CoopDesk's own export writes it (openpyxl's write-only mode: text in
  the cells, no size stated);
- ``excel``: as Excel saves it: text in the shared-string table, the size stated.

The baseline loads the file with ``load_workbook(read_only=True, data_only=True)`` and
iterates every row ``values_only``: the least any import of it through openpyxl does.
The import reads, checks every row against the register and writes all members into a
fresh SQLite co-op file in one transaction.  Each run is a child process of its own, so
that its peak memory is its own: the import's peak is that of a process that has
CoopDesk, SQLAlchemy and openpyxl loaded and the co-op file open.  The two alternate,
twice by default, and each pair gives a ratio.  Targets (DESIGN.md §6): a ratio of at
most 1.25 and a peak of at most 300 MB at 100,000 rows.

    .venv/bin/python bench/bench_import.py --rows 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from coopdesk.services import demo, table_write  # noqa: E402
from coopdesk.services.coops import create_coop  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.members.importing import guess_mapping, import_members, read_headers  # noqa: E402

HEADERS = ("이름", "조합원 유형", "생년월일", "휴대폰", "이메일", "주소", "가입일", "비고")
TODAY = dt.date(2026, 11, 21)
KINDS = ("export", "excel")


# -- the files ------------------------------------------------------------------------------

def demo_rows(rows: int, seed: int = 7) -> list[tuple[object, ...]]:
    rnd = random.Random(seed)
    people = demo.demo_people(rnd, rows, demo.founding_day(TODAY), TODAY)
    return [(p.details.name, p.details.member_type, p.details.birth_date, p.details.phone, p.details.email,
             p.details.address, p.joined_on or p.applied_on, p.details.notes) for p in people]


def make_export(path: Path, rows: list[tuple[object, ...]]) -> None:
    table_write.write_table(path, HEADERS, rows, total=len(rows))


def make_excel(path: Path, rows: list[tuple[object, ...]], template: Path) -> None:
    """The export's workbook with its sheet written as Excel writes one: every text in the
    shared-string table (``t="s"``), the sheet's size in ``<dimension>``.  The other parts
    (styles with the date format as style 1) are the export's."""
    strings: dict[str, int] = {}

    def cell(ref: str, value: object) -> str:
        if isinstance(value, dt.date):
            return f'<c r="{ref}" s="1"><v>{(value - dt.date(1899, 12, 30)).days}</v></c>'
        if value is None or value == "":
            return ""
        return f'<c r="{ref}" t="s"><v>{strings.setdefault(str(value), len(strings))}</v></c>'

    letters = "ABCDEFGH"
    sheet = [f'<row r="{n}">' + "".join(cell(f"{letters[i]}{n}", v) for i, v in enumerate(row)) + "</row>"
             for n, row in enumerate([HEADERS, *rows], start=1)]
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {main}>'
                 f'<dimension ref="A1:H{len(rows) + 1}"/><sheetData>{"".join(sheet)}</sheetData></worksheet>')
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    shared_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  f'<sst {main} count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                    b'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"'
                                    b"/></Types>")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="sharedStrings.xml"/></Relationships>')
            out.writestr(item.filename, data)
        out.writestr("xl/sharedStrings.xml", shared_xml.encode())


# -- the runs -------------------------------------------------------------------------------

@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float  # the child process's peak resident memory
    start_mb: float  # its resident memory when the timed work began
    count: int


def in_child(setup: Callable[[], Callable[[], int]]) -> Run:
    """In a forked child, ``setup()`` (not timed) and then the work it returns (timed): its
    time, and the child's own peak memory."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        work = setup()
        start_mb = _resident_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        count = work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        with os.fdopen(writer, "w") as out:
            json.dump(asdict(Run(wall, cpu, peak, start_mb, count)), out)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as report:
        text = report.read()
    _pid, status = os.waitpid(pid, 0)
    if status != 0 or not text:
        raise SystemExit(f"the measured child failed (status {status})")
    return Run(**json.loads(text))


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:  # Linux; elsewhere the start is not shown
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def openpyxl_pass(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def fresh_coop(folder: Path) -> tuple[Path, int]:
    """A new co-op file with the demo co-op's profile and no members: made before, not timed."""
    path = Path(tempfile.mkdtemp(dir=folder)) / "bench.coopdesk"
    db = open_database(path)
    coop = create_coop(db, demo.demo_profile(), adopted_on=dt.date(2020, 1, 1))
    db.close()
    return path, coop.id


def coopdesk_import(coop_file: Path, coop_id: int, path: Path, mapping: dict[str, int | None]) -> Callable[[], int]:
    """What the import does after the user has seen the preview and chosen the columns, on
    a co-op file already open (opened here, before the clock starts)."""
    db = open_database(coop_file)
    return lambda: import_members(db, coop_id, path, mapping, today=TODAY).count


def compare(kind: str, path: Path, folder: Path, repeat: int) -> None:
    mapping = guess_mapping(read_headers(path))
    print(f"\n{kind}: {path.stat().st_size / 1e6:.1f} MB")
    ratios = []
    for attempt in range(1, repeat + 1):
        base = in_child(lambda: lambda: openpyxl_pass(path))
        coop_file, coop_id = fresh_coop(folder)
        ours = in_child(lambda: coopdesk_import(coop_file, coop_id, path, mapping))
        ratios.append((ours.wall / base.wall, ours.cpu / base.cpu))
        print(f"  run {attempt}: openpyxl pass {base.wall:6.2f} s (CPU {base.cpu:5.2f} s, peak {base.peak_mb:4.0f} MB)"
              f" | import {ours.wall:6.2f} s (CPU {ours.cpu:5.2f} s, peak {ours.peak_mb:4.0f} MB, "
              f"{ours.start_mb:3.0f} MB at start; {ours.count:,} members)"
              f" | ratio {ratios[-1][0]:.2f} wall, {ratios[-1][1]:.2f} CPU")
    print(f"  ratio: best {min(r[0] for r in ratios):.2f}, worst {max(r[0] for r in ratios):.2f} wall"
          f" (CPU {min(r[1] for r in ratios):.2f}-{max(r[1] for r in ratios):.2f}); target <= 1.25, "
          "peak <= 300 MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each, in turns")
    parser.add_argument("--kind", choices=(*KINDS, "both"), default="both")
    parser.add_argument("--file", type=Path, help="use this .xlsx instead of making one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["COOPDESK_HOME"] = str(folder / "home")
        if args.file is not None:
            files = {"given": args.file}
        else:
            kinds = KINDS if args.kind == "both" else (args.kind,)
            files = {kind: folder / f"{kind}.xlsx" for kind in KINDS}
            start = time.perf_counter()
            in_child(lambda: lambda: _make(files, args.rows))  # the rows never enter this process
            files = {kind: files[kind] for kind in kinds}
            print(f"made {', '.join(files)}: {args.rows:,} rows in {time.perf_counter() - start:.1f} s")
        for kind, path in files.items():
            compare(kind, path, folder, args.repeat)


def _make(files: dict[str, Path], rows: int) -> int:
    data = demo_rows(rows)
    make_export(files["export"], data)
    make_excel(files["excel"], data, files["export"])
    return len(data)


if __name__ == "__main__":
    main()
