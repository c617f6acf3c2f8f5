"""The pages of the create-a-co-op wizard, in the order the domain checks a profile."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from coopdesk.domain import law
from coopdesk.domain.fields import NAME_LENGTH
from coopdesk.domain.coop import (
    SOCIAL_STAKEHOLDER_TYPES, BylawsSettings, CoopKind, GoverningLaw, NoticeMethod, TieRule,
)
from coopdesk.i18n import _, current
from coopdesk.ui.labels import (
    ELECTION_MAJORITY_LABELS, KIND_LABELS, LAW_LABELS, MEMBERSHIP_STARTS_LABELS, NOTICE_LABELS, TIE_LABELS, month_name,
)
from coopdesk.ui.widgets.fields import date_edit, from_qdate
from coopdesk.ui.wizard_form import CheckedPage, new_form, note

DEFAULTS = BylawsSettings()


def spin(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setGroupSeparatorShown(True)
    return box


def enum_combo(labels: dict, current: object) -> QComboBox:  # type: ignore[type-arg]
    box = QComboBox()
    for value, label in labels.items():
        box.addItem(_(label), value)
    box.setCurrentIndex(box.findData(current))
    return box


class BasicsPage(CheckedPage):
    """The law the co-op is under, its kind and its name."""

    def __init__(self) -> None:
        super().__init__(_("The co-op"), _("Which law the co-op is under, what kind it is, its name, and when its "
                                              "bylaws were adopted."))
        form = new_form(self)
        self.law = enum_combo(LAW_LABELS, GoverningLaw.FRAMEWORK_ACT)
        self.add_field(form, _("Law it is under"), self.law, "governing_law")
        kinds = QWidget()
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[CoopKind, QRadioButton] = {}
        for kind, label in KIND_LABELS.items():
            button = QRadioButton(_(label))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            row.addWidget(button)
        row.addStretch()
        self.kind_buttons[CoopKind.GENERAL].setChecked(True)
        self.add_field(form, _("Kind"), kinds, "kind")
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_LENGTH)  # the column holds 100
        self.add_field(form, _("Co-op name"), self.name, "name")
        form.addRow(note(_("The name must contain \u201c{general}\u201d, or \u201c{social}\u201d for a social "
                           "co-op ({article}).", general=law.NAME_WORD_GENERAL.value,
                           social=law.NAME_WORD_SOCIAL.value,
                           article=law.NAME_WORD_GENERAL.ref.label(current().language))))
        self._add_adoption(form)
        self.law.currentIndexChanged.connect(self.revalidate)
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        self.name.textChanged.connect(self.revalidate)
        self._show_example()

    def _add_adoption(self, form: QFormLayout) -> None:
        """A co-op set up today adopts its bylaws today; one that already exists gives the day it did:
        the printed bylaws say it, and amendments come after it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.adopted_today = QRadioButton(_("Today: the co-op is set up now"))
        self.adopted_today.setObjectName("adopted_today")
        self.adopted_earlier = QRadioButton(_("Earlier: the co-op already exists. Adopted on:"))
        self.adopted_earlier.setObjectName("adopted_earlier")
        self.adopted_date = date_edit(dt.date.today())
        self.adopted_date.setObjectName("adopted_on")
        earlier = QHBoxLayout()
        earlier.addWidget(self.adopted_earlier)
        earlier.addWidget(self.adopted_date)
        earlier.addStretch()
        column.addWidget(self.adopted_today)
        column.addLayout(earlier)
        self.adopted_today.setChecked(True)
        self.adopted_date.setEnabled(False)
        self.add_field(form, _("Bylaws adopted"), box, "adopted_on",
                       _("The day the general assembly (for most co-ops, the founding meeting) adopted the "
                         "bylaws."))
        self.field_widgets["adopted_on"] = self.adopted_date  # a refusal puts the cursor in the date
        self.adopted_earlier.toggled.connect(self._adoption_toggled)
        self.adopted_date.dateChanged.connect(self.revalidate)

    def _adoption_toggled(self, earlier: bool) -> None:
        self.adopted_date.setEnabled(earlier)
        if earlier:
            self.adopted_date.setFocus()
        self.revalidate()

    @property
    def existing(self) -> bool:
        """The co-op already exists: its bylaws were adopted before today."""
        return self.adopted_earlier.isChecked()

    def adopted_on(self) -> dt.date | None:
        """The day typed for a co-op that already exists; None: today."""
        return from_qdate(self.adopted_date.date()) if self.existing else None

    @property
    def kind(self) -> CoopKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def _kind_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_example()
            self.revalidate()

    def _show_example(self) -> None:
        word = law.NAME_WORD_SOCIAL if self.kind is CoopKind.SOCIAL else law.NAME_WORD_GENERAL
        self.name.setPlaceholderText(_("e.g. {example}", example="햇살마을" + word.value))

    def contribute(self, values: dict[str, object], bylaws: dict[str, object]) -> None:
        values.update(name=self.name.text(), kind=self.kind, governing_law=self.law.currentData())


class OfficePage(CheckedPage):
    def __init__(self) -> None:
        super().__init__(_("Office and fiscal year"), _("Where the co-op has its main office, and when its "
                                                        "fiscal year begins."))
        form = new_form(self)
        self.office = QLineEdit()
        self.office.setPlaceholderText(_("Address of the main office"))
        self.add_field(form, _("Main office"), self.office, "main_office")
        self.month = QComboBox()
        for month in range(1, 13):
            self.month.addItem(month_name(month), month)
        self.add_field(form, _("Fiscal year starts in"), self.month, "fiscal_year_start_month")
        self.office.textChanged.connect(self.revalidate)

    def contribute(self, values: dict[str, object], bylaws: dict[str, object]) -> None:
        values.update(main_office=self.office.text(), fiscal_year_start_month=self.month.currentData())


class MemberTypesPage(CheckedPage):
    """Types of members: ticked from the law's stakeholder types, or the co-op's own."""

    def __init__(self) -> None:
        super().__init__(_("Member types"), _("Tick the types of members your bylaws name, or add your own. "
                                              "A social co-op needs at least two types of stakeholders."))
        form = new_form(self)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.types = QListWidget()
        self.types.setSpacing(2)
        for name in SOCIAL_STAKEHOLDER_TYPES:
            self._add_item(_(name), checked=False)
        column.addWidget(self.types)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add a type"))
        self.remove_button = QPushButton(_("Remove"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        column.addLayout(buttons)
        self.add_field(form, _("Types"), box, "member_types")
        self.add_button.clicked.connect(self.add_type)
        self.remove_button.clicked.connect(self.remove_type)
        self.types.itemChanged.connect(self.revalidate)

    def _add_item(self, text: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.types.addItem(item)
        return item

    def add_type(self, name: str = "") -> QListWidgetItem:
        item = self._add_item(name or _("New type"), checked=True)
        self.types.setCurrentItem(item)
        if not name:
            self.types.editItem(item)
        self.revalidate()
        return item

    def remove_type(self) -> None:
        row = self.types.currentRow()
        if row >= 0:
            self.types.takeItem(row)
            self.revalidate()

    def chosen(self) -> tuple[str, ...]:
        items = (self.types.item(i) for i in range(self.types.count()))
        return tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked)

    def contribute(self, values: dict[str, object], bylaws: dict[str, object]) -> None:
        values["member_types"] = self.chosen()


class SharesPage(CheckedPage):
    def __init__(self) -> None:
        super().__init__(_("Shares"), _("The price of one share is the same for every member ({article}).",
                                          article=law.SHARE_PRICE_SAME_FOR_ALL.ref.label(current().language)))
        form = new_form(self)
        self.price = spin(DEFAULTS.share_price, 0, 1_000_000_000)
        self.price.setSingleStep(1000)
        self.add_field(form, _("Price of one share (won)"), self.price, "share_price")
        self.min_shares = spin(DEFAULTS.min_shares, 0, 1_000_000)
        self.add_field(form, _("Shares each member holds at least"), self.min_shares, "min_shares")
        self.max_shares = spin(0, 0, 1_000_000)
        self.max_shares.setSpecialValueText(_("No limit (the {percent}% cap applies)",
                                              percent=current().number(int(law.MAX_SHARE_RATIO.value * 100))))
        self.add_field(form, _("Shares one member may hold at most"), self.max_shares, "max_shares_per_member")
        self.instalments = QCheckBox(_("Shares may be paid in instalments"))
        self.instalments.setChecked(DEFAULTS.instalments_allowed)
        form.addRow("", self.instalments)
        self.starts = enum_combo(MEMBERSHIP_STARTS_LABELS, DEFAULTS.membership_starts)
        self.add_field(form, _("Membership starts"), self.starts, "membership_starts")
        self.as_capital = QCheckBox(_("A dividend may be credited to capital as shares"))
        self.as_capital.setObjectName("dividends_as_capital")
        self.as_capital.setChecked(DEFAULTS.dividends_as_capital)
        form.addRow("", self.as_capital)
        self.less_losses = QCheckBox(_("A leaver's refund bears their share of the co-op's losses"))
        self.less_losses.setObjectName("refund_less_losses")
        self.less_losses.setChecked(DEFAULTS.refund_less_losses)
        form.addRow("", self.less_losses)
        for box in (self.price, self.min_shares, self.max_shares):
            box.valueChanged.connect(self.revalidate)

    def contribute(self, values: dict[str, object], bylaws: dict[str, object]) -> None:
        bylaws.update(
            share_price=self.price.value(), min_shares=self.min_shares.value(),
            max_shares_per_member=self.max_shares.value() or None,
            instalments_allowed=self.instalments.isChecked(), membership_starts=self.starts.currentData(),
            dividends_as_capital=self.as_capital.isChecked(), refund_less_losses=self.less_losses.isChecked(),
        )


class BylawsPage(CheckedPage):
    """The rest of the bylaws settings: the usual values of the model bylaws, to adjust."""

    def __init__(self) -> None:
        super().__init__(_("Bylaws settings (advanced)"),
                         _("The usual values are filled in. Change them only where your bylaws say otherwise."))
        form = new_form(self)
        self.spins: dict[str, QSpinBox] = {}
        self._spin(form, _("Directors, at least"), "directors_min", 1, 99,
                   _("The chair counts as one of the directors."))
        self._spin(form, _("Directors, at most"), "directors_max", 1, 99)
        self._spin(form, _("Auditors"), "auditors", 0, 99)
        self._spin(form, _("Officers' term (years)"), "officer_term_years", 1, 99)
        self.notice_method = enum_combo(NOTICE_LABELS, DEFAULTS.notice_method)
        self.add_field(form, _("Notice of meetings"), self.notice_method, "notice_method")
        self._spin(form, _("Assembly notice (days before)"), "notice_days", 0, 365,
                   _("Notice of a general assembly goes out at least this many days before it."))
        self._spin(form, _("Withdrawal notice (days)"), "withdrawal_notice_days", 0, 9999,
                   _("A withdrawal takes effect this many days after the member gives notice."))
        self._spin(form, _("Non-use before expulsion (months)"), "non_use_months_for_expulsion", 0, 999,
                   _("A member who has not used the co-op for this many months may be expelled."))
        self._spin(form, _("Ordinary assembly within (months)"), "ordinary_assembly_within_months", 0, 99,
                   _("The ordinary general assembly is held within this many months after the fiscal "
                     "year ends."))
        self.tie_rule = enum_combo(TIE_LABELS, DEFAULTS.tie_rule)
        self.add_field(form, _("Tie in an election"), self.tie_rule, "tie_rule",
                       _("How a tie between candidates is decided: the law leaves it to the bylaws."))
        self.election_majority = enum_combo(ELECTION_MAJORITY_LABELS, DEFAULTS.election_majority)
        self.add_field(form, _("An officer candidate needs"), self.election_majority, "election_majority",
                       _("Besides ranking among the seats: the bylaws say which majority elects an officer."))
        self.orientation = QCheckBox(_("New members must attend an orientation"))
        self.orientation.setChecked(DEFAULTS.orientation_required)
        form.addRow("", self.orientation)

    def _spin(self, form: QFormLayout, label: str, field: str, low: int, high: int, hint: str = "") -> None:
        box = spin(getattr(DEFAULTS, field), low, high)
        box.valueChanged.connect(self.revalidate)
        self.spins[field] = box
        self.add_field(form, label, box, field, hint)

    def contribute(self, values: dict[str, object], bylaws: dict[str, object]) -> None:
        bylaws.update({field: box.value() for field, box in self.spins.items()})
        notice: NoticeMethod = self.notice_method.currentData()
        tie: TieRule = self.tie_rule.currentData()
        bylaws.update(notice_method=notice, tie_rule=tie, orientation_required=self.orientation.isChecked(),
                      election_majority=self.election_majority.currentData())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name): Finish creates the co-op
        return super().validatePage() and self.coop_wizard().create()
