"""A `coopdesk` command that waits at a starting line, for the tests of programs racing.

    python -m tests.scenarios.racer BARRIER_FILE ARG...

Everything is imported first; then the process says it is ready (a file
``BARRIER_FILE.ready.PID``), waits until BARRIER_FILE exists and runs ``coopdesk ARG...``
at once, so two racers start their commands within a millisecond or so.  Exits with the
command's status.
"""

import os
import sys
import time


def main(barrier: str, argv: list[str]) -> int:
    from coopdesk.cli import build_parser, main as coopdesk
    from coopdesk.services import coops, demo, files  # noqa: F401  (loaded before the start)

    build_parser()
    with open(f"{barrier}.ready.{os.getpid()}", "w"):
        pass
    deadline = time.monotonic() + 60
    while not os.path.exists(barrier):
        if time.monotonic() > deadline:
            return 99
        time.sleep(0.0002)
    return coopdesk(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
