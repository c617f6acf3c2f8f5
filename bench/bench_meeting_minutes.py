"""Minutes of a 15-member ordinary general assembly (DESIGN.md §6: ≤ 0.5 s).

The assembly is held through the services, as a secretary would: 15 members, the
standard agenda with proposals and a summary of each discussion, notice, 11 members in
person and one by proxy, every item voted and closed, the chair and three members chosen
to sign.  Then the final minutes are printed with
``meeting_printing.print_meeting_paper(..., MeetingPaperKind.MINUTES, ...)`` in Korean and
in English, and timed: the first run (for Korean, the first PDF of the process: the
fonts are read then), then the median and slowest of several after it; with the split
between reading the record (``minutes_paper``) and drawing the PDF (``render_minutes``).

    .venv/bin/python bench/bench_meeting_minutes.py [--runs 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coopdesk.documents.meetings.minutes import render_minutes  # noqa: E402
from coopdesk.domain.members.details import MemberDetails  # noqa: E402
from coopdesk.domain.meetings.kinds import MeetingKind  # noqa: E402
from coopdesk.i18n import set_language  # noqa: E402
from coopdesk.services.coops import create_coop  # noqa: E402
from coopdesk.services.demo import demo_profile  # noqa: E402
from coopdesk.services.files import open_database  # noqa: E402
from coopdesk.services.meetings.attendance import add_proxy, check_in  # noqa: E402
from coopdesk.services.meetings.notice import record_notice  # noqa: E402
from coopdesk.services.meetings.signers import choose_minute_signers  # noqa: E402
from coopdesk.services.meetings.papers import minutes_paper  # noqa: E402
from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper  # noqa: E402
from coopdesk.services.meetings.votes import close_item, record_counts  # noqa: E402
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, record_times  # noqa: E402
from coopdesk.services.meetings.agenda import add_standard_agenda, list_items, record_item_text  # noqa: E402
from coopdesk.services.members.member import add_member  # noqa: E402
from coopdesk.store.database import Database  # noqa: E402

HELD = dt.date(2026, 3, 28)
NAMES = ("김영수", "이순자", "박민준", "최서연", "정도윤", "강하은", "조지호", "윤수아", "장예준", "임지우",
         "한시우", "오서윤", "서주원", "신하린", "권지훈")
PROPOSAL = ("{title}을 별첨 자료와 같이 상정합니다. 이사회는 지난 회계연도의 사업 실적과 재무 상태를 검토하였으며, "
            "조합원 여러분의 승인을 요청드립니다.")
DISCUSSION = ("{title}에 대하여 이사장이 별첨 자료를 설명하였다. 조합원 윤수아는 공동구매 품목의 확대 계획을 "
              "질의하였고, 이사장은 올해 하반기에 지역 농가와 협의하여 품목을 늘리겠다고 답변하였다. "
              "조합원 한시우는 자원활동가 교육 예산의 적정성을 물었으며, 감사가 집행 내역을 설명하였다. "
              "더 이상의 질의가 없어 의장이 표결에 부쳤다.")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def hold_assembly(db: Database) -> tuple[int, int]:
    """A 15-member co-op's ordinary assembly, from notice to the minute-signers."""
    set_language("ko")  # a Korean secretary: the standard agenda's titles are Korean
    coop = create_coop(db, demo_profile(), adopted_on=dt.date(2020, 3, 15))
    for name in NAMES:
        add_member(db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2020, 3, 15), today=HELD)
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD,
                                                       dt.time(14, 0), "마포구 성미산마을회관 2층", "이사장",
                                                       "김영수"))
    add_standard_agenda(db, coop.id, meeting.id)
    record_notice(db, coop.id, meeting.id, dt.date(2026, 3, 18), "우편, 문자")
    for n in range(1, 12):
        check_in(db, coop.id, meeting.id, n, dt.datetime.combine(HELD, dt.time(13, 40 + n)))
    add_proxy(db, coop.id, meeting.id, 12, holder=2, written_proof=True, note="위임장 제출")
    record_times(db, coop.id, meeting.id, opened_at=dt.time(14, 5), closed_at=dt.time(15, 40))
    for item in list_items(db, coop.id, meeting.id):
        record_item_text(db, coop.id, item.id, proposal=PROPOSAL.format(title=item.title),
                         discussion=DISCUSSION.format(title=item.title))
        record_counts(db, coop.id, item.id, 10, 1, 1)
        close_item(db, coop.id, item.id)
    choose_minute_signers(db, coop.id, meeting.id, [2, 3, 4])
    return coop.id, meeting.id


def timed(fn: Callable[[], Any], runs: int) -> tuple[list[float], list[float], Any]:
    """Wall and CPU seconds of a first run and of ``runs`` more.  CPU time is printed besides
    wall time: on a shared machine it is the steadier figure."""
    walls, cpus, result = [], [], None
    for _ in range(runs + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus, result


def figures(walls: list[float], cpus: list[float]) -> str:
    """first, median and slowest of the later runs; the same in CPU time."""
    return (f"{ms(walls[0])} {ms(statistics.median(walls[1:]))} {ms(max(walls[1:]))}   "
            f"{ms(cpus[0])} {ms(statistics.median(cpus[1:]))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder / "bench.coopdesk")
    start = time.perf_counter()
    coop_id, meeting_id = hold_assembly(db)
    print(f"assembly of 15 members held in {time.perf_counter() - start:.1f} s (notice to signers)")
    print(f"{'':<30}{'first':>7} {'median':>7} {'max':>7}   {'cpu 1st':>7} {'cpu med':>7}"
          f"   (ms; {args.runs} runs after the first)")
    for language in ("ko", "en"):
        target = folder / f"minutes-{language}.pdf"
        walls, cpus, printed = timed(lambda: print_meeting_paper(
            db, coop_id, meeting_id, MeetingPaperKind.MINUTES, target, language), args.runs)
        print(f"{'print_meeting_paper, ' + language:<30}{figures(walls, cpus)}   {printed.pages} pages, "
              f"{target.stat().st_size / 1000:.0f} kB   (target ≤ 500)")
        walls, cpus, paper = timed(lambda: minutes_paper(db, coop_id, meeting_id), args.runs)
        print(f"{'  reading: minutes_paper':<30}{figures(walls, cpus)}")
        walls, cpus, _ = timed(lambda: render_minutes(paper, language), args.runs)
        print(f"{'  drawing: render_minutes':<30}{figures(walls, cpus)}")
    print(f"the minutes are in {folder}")
    db.close()


if __name__ == "__main__":
    main()
