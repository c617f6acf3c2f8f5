"""The co-op's profile and bylaws settings, to read, and the versions of the bylaws.

The settings change only through a bylaws amendment resolved by a general assembly; an
adopted amendment waits here until the day it was reported to the city or province is
recorded, and is in force from that day.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from coopdesk.domain import law
from coopdesk.i18n import _, current
from coopdesk.services.bylaws import BylawsVersionView, list_versions
from coopdesk.services.bylaws.amendments import AmendmentView, adopting_item, open_amendments
from coopdesk.services.coops import CoopInfo
from coopdesk.ui.bylaws.print_dialog import BylawsPrintDialog, ComparisonPrintDialog
from coopdesk.ui.bylaws.texts_dialog import BylawsTextsDialog
from coopdesk.ui.bylaws.wording import wording_section
from coopdesk.ui.bylaws_report_dialog import BylawsReportDialog
from coopdesk.ui.context import CoopContext
from coopdesk.ui.labels import (
    ELECTION_MAJORITY_LABELS, KIND_LABELS, LAW_LABELS, MEMBERSHIP_STARTS_LABELS, NOTICE_LABELS, TIE_LABELS, month_name, yes_no,
)
from coopdesk.ui.widgets import labels as plain


def profile_rows(coop: CoopInfo) -> list[tuple[str, str]]:
    t = current()
    return [
        (_("Co-op name"), coop.name),
        (_("Kind"), _(KIND_LABELS[coop.kind])),
        (_("Law it is under"), _(LAW_LABELS[coop.governing_law])),
        (_("Main office"), coop.main_office),
        (_("Fiscal year starts in"), month_name(coop.fiscal_year_start_month)),
        (_("Member types"), ", ".join(coop.member_types)),
        (_("Bylaws version"), t.number(coop.bylaws_version)),
    ]


def bylaws_rows(coop: CoopInfo) -> list[tuple[str, str]]:
    t, b = current(), coop.bylaws
    most = (t.number(b.max_shares_per_member) if b.max_shares_per_member is not None
            else _("No limit (the {percent}% cap applies)", percent=t.number(int(law.MAX_SHARE_RATIO.value * 100))))
    return [
        (_("Price of one share"), t.money(b.share_price)),
        (_("Shares each member holds at least"), t.number(b.min_shares)),
        (_("Shares one member may hold at most"), most),
        (_("Shares may be paid in instalments"), yes_no(b.instalments_allowed)),
        (_("Membership starts"), _(MEMBERSHIP_STARTS_LABELS[b.membership_starts])),
        (_("A dividend may be credited to capital as shares"), yes_no(b.dividends_as_capital)),
        (_("A leaver's refund bears their share of the co-op's losses"), yes_no(b.refund_less_losses)),
        (_("Directors"), _("{low} to {high}", low=t.number(b.directors_min), high=t.number(b.directors_max))),
        (_("Auditors"), t.number(b.auditors)),
        (_("Officers' term (years)"), t.number(b.officer_term_years)),
        (_("Notice of meetings"), _(NOTICE_LABELS[b.notice_method])),
        (_("Assembly notice (days before)"), t.number(b.notice_days)),
        (_("Withdrawal notice (days)"), t.number(b.withdrawal_notice_days)),
        (_("Non-use before expulsion (months)"), t.number(b.non_use_months_for_expulsion)),
        (_("Ordinary assembly within (months)"), t.number(b.ordinary_assembly_within_months)),
        (_("Tie in an election"), _(TIE_LABELS[b.tie_rule])),
        (_("An officer candidate needs"), _(ELECTION_MAJORITY_LABELS[b.election_majority])),
        (_("New members must attend an orientation"), yes_no(b.orientation_required)),
    ]


class CoopView(QScrollArea):
    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coop_view")
        self.context = context
        self._dialog: QDialog | None = None  # the dialog open from this page, kept while it is
        self.setWidgetResizable(True)
        context.changed.connect(self._changed)
        self.refresh()

    def _changed(self, area: str) -> None:
        if area == "coop":
            self.refresh()

    def refresh(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        form = QFormLayout()  # one form for both sections, so that their values line up
        form.setHorizontalSpacing(24)
        for heading, rows in ((_("Co-op profile"), profile_rows(self.context.coop)),
                              (_("Bylaws settings"), bylaws_rows(self.context.coop))):
            form.addRow(_heading(heading))
            for label, value in rows:
                text = QLabel(value)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setWordWrap(True)
                form.addRow(label, text)
        column.addLayout(form)
        column.addSpacing(12)
        column.addWidget(_note(_("The bylaws settings change only through an amendment resolved by a "
                                 "general assembly (special resolution).")))
        self.versions = list_versions(self.context.db, self.context.coop_id)
        self.in_force = next((v for v in self.versions if v.in_force), self.versions[0])
        column.addLayout(wording_section(self))
        column.addWidget(_heading(_("Versions of the bylaws")))
        self.report_buttons: dict[int, QPushButton] = {}
        for version in reversed(self.versions):
            column.addLayout(self._version_row(version))
        self.amendments = open_amendments(self.context.db, self.context.coop_id)
        if self.amendments:
            column.addWidget(_heading(_("Amendments proposed")))
            for amendment in self.amendments:
                column.addLayout(self._amendment_row(amendment))
        column.addStretch()
        self.setWidget(body)

    def _version_row(self, v: BylawsVersionView) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(version_text(v))
        label.setObjectName(f"bylaws_version_{v.version}")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        if v.waiting:
            button = QPushButton(_("Record the report…"))
            button.setObjectName(f"record_report_{v.version}")
            button.clicked.connect(lambda _checked=False, version=v: self.record_report(version))
            self.report_buttons[v.version] = button
            row.addWidget(button)
        if v.meeting_id is not None:
            table = QPushButton(_("Comparison table…"))
            table.setObjectName(f"comparison_{v.version}")
            table.clicked.connect(lambda _checked=False, version=v.version: self.print_adopted_comparison(version))
            row.addWidget(table)
        printing = QPushButton(_("Print…"))
        printing.setObjectName(f"print_version_{v.version}")
        printing.clicked.connect(lambda _checked=False, version=v.version: self.print_bylaws(version))
        row.addWidget(printing)
        return row

    def _amendment_row(self, a: AmendmentView) -> QHBoxLayout:
        row = QHBoxLayout()
        t = current()
        label = QLabel(_("{meeting} ({date}), item {item}: {title}", meeting=a.meeting_title, date=t.date(a.held_on),
                         item=t.number(a.position), title=a.title))
        label.setWordWrap(True)
        row.addWidget(label, 1)
        table = QPushButton(_("Comparison table…"))
        table.setObjectName(f"comparison_item_{a.item_id}")
        table.clicked.connect(lambda _checked=False, amendment=a: self.print_comparison(amendment))
        row.addWidget(table)
        return row

    # -- the wording and the printing ------------------------------------------------------
    def edit_texts(self) -> BylawsTextsDialog:
        """Write down the wording of the version in force."""
        assert self.in_force.texts is not None
        dialog = BylawsTextsDialog(self.context, self.in_force.texts, self.in_force, self)
        dialog.saved.connect(lambda _view: self.refresh())
        dialog.open()
        self._dialog = dialog
        return dialog

    def print_bylaws(self, version: int | None = None) -> BylawsPrintDialog:
        dialog = BylawsPrintDialog(self.context, self.versions, version, self)
        dialog.open()
        self._dialog = dialog
        return dialog

    def print_comparison(self, amendment: AmendmentView) -> ComparisonPrintDialog:
        dialog = ComparisonPrintDialog(self.context, amendment, self)
        dialog.open()
        self._dialog = dialog
        return dialog

    def print_adopted_comparison(self, version: int) -> ComparisonPrintDialog | None:
        amendment = adopting_item(self.context.db, self.context.coop_id, version)
        return self.print_comparison(amendment) if amendment is not None else None

    def record_report(self, version: BylawsVersionView) -> BylawsReportDialog:
        dialog = BylawsReportDialog(self.context, version, self)
        dialog.saved.connect(self._reported)
        dialog.open()
        self._dialog = dialog
        return dialog

    def _reported(self, _view: BylawsVersionView) -> None:
        self.context.reload_coop()  # the settings in force may have changed: every page hears "coop"


def version_text(v: BylawsVersionView) -> str:
    """"Version 2 · adopted on 19 Sep 2026 at 2026 extraordinary assembly, item 2 · in force since …"."""
    t = current()
    parts = [_("Version {version}", version=t.number(v.version)),
             _("adopted on {date}", date=t.date(v.adopted_on))]
    if v.meeting_title:
        parts.append(_("at {meeting}, item {item}", meeting=v.meeting_title, item=t.number(v.item or 0)))
    if v.waiting:
        parts.append(_("waiting for its report to the city or province; not yet in force"))
    else:
        parts.append(_("in force since {date}", date=t.date(v.effective_on)) if v.in_force
                     else _("in force from {date}", date=t.date(v.effective_on)))
    return " · ".join(parts)


def _heading(text: str) -> QLabel:
    return plain.heading(text, scale=1.2, above=12, below=4)


def _note(text: str) -> QLabel:
    return plain.note(text)
