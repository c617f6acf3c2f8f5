"""What the overview of many co-ops says: one row per co-op, or per file it could not read.

Plain values only (no SQL, no Qt), so that the window, the command line and a test read
the same answer.  The deadlines come from the domain (``domain.year.deadlines``) as they
are, with how urgent each is today decided here once, in the service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from coopdesk.domain.coop import CoopKind
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.text import N_
from coopdesk.domain.year.deadlines import Urgency


class Problem(Enum):
    """Why a file's co-ops are not shown in full.  Never a reason to leave the file out."""

    NOT_COOP_FILE = "not_coop_file"  # empty, a letter, a spreadsheet, or damaged beyond its header
    FOREIGN = "foreign"  # another program's database
    DAMAGED = "damaged"  # a co-op file that cannot be read through
    NEWER = "newer"  # saved by a newer CoopDesk: its schema is unknown here
    OLDER = "older"  # saved by an older CoopDesk: it is upgraded when opened, never here
    NO_COOP = "no_coop"  # a co-op file that holds no co-op yet
    UNREADABLE = "unreadable"  # the system refused to let it be read (rights, a disk error)
    BUSY = "busy"  # another program held it past the wait
    FAILED = "failed"  # an error CoopDesk did not expect (written to its log)


PROBLEM_MESSAGES: dict[Problem, str] = {
    Problem.NOT_COOP_FILE: N_("Not a CoopDesk co-op file, or damaged: CoopDesk cannot read it."),
    Problem.FOREIGN: N_("Another program's database, not a CoopDesk co-op file."),
    Problem.DAMAGED: N_("The co-op file is damaged: part of it cannot be read. Restore it from a backup."),
    Problem.NEWER: N_("Saved by a newer version of CoopDesk (schema {revision}): install the newer "
                      "version to see it. This version leaves it as it is."),
    Problem.OLDER: N_("Saved by an older version of CoopDesk (schema {revision}): open it once to update it."),
    Problem.NO_COOP: N_("This file holds no co-op yet."),
    Problem.UNREADABLE: N_("CoopDesk cannot read this file: {reason}."),
    Problem.BUSY: N_("Another program is writing this file just now: refresh in a moment."),
    Problem.FAILED: N_("CoopDesk met an error it did not expect while reading this file. The details "
                       "were written to its log."),
}


@dataclass(frozen=True, slots=True)
class Due:
    """A legal deadline or warning of one co-op, as the overview shows it."""

    key: str  # the domain's stable key ("ordinary_assembly:2026")
    kind: str  # the domain's DeadlineKind value
    due_on: dt.date
    message: str  # a msgid, with ``params``
    params: Mapping[str, object]
    article: LawRef
    urgency: Urgency
    area: str  # the window's area that deals with it
    warning: bool = False  # a state to put right now (a board short of directors), not a date


@dataclass(frozen=True, slots=True)
class CoopRow:
    """One co-op of a file or a database; or a file whose co-ops could not be read (``problem``)."""

    source: str  # the file's path, or the server's URL without its password: for people
    target: str  # what opens it: the file's path, or the URL as given
    coop_id: int | None = None
    name: str | None = None
    kind: CoopKind | None = None
    members: int | None = None  # on the register today
    next_deadline: Due | None = None
    warnings: tuple[Due, ...] = ()
    problem: Problem | None = None
    problem_params: Mapping[str, object] = field(default_factory=dict)

    @property
    def opens(self) -> bool:
        """Whether the window can open it: a readable co-op, or an older file it upgrades on opening."""
        return self.coop_id is not None and self.problem in (None, Problem.OLDER)

    @property
    def problem_message(self) -> str | None:
        return PROBLEM_MESSAGES[self.problem] if self.problem is not None else None


@dataclass(frozen=True, slots=True)
class Overview:
    """Every co-op found in a folder of co-op files or in one database, as of ``today``."""

    target: str  # the folder, or the server's URL without its password
    today: dt.date
    rows: tuple[CoopRow, ...]

    @property
    def problems(self) -> tuple[CoopRow, ...]:
        return tuple(r for r in self.rows if r.problem is not None)
