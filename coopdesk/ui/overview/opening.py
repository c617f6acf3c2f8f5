"""Opening one co-op of the overview in the main window: its file (or database), then that co-op.

As File ▸ Open does (``MainWindow.open_target``: upgraded if older, after a backup; the
backup on open), except that the co-op is the one chosen in the overview, not asked
for again when the file holds several.  The co-op file already open in the window is
not opened twice: the window switches to the chosen co-op, as File ▸ Switch co-op does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coopdesk.domain.errors import Refusal
from coopdesk.ui.errors import show_refusal

if TYPE_CHECKING:
    from coopdesk.ui.main_window import MainWindow


def open_coop(window: MainWindow, target: str, coop_id: int) -> bool:
    """Make co-op ``coop_id`` of ``target`` the window's open co-op; on a refusal nothing changes."""
    from coopdesk.services.coops import get_coop
    from coopdesk.services.files import open_database

    if "://" not in target:
        target = str(Path(target).expanduser().resolve())
    context = window.context
    if context is not None and context.is_open and window.target == target:
        try:
            coop = get_coop(context.db, coop_id)
        except Refusal as refusal:
            show_refusal(window, refusal)
            return False
        if coop.id != context.coop_id:
            window.adopt(context.db, coop, target)
        return True
    try:
        db = open_database(target, backup_on_open=True, warn=lambda failed: _warn(window, failed))
    except Refusal as refusal:
        show_refusal(window, refusal)
        return False
    try:
        coop = get_coop(db, coop_id)
    except Refusal as refusal:
        db.close()
        show_refusal(window, refusal)
        return False
    window.adopt(db, coop, target)
    return True


def _warn(window: MainWindow, failed: Refusal) -> None:
    """The backup on open could not be made: said, and the co-op opens all the same."""
    show_refusal(window, failed)
