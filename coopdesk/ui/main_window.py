"""The main window: the welcome screen or the open co-op, with the menus and status bar.

The window keeps a ``CoopContext`` (the database handle and the co-op), never a
session.  Opening, creating and copying files go through ``services.files``; a refusal
is shown and leaves the window as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QWidget

from coopdesk import paths
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current
from coopdesk.paths import FILE_SUFFIX, shown_target
from coopdesk.ui.context import CoopContext
from coopdesk.ui.errors import show_refusal
from coopdesk.ui.menus import Actions, build_menus, fill_recent
from coopdesk.ui.opening import DatabaseOpening
from coopdesk.ui.register_count import RegisterCount
from coopdesk.ui.settings import Settings
from coopdesk.ui.settings_dialog import SettingsDialog
from coopdesk.ui.translation import apply_language
from coopdesk.ui.welcome import WelcomePage

if TYPE_CHECKING:  # the database layer loads after the window shows: see open_first_screen
    from coopdesk.services.audit import AuditMark
    from coopdesk.services.coops import CoopInfo
    from coopdesk.services.files import Database
    from coopdesk.services.members.first_screen import FirstScreen
    from coopdesk.ui.wizard import CoopWizard, CreatedCoop
    from coopdesk.ui.workspace import Workspace

APP_TITLE = "CoopDesk"
OPEN_ANYWAY_MS = 2000  # after a first screen, when the window has not painted the list by then


@contextmanager
def busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings
        self.context: CoopContext | None = None
        self.target = ""  # the file or URL the open co-op came from
        self.coops_in_file = 0
        self.workspace: Workspace | None = None
        self.welcome: WelcomePage | None = None
        self.file_label = QLabel()
        self.count_label = RegisterCount()
        self._seen: AuditMark | None = None  # the audit log's head when the pages last read the database
        self._reloading = False
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self.resize(1100, 720)
        self.retranslate()

    # -- what the window shows -------------------------------------------------------------
    def retranslate(self) -> None:
        """Build every text of ours again, in the current language."""
        self.menu_actions: Actions = build_menus(self)
        area = self.workspace.current_area if self.workspace is not None else None
        if self.context is None:
            self._show_welcome()
        else:
            self._show_workspace(area)

    def _show_welcome(self) -> None:
        self.workspace = None
        self.welcome = WelcomePage(self.settings.recent_files)
        self.welcome.create_requested.connect(self.new_coop)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.demo_requested.connect(self.try_demo)
        self.welcome.recent_chosen.connect(self.open_target)
        self.setCentralWidget(self.welcome)
        self._update_frame()

    def _show_workspace(self, area: str | None = None, first: FirstScreen | None = None) -> None:
        """``area`` None: the area a co-op opens on (``workspace.FIRST_AREA``)."""
        from coopdesk.ui.workspace import Workspace

        assert self.context is not None
        self.welcome = None
        with busy():  # the member list of a large co-op takes a moment to read
            self.workspace = Workspace(self.context, area, first=first)
        self.count_label.follow(self.context, first)
        self.setCentralWidget(self.workspace)
        self._update_frame()

    def _update_frame(self) -> None:
        fill_recent(self, self.menu_actions.recent)
        # a co-op shown from its first screen is a co-op file whose database is still opening
        has_file = self.context is not None and (not self.context.is_open or self.context.db.path is not None)
        self.menu_actions.update(self.context is not None, has_file, self.coops_in_file > 1)
        if self.context is None:
            self.setWindowTitle(APP_TITLE)
            self.file_label.setText(_("No co-op open"))
            self.count_label.clear()
            return
        file = shown_target(self.target)
        name = Path(file).name if "://" not in file else file
        self.setWindowTitle(_("{coop} \u2014 {file} \u2014 {program}", coop=self.context.coop.name,
                              file=name, program=APP_TITLE))
        self.file_label.setText(file)

    def _context_changed(self, area: str) -> None:
        if area == "coop":  # the co-op's name may have changed
            self._update_frame()
        if not self._reloading:  # a change made here: the pages show it already
            self.count_label.refresh()
            self._remember_mark()

    # -- changes made elsewhere ------------------------------------------------------------
    def reload_all(self) -> None:
        """View ▸ Reload: every page, and the status bar, read the database again — what a
        ``coopdesk`` command or another laptop on the same server changed."""
        if self.context is None or self.workspace is None or not self.context.is_open:
            return  # a co-op shown from its first screen reads everything once its file opens
        self._reloading = True
        try:
            self.workspace.reload()
        except Refusal as refusal:  # the co-op was removed from the database meanwhile
            show_refusal(self, refusal)
            self.close_coop()
            return
        finally:
            self._reloading = False
        self.coops_in_file = self._count_coops()
        self._update_frame()
        self.count_label.refresh()
        self._remember_mark()

    def _count_coops(self) -> int:
        from coopdesk.services.coops import list_coops

        assert self.context is not None
        return len(list_coops(self.context.db))

    def _remember_mark(self) -> None:
        from coopdesk.services.audit import current_mark

        if self.context is not None and self.context.is_open:
            self._seen = current_mark(self.context.db)

    def _changed_elsewhere(self) -> bool:
        """Whether the database holds changes the pages have not read: every change, by this
        window, a command or another laptop, adds to the audit log in its own transaction, and
        its seal (entries, head) is one row to read — as cheap on a PostgreSQL server as in
        a file, and blind to what is not a change (a backup, a checkpoint, a read)."""
        from coopdesk.services.audit import current_mark

        if self.context is None or not self.context.is_open or self._seen is None:
            return False
        return current_mark(self.context.db) != self._seen

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.context is not None:
            # back from another program (a terminal, the file manager): show what it changed;
            # after this event, so that a refusal's dialog does not open inside it
            QTimer.singleShot(0, self._reload_if_changed)
        return super().event(event)

    def _reload_if_changed(self) -> None:
        try:
            changed = self._changed_elsewhere()
        except Exception:  # noqa: BLE001 - a server out of reach: F5 says so; a focus change must
            return  # not (its dialog's closing would bring the window back, and the dialog again)
        if changed:
            self.reload_all()

    # -- opening and closing ---------------------------------------------------------------
    def open_target(self, target: str, create: bool = False) -> bool:
        """Open a co-op file or database URL; on a refusal nothing changes.

        A missing file is refused (a recent file may have been moved) unless ``create``
        asks for a new one, as ``coopdesk --db NEW_FILE`` does.
        """
        from coopdesk.services.files import open_database

        if "://" not in target:  # remembered as a full path, whatever folder we were started in
            target = str(Path(target).expanduser().resolve())
        new_file = "://" not in target and not Path(target).exists()
        if new_file and not create:
            show_refusal(self, Refusal(N_("There is no co-op file at {path}."), path=target))
            self.settings.forget_file(target)
            self._save_settings()
            return False
        if new_file:  # the wizard first; the file exists only once the co-op is made, whole
            return self._create_file(Path(target))
        try:
            db = open_database(target, backup_on_open=True, warn=lambda failed: show_refusal(self, failed))
        except Refusal as refusal:
            show_refusal(self, refusal)
            return False
        try:
            coop = self._choose_coop(db)
        except Refusal as refusal:
            coop = None
            show_refusal(self, refusal)
        if coop is None:
            db.close()
            return False
        self.adopt(db, coop, target)
        return True

    def open_first_screen(self, target: str) -> bool:
        """Open a co-op file as ``open_target`` does, its member list shown before the database
        layer loads; False, having done nothing, when the file needs ``open_target``.

        How ``coopdesk`` opens its file: the co-op and its members are read without
        SQLAlchemy (``services.members.first_screen``); then SQLAlchemy loads and the file
        is opened in a thread, with the backup of the file as it was found (``ui.opening``).
        A PostgreSQL database, a file to upgrade, several co-ops or a file that is not a
        co-op file need the ordinary open.
        """
        from coopdesk.services.members.first_screen import read_first_screen
        from coopdesk.ui.members.page import BACKGROUND_LOAD_ABOVE

        first = read_first_screen(target, members_up_to=BACKGROUND_LOAD_ABOVE)
        if first is None:
            return False
        target = str(first.path)
        opening = DatabaseOpening(target, lambda failed: show_refusal(self, failed), self)
        old = self.context
        self.context = context = CoopContext(None, first.coop, self, opening=opening)
        self.context.changed.connect(self._context_changed)
        self.target = target
        self.coops_in_file = 1
        if old is not None:
            old.close_db()
            old.deleteLater()
        self.settings.remember_file(target)
        self._save_settings()
        self._show_workspace(first=first)
        context.opened.connect(self._remember_mark)
        # The database opens once the list has painted (a large register: read in a thread
        # first), or after a while if the window is not on the screen to paint it.
        assert self.workspace is not None
        for page in self.workspace.pages.values():  # the member list, or the year's page, shown first
            painted = getattr(page, "painted", None)
            if painted is not None:
                painted.connect(opening.start)
        QTimer.singleShot(OPEN_ANYWAY_MS, opening.start)
        opening.ready.connect(lambda: self._opened(context))
        opening.failed.connect(lambda: self._not_opened(context))
        return True

    def _opened(self, context: CoopContext) -> None:
        """The database of a co-op shown from its first screen has opened in its thread."""
        if context is self.context and not context.is_open:
            try:
                context.db  # noqa: B018 - takes it from the opening
            except Refusal as refusal:
                show_refusal(self, refusal)  # and the co-op closes (_not_opened)

    def _not_opened(self, context: CoopContext) -> None:
        """The file of a co-op shown from its first screen could not be opened (the user was told)."""
        if context is self.context:
            self.close_coop()

    def _choose_coop(self, db: Database, current_id: int | None = None) -> CoopInfo | None:
        from coopdesk.services.coops import get_coop, list_coops
        
        coops = list_coops(db)
        if not coops:
            return self._create_in(db)
        if len(coops) == 1:
            return get_coop(db, coops[0].id)
        names = [c.name for c in coops]
        ids = [c.id for c in coops]
        start = ids.index(current_id) if current_id in ids else 0
        name, ok = QInputDialog.getItem(self, _("Choose a co-op"),
                                        _("This file holds several co-ops. Which one do you want to open?"),
                                        names, start, False)
        return get_coop(db, ids[names.index(name)]) if ok else None

    def switch_coop(self) -> None:
        """Another co-op of the same file or database (an advisor's file holds several)."""
        if self.context is None:
            return
        try:
            coop = self._choose_coop(self.context.db, self.context.coop_id)
        except Refusal as refusal:
            show_refusal(self, refusal)
            return
        if coop is not None and coop.id != self.context.coop_id:
            self.adopt(self.context.db, coop, self.target)

    def _create_file(self, path: Path) -> bool:
        created = self._offer_wizard(target=path)
        if created is None:
            return False
        self._created(created)
        return True

    def _create_in(self, db: Database) -> CoopInfo | None:
        created = self._offer_wizard(db=db)
        return created.coop if created is not None else None

    def _offer_wizard(self, **where: Any) -> CreatedCoop | None:
        """Ask whether to create a co-op where none is yet, then run the wizard there."""
        from coopdesk.ui.wizard import CoopWizard

        answer = QMessageBox.question(self, _("No co-op yet"),
                                      _("This database holds no co-op yet. Create one in it now?"))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        wizard = CoopWizard(self, **where)
        wizard.exec()
        wizard.deleteLater()
        return wizard.created

    def adopt(self, db: Database, coop: CoopInfo, target: str) -> None:
        """Make ``coop`` in ``db`` the open co-op (closing the one open before)."""
        from coopdesk.services.coops import list_coops

        old = self.context
        self.context = CoopContext(db, coop, self)
        self.context.changed.connect(self._context_changed)
        self.target = target
        self.coops_in_file = len(list_coops(db))
        if old is not None:
            if not old.is_open or old.db is not db:
                old.close_db()
            old.deleteLater()
        if shown_target(target) == target:  # never keep a database password in the settings
            self.settings.remember_file(target)
            self._save_settings()
        self._show_workspace()
        self._remember_mark()

    def close_coop(self) -> None:
        if self.context is None:
            return
        self.context.close_db()
        self.context.deleteLater()
        self.context = None
        self.target = ""
        self.coops_in_file = 0
        self._seen = None
        self.count_label.follow(None)
        self._show_welcome()

    def open_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open a co-op file"), str(paths.coops_dir()),
            _("Co-op files (*{suffix});;All files (*)", suffix=FILE_SUFFIX))
        if path:
            self.open_target(path)

    def new_coop(self) -> CoopWizard:
        from coopdesk.ui.wizard import CoopWizard
        
        wizard = CoopWizard(self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self._created(wizard.created))
        wizard.open()
        return wizard

    def _created(self, created: CreatedCoop | None) -> None:
        if created is not None:
            self.adopt(created.db, created.coop, str(created.path) if created.path else created.db.url)

    def try_demo(self) -> None:
        from coopdesk.ui import tools  # loads the database layer

        tools.make_demo(self)

    def save_as_dialog(self) -> None:
        if self.context is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the co-op file as"), str(paths.coops_dir()),
            _("Co-op files (*{suffix})", suffix=FILE_SUFFIX))
        if path:
            if not path.endswith(FILE_SUFFIX):
                path += FILE_SUFFIX
            self.save_as(Path(path))

    def save_copy_dialog(self) -> QFileDialog | None:
        """File ▸ Save a copy: where the copy goes; the job starts when a file is chosen."""
        if self.context is None:
            return None
        if self.context.db.path is None:
            show_refusal(self, Refusal(N_("A PostgreSQL database is copied on the server (pg_dump), "
                                          "not by CoopDesk.")))
            return None
        dialog = QFileDialog(self, _("Save a copy of the co-op file"), str(paths.coops_dir()),
                             _("Co-op files (*{suffix})", suffix=FILE_SUFFIX))
        dialog.setObjectName("save_copy_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(FILE_SUFFIX.lstrip("."))
        dialog.selectFile(_("Copy of {name}", name=self.context.db.path.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self._save_copy(Path(chosen)))
        dialog.open()
        return dialog

    def _save_copy(self, path: Path) -> None:
        from coopdesk.ui import tools  # loads the database layer

        tools.save_copy(self, path)

    def save_as(self, path: Path) -> bool:
        """Copy the co-op file to ``path`` and go on working in the copy."""
        from coopdesk.services.coops import get_coop
        from coopdesk.services.files import save_as
        
        assert self.context is not None
        try:
            db = save_as(self.context.db, path)
            coop = get_coop(db, self.context.coop_id)
        except Refusal as refusal:
            show_refusal(self, refusal)
            return False
        self.adopt(db, coop, str(path.expanduser().resolve()))
        return True

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self._save_settings()
        if self.welcome is not None:
            self._show_welcome()

    # -- tools and settings ----------------------------------------------------------------
    def backup_now(self) -> None:
        from coopdesk.ui import tools  # loads the database layer

        tools.backup_now(self)

    def restore_dialog(self) -> QWidget | None:
        from coopdesk.ui import tools  # loads the database layer

        return tools.restore_dialog(self)

    def verify_audit(self) -> None:
        from coopdesk.ui import tools  # loads the database layer

        tools.verify_audit(self)

    def reload_after_restore(self) -> None:
        """The file's content was replaced: read the co-op again and rebuild its pages."""
        assert self.context is not None
        from coopdesk.services.coops import get_coop

        db, target = self.context.db, self.target
        try:
            coop = get_coop(db, self.context.coop_id)
        except Refusal:  # the backup does not hold this co-op: let the user pick from it
            chosen = self._choose_coop(db)
            if chosen is None:
                self.close_coop()
                return
            coop = chosen
        self.adopt(db, coop, target)

    def settings_dialog(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_language(dialog.chosen_language()))
        dialog.open()
        return dialog

    def set_language(self, language: str) -> None:
        if language == self.settings.language and language == current().language:
            return
        self.settings.language = language
        self._save_settings()
        apply_language(language)
        self.retranslate()

    def about(self) -> None:
        QMessageBox.about(self, _("About CoopDesk"), _(
            "CoopDesk keeps the records of a co-operative under Korea's Framework Act on Cooperatives "
            "and prints its papers.\n\nFonts: Nanum Gothic and Nanum Myeongjo (SIL Open Font License)."))

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:  # settings are a convenience: never lose work over them
            self.statusBar().showMessage(_("The settings could not be saved: {error}", error=str(exc)), 10000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        from coopdesk.ui.workers import wait_for_jobs

        wait_for_jobs(self)
        if self.context is not None:
            self.context.close_db()
        self._save_settings()
        super().closeEvent(event)
