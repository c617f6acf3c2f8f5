"""Exporting the year's tasks as an iCalendar (.ics) file, for the secretary's phone.

A save dialog asks where; the service writes the file (a few kilobytes: no thread needed);
a refusal or the system's reason for not writing it is shown, and nothing is left behind.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current
from coopdesk.ui.context import CoopContext


def suggested_name(coop_name: str, day: dt.date) -> str:
    return _("{coop} year {date}", coop=coop_name, date=day.isoformat()) + ".ics"


def ask_path(parent: QWidget, coop_name: str, day: dt.date) -> Path | None:
    from coopdesk.ui.members.outputs import documents_dir

    name, _filter = QFileDialog.getSaveFileName(parent, _("Export the calendar"),
                                                str(documents_dir() / suggested_name(coop_name, day)),
                                                _("iCalendar files (*.ics)"))
    if not name:
        return None
    return Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")


def export_calendar(parent: QWidget, context: CoopContext, day: dt.date, path: str | Path | None = None) -> bool:
    """Write the co-op's calendar to ``path`` (asked for when None); True when written."""
    from coopdesk.services.year.calendar import write_calendar
    from coopdesk.ui.members.outputs import notice, refused

    chosen = ask_path(parent, context.coop.name, day) if path is None else Path(path)
    if chosen is None:
        return False
    try:
        write_calendar(context.db, context.coop_id, chosen, day, current().language)
    except (Refusal, OSError) as exc:
        refused(parent, exc)
        return False
    notice(parent, _("The calendar was saved to {file}. Import it into your phone's or computer's calendar.",
                     file=str(chosen)))
    return True
