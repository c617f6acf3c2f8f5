"""Screen words of the year page: a task in the screen's language, its urgency, where it leads."""

from __future__ import annotations

from coopdesk.domain.year.deadlines import Deadline
from coopdesk.i18n import N_, _, current
from coopdesk.services.year.views import deadline_text

# The button that goes to the area dealing with a task, by the area's key (ui/workspace.py).
GO_TO = {
    "meetings": N_("Go to meetings"),
    "officers": N_("Go to officers"),
    "members": N_("Go to members"),
    "capital": N_("Go to capital"),
    "education": N_("Go to education"),
    "coop": N_("Go to the co-op profile"),
    "founding": N_("Go to founding"),
}


def said(deadline: Deadline) -> str:
    """What to do, in the screen's language."""
    return deadline_text(deadline, current())


def go_to_text(area: str) -> str:
    return _(GO_TO[area]) if area in GO_TO else _("Go there")
