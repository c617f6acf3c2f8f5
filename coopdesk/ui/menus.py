"""The main window's menus and actions, rebuilt whenever the language changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from coopdesk.i18n import _
from coopdesk.ui.welcome import display_name

if TYPE_CHECKING:
    from coopdesk.ui.main_window import MainWindow


@dataclass(slots=True)
class Actions:
    new: QAction
    open: QAction
    save_as: QAction
    save_copy: QAction
    switch: QAction
    close: QAction
    quit: QAction
    backup: QAction
    restore: QAction
    verify_audit: QAction
    settings: QAction
    about: QAction
    recent: QMenu
    file_menu: QMenu
    tools_menu: QMenu
    help_menu: QMenu
    reload: QAction
    view_menu: QMenu

    def update(self, coop_open: bool, has_file: bool, several_coops: bool) -> None:
        """Enable what makes sense: file copies and backups need an open co-op file."""
        self.save_as.setEnabled(coop_open and has_file)
        self.save_copy.setEnabled(coop_open and has_file)
        # A server's database is copied on the server: say so where the command would be.
        tip = _("A PostgreSQL database is copied on the server (pg_dump), not by CoopDesk.") \
            if coop_open and not has_file else ""
        self.save_copy.setToolTip(tip)  # none: Qt shows the action's text
        self.save_copy.setStatusTip(tip)
        self.switch.setEnabled(several_coops)
        self.close.setEnabled(coop_open)
        self.reload.setEnabled(coop_open)
        self.backup.setEnabled(coop_open and has_file)
        self.restore.setEnabled(coop_open and has_file)
        self.verify_audit.setEnabled(coop_open)


def _action(window: MainWindow, menu: QMenu, text: str, slot: object,
            shortcut: QKeySequence.StandardKey | None = None) -> QAction:
    action = QAction(text, menu)  # owned by its menu: a rebuilt menu bar takes its actions along
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> Actions:
    bar = QMenuBar()
    window.setMenuBar(bar)  # the old bar, with its menus and actions, is deleted by Qt
    file_menu = bar.addMenu(_("&File"))
    Key = QKeySequence.StandardKey
    # No Ctrl+N here: on the member page it adds a member, the everyday action.
    new = _action(window, file_menu, _("&New co-op\u2026"), window.new_coop)
    open_ = _action(window, file_menu, _("&Open\u2026"), window.open_dialog, Key.Open)
    recent = file_menu.addMenu(_("Open &recent"))
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    fill_recent(window, recent)
    save_as = _action(window, file_menu, _("Save &as\u2026"), window.save_as_dialog, Key.SaveAs)
    # A copy to take away (a USB stick), complete while the file is open; work goes on here.
    save_copy = _action(window, file_menu, _("Save a &copy\u2026"), window.save_copy_dialog)
    switch = _action(window, file_menu, _("S&witch co-op\u2026"), window.switch_coop)
    # An advisor's many co-ops: needs no co-op open, so Actions.update never disables it.
    overview = _action(window, file_menu, _("Co-ops o&verview\u2026"), lambda: _show_overview(window))
    overview.setObjectName("action_overview")
    file_menu.addSeparator()
    close = _action(window, file_menu, _("&Close"), window.close_coop, Key.Close)
    quit_ = _action(window, file_menu, _("&Quit"), window.close, Key.Quit)

    view_menu = bar.addMenu(_("&View"))
    # What a command, or another laptop on the same server, changed: every page reads it again.
    reload = _action(window, view_menu, _("&Reload"), window.reload_all, Key.Refresh)
    reload.setObjectName("action_reload")

    tools_menu = bar.addMenu(_("&Tools"))
    backup = _action(window, tools_menu, _("&Backup now"), window.backup_now)
    restore = _action(window, tools_menu, _("&Restore from backup\u2026"), window.restore_dialog)
    tools_menu.addSeparator()
    verify = _action(window, tools_menu, _("&Verify audit log"), window.verify_audit)
    tools_menu.addSeparator()
    settings = _action(window, tools_menu, _("&Settings\u2026"), window.settings_dialog, Key.Preferences)

    help_menu = bar.addMenu(_("&Help"))
    about = _action(window, help_menu, _("&About CoopDesk"), window.about)
    return Actions(new, open_, save_as, save_copy, switch, close, quit_, backup, restore, verify, settings, about,
                   recent, file_menu, tools_menu, help_menu, reload, view_menu)


def _show_overview(window: MainWindow) -> None:
    from coopdesk.ui.overview.window import show_overview

    show_overview(window)


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    targets = window.settings.recent_files
    for target in targets:
        action = menu.addAction(display_name(target))
        action.setToolTip(target)
        action.setStatusTip(target)
        action.triggered.connect(lambda _checked=False, t=target: window.open_target(t))
    if targets:
        menu.addSeparator()
        menu.addAction(_("Clear the list"), window.clear_recent)
    else:
        menu.addAction(_("No recent files")).setEnabled(False)
