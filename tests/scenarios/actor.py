"""A `coopdesk` command that says when it is about to start, for the tests that kill it.

    python -m tests.scenarios.actor ARG...

Everything is imported first; then the process prints ``ready`` and runs ``coopdesk ARG...``
at once, so a test can time its kill from the start of the command itself rather than
from the start of Python.  Exits with the command's status.
"""

import sys


def main(argv: list[str]) -> int:
    from coopdesk.cli import build_parser
    from coopdesk.cli import main as coopdesk
    from coopdesk.services import audit, coops, files  # noqa: F401  (loaded before the start)

    build_parser()
    print("ready", flush=True)
    return coopdesk(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
