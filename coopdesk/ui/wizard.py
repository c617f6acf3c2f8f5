"""Create a co-op: a short wizard that ends with a new co-op file holding the co-op."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from coopdesk.domain.coop import BylawsSettings, CoopProfile
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _
from coopdesk.services.coops import CoopInfo, check_adoption, create_coop, validate_profile
from coopdesk.services.files import Database, create_coop_in, open_database
from coopdesk.ui.errors import show_refusal
from coopdesk.ui.wizard_form import CheckedPage
from coopdesk.ui.wizard_pages import BasicsPage, BylawsPage, MemberTypesPage, OfficePage, SharesPage


@dataclass(frozen=True, slots=True)
class CreatedCoop:
    """What the wizard made: the open database (the caller owns it now) and the co-op."""

    db: Database
    coop: CoopInfo
    path: Path | None


class CoopWizard(QWizard):
    """Asks for the co-op's profile; Finish creates it.

    With ``db`` (an open database holding no co-op yet, e.g. a new PostgreSQL database),
    the co-op is created there; otherwise in a new file in the user's co-op folder.
    """

    def __init__(self, parent: QWidget | None = None, db: Database | None = None,
                 target: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coop_wizard")
        self.setWindowTitle(_("Create a co-op"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(720, 560)
        self._db = db
        self._target = target  # a new file to create at this path (None: a new file in the co-op folder)
        self.created: CreatedCoop | None = None
        self.basics = BasicsPage()
        self.office = OfficePage()
        self.member_types = MemberTypesPage()
        self.shares = SharesPage()
        self.bylaws = BylawsPage()
        for page in self.checked_pages():
            self.addPage(page)

    def checked_pages(self) -> list[CheckedPage]:
        return [self.basics, self.office, self.member_types, self.shares, self.bylaws]

    def profile(self) -> CoopProfile:
        """The profile as the pages stand now, checked or not."""
        values: dict[str, object] = {}
        bylaws: dict[str, object] = {}
        for page in self.checked_pages():
            page.contribute(values, bylaws)
        return CoopProfile(bylaws=BylawsSettings(**bylaws), **values)  # type: ignore[arg-type]

    def refusal_now(self) -> Refusal | None:
        """What the services refuse in the wizard as it stands: the day of the bylaws' adoption
        (on the first page, so checked first), then the profile, page by page."""
        try:
            self.check()
        except Refusal as refusal:
            return refusal
        return None

    def check(self) -> None:
        if self.basics.existing:
            check_adoption(self.basics.adopted_on(), existing=True)
        validate_profile(self.profile())

    def create(self) -> bool:
        """Create the co-op; on a refusal, show it at its field and stay open."""
        profile = self.profile()
        try:
            self.check()
            self.created = self._create(profile, self.basics.adopted_on())
        except Refusal as refusal:
            self.point_at(refusal)
            return False
        return True

    def _create(self, profile: CoopProfile, adopted_on: dt.date | None) -> CreatedCoop:
        if self._db is not None:
            return CreatedCoop(self._db, create_coop(self._db, profile, adopted_on), self._db.path)
        # built under a temporary name and put in place whole: two windows never share or delete a file
        made = create_coop_in(self._target, profile, adopted_on)
        path = Path(made.target)
        return CreatedCoop(open_database(path), made.result, path)

    def point_at(self, refusal: Refusal) -> None:
        """Go back to the page with the refused field and show the reason under it."""
        for page_id in self.pageIds():
            page = self.page(page_id)
            if isinstance(page, CheckedPage) and page.owns(refusal.field):
                while self.currentId() > page_id:
                    self.back()
                page.show_refusal(refusal)
                page.field_widgets[refusal.field or ""].setFocus()
                return
        show_refusal(self, refusal)
