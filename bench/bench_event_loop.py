"""How long the window stops answering: the event loop's longest block, 100,000 members vs 15.

A 5 ms timer ticks for the whole run; the longest gap between two ticks, less the 5 ms,
is the longest time the window could not repaint or answer a click.  Each run is a fresh
process that does what a secretary does, in this order:

1. start: the window opens the co-op file (as ``coopdesk --db FILE`` does) until the
   member list holds every member;
2. a member edited while the members page shows: saved through the service, then the
   members page's own path tells the other areas (what the member form does);
3. the officers page opened (it refreshes there: a change was heard while it was hidden);
4. a member edited while the officers page shows: its refresh is also timed alone;
5. the meetings page opened and its first meeting chosen (its details show);
6. the co-op profile opened;
7. the Capital page opened, then View ▸ Reload (F5): every page reads the database again;
8. the window comes back to the front with nothing changed (one audit-seal read), then after
   a member was edited through a second handle on the file, as a ``coopdesk`` command does
   (every page reads again).

The target (DESIGN.md §6): no block longer than 100 ms at 100,000 members, and a member
change refreshes the officers page in at most 100 ms.  The baseline is the same run on a
15-member co-op; both are measured in turn, twice (``--rounds``), with their ratio.  The
co-op files are made by ``services.demo`` in a temporary folder; the demo gives a co-op
of more than 500 members no officers or meetings, so a board in office and an assembly
to come (standard agenda, notice sent) are added where it has none.

    .venv/bin/python bench/bench_event_loop.py [--members 100000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
SETTLE_MS = 400  # after each step: time for what it started (workers, deferred refreshes) to end
TIMEOUT_S = 300
PHASES = ("start", "member edited", "officers opened", "member edited, officers shown", "meetings opened",
          "profile opened", "capital opened", "reloaded (F5)", "back to the window, no change",
          "back after a command's change")


# -- the co-op files ----------------------------------------------------------------------
def make_coop(folder: Path, members: int) -> Path:
    """A demo co-op file of ``members`` members, with a board in office and an assembly to come."""
    from coopdesk.domain.meetings.kinds import MeetingKind
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.demo import create_demo
    from coopdesk.services.files import open_database
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, list_meetings
    from coopdesk.services.meetings.notice import record_notice
    from coopdesk.services.members.current import find_on_register
    from coopdesk.services.officers.terms import TermInput, add_term, list_terms, term_end

    path = folder / f"coop-{members}.coopdesk"
    db = open_database(path)
    coop = create_demo(db, members=members)
    today = dt.date.today()
    if not list_terms(db, coop.id):
        start = today - dt.timedelta(days=30)
        board = zip((Office.CHAIR, Office.DIRECTOR, Office.DIRECTOR, Office.AUDITOR),
                    find_on_register(db, coop.id, "", start, limit=4))
        for office, (number, _name) in board:
            add_term(db, coop.id, TermInput(office, start, term_end(start, 2), member_number=number))
    if not list_meetings(db, coop.id):
        held = today + dt.timedelta(days=20)
        meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, f"{held.year}년 정기총회",
                                                           held, dt.time(14)), with_standard_agenda=True)
        record_notice(db, coop.id, meeting.id, today, "우편, 문자")
    db.close()
    return path


# -- one run, in its own process ----------------------------------------------------------
def child(path: str, members: int) -> None:
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from coopdesk.services.files import open_database
    from coopdesk.services.members.member import edit_member, get_member
    from coopdesk.ui.app import application, create_main_window
    from coopdesk.ui.officers.page import OfficersPage

    app = application()
    worst = dict.fromkeys(PHASES, 0.0)
    refreshes: list[float] = []
    state = {"phase": "start", "last": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        blocked = now - state["last"] - TICK_MS / 1000
        state["last"] = now
        worst[state["phase"]] = max(worst[state["phase"]], blocked)

    reload = OfficersPage.reload

    def timed_reload(page: OfficersPage) -> None:
        began = time.perf_counter()
        reload(page)
        if state["phase"] == "member edited, officers shown":
            refreshes.append(time.perf_counter() - began)

    OfficersPage.reload = timed_reload  # type: ignore[method-assign]

    window = create_main_window(path, language="ko", open_later=True)  # what ``coopdesk --db FILE`` does
    window.show()
    watch = QTimer()
    watch.setTimerType(Qt.TimerType.PreciseTimer)
    watch.timeout.connect(tick)

    def ready() -> bool:
        page = window.workspace.members_page if window.workspace is not None else None
        return page is not None and page.model.total == members

    def edit_a_member(name: str) -> None:
        """What the member form does on OK: the service saves, the page tells the other areas."""
        assert window.context is not None and window.workspace is not None
        db, coop_id = window.context.db, window.context.coop_id
        view = get_member(db, coop_id, 2)
        view = edit_member(db, coop_id, 2, dataclasses.replace(view.details, name=name), version=view.version)
        window.workspace.members_page.member_changed(view)

    def area(key: str) -> None:
        assert window.workspace is not None
        window.workspace.show_area(key)

    def edit_elsewhere() -> None:
        """A member edited by another program (a second handle), then the window activated."""
        assert window.context is not None
        other = open_database(path)
        view = get_member(other, window.context.coop_id, 3)
        edit_member(other, window.context.coop_id, 3, dataclasses.replace(view.details, name="명령줄에서"),
                    version=view.version)
        other.close()
        activate()

    def activate() -> None:
        QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))

    def choose_meeting() -> None:
        assert window.workspace is not None
        page = window.workspace.pages["meetings"]
        page.select_meeting(page.meetings[0].meeting.id)

    steps = [("member edited", lambda: edit_a_member("고쳐진이름")),
             ("officers opened", lambda: area("officers")),
             ("member edited, officers shown", lambda: edit_a_member("다시고친이름")),
             ("meetings opened", lambda: (area("meetings"), choose_meeting())),
             ("profile opened", lambda: area("coop")),
             ("capital opened", lambda: area("capital")),
             ("reloaded (F5)", lambda: window.reload_all()),
             ("back to the window, no change", activate),
             ("back after a command's change", edit_elsewhere)]

    def next_step() -> None:
        if not steps:
            print(json.dumps({"worst": worst, "officers_refresh": max(refreshes, default=float("nan"))}),
                  flush=True)
            window.close()
            app.quit()
            return
        phase, action = steps.pop(0)
        state["phase"] = phase
        action()
        QTimer.singleShot(SETTLE_MS, after_reads)

    def after_reads() -> None:
        """The next step once the reads a step started in threads are shown (a large register's)."""
        assert window.workspace is not None
        pages = window.workspace.pages
        reading = pages["members"]._loading is not None or ("capital" in pages and pages["capital"].loading)
        QTimer.singleShot(10 if reading else 0, after_reads if reading else next_step)

    def wait_until_ready() -> None:
        if ready():
            QTimer.singleShot(SETTLE_MS, next_step)
        else:
            QTimer.singleShot(10, wait_until_ready)

    state["last"] = time.perf_counter()
    watch.start(TICK_MS)
    QTimer.singleShot(0, wait_until_ready)
    QTimer.singleShot(TIMEOUT_S * 1000, lambda: (print("timeout", flush=True), app.exit(1)))
    app.exec()


def run(path: Path, members: int) -> dict[str, object]:
    done = subprocess.run([sys.executable, __file__, "--child", str(path), str(members)], capture_output=True,
                          text=True, env={**os.environ, "COOPDESK_HOME": os.environ["COOPDESK_HOME"]})
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the run on {members} members failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(lines[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def report(round_: int, big: dict, small: dict, members: int) -> None:
    print(f"\nround {round_}: the event loop's longest block (5 ms timer)")
    print(f"  {'step':34} {members:>9,} members {15:>9,} members   ratio")
    for phase in PHASES:
        b, s = big["worst"][phase], small["worst"][phase]
        print(f"  {phase:34} {ms(b)}        {ms(s)}  {b / max(s, 1e-4):6.1f}x")
    b, s = max(big["worst"].values()), max(small["worst"].values())
    print(f"  {'longest, whole run':34} {ms(b)}        {ms(s)}  {b / max(s, 1e-4):6.1f}x   (target ≤ 100 ms)")
    rb, rs = big["officers_refresh"], small["officers_refresh"]
    print(f"  {'officers page refresh after a change':34} {ms(rb)}        {ms(rs)}  {rb / max(rs, 1e-4):6.1f}x"
          "   (target ≤ 100 ms)")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="coopdesk-bench-"))
    os.environ["COOPDESK_HOME"] = str(folder / "home")  # no recent files or settings of the user's
    began = time.perf_counter()
    big, small = make_coop(folder, args.members), make_coop(folder, 15)
    print(f"co-op files made in {time.perf_counter() - began:.0f} s in {folder}")
    for round_ in range(1, args.rounds + 1):
        report(round_, run(big, args.members), run(small, 15), args.members)


if __name__ == "__main__":
    main()
