"""The dialogs of the year's surplus: its figures, the plan of the appropriation, each member's
patronage, and the general assembly that decides it.  Each is one service call; a plan that
breaks the Act is refused with its article, in the dialog, and nothing is saved."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QWidget,
)

from coopdesk.domain import law
from coopdesk.domain.capital.surplus import Plan
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current
from coopdesk.services.capital.surplus import SurplusView, YearInput
from coopdesk.ui.capital.items import ItemChooser
from coopdesk.ui.capital.texts import article
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog

_MOST = 10**15  # a co-op's year in won: far beyond any, and exact in a double


def money_box(value: int = 0, *, signed: bool = False, parent: QWidget | None = None) -> QDoubleSpinBox:
    """Whole won, as large as a year's accounts need (a QSpinBox stops at 2.1 billion)."""
    box = QDoubleSpinBox(parent)
    box.setDecimals(0)
    box.setRange(-_MOST if signed else 0, _MOST)
    box.setGroupSeparatorShown(True)
    box.setSingleStep(10_000)
    box.setValue(value)
    box.setMinimumWidth(180)
    return box


def won(box: QDoubleSpinBox) -> int:
    return int(round(box.value()))


def _hint(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class YearDialog(SaveDialog):
    """A year's figures as the accounts give them; the plan becomes the program's proposal."""

    def __init__(self, context: CoopContext, year: int, existing: SurplusView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surplus_year_dialog")
        self.setWindowTitle(_("The year's surplus or loss"))
        self.context = context
        f = existing.figures if existing else None
        wrap = self.errors.wrap
        form = QFormLayout()
        self.year = QSpinBox(self)
        self.year.setRange(1900, 2100)
        self.year.setValue(f.fiscal_year if f else year)
        self.year.setEnabled(existing is None)
        self.net_result = money_box(f.net_result if f else 0, signed=True, parent=self)
        self.retained = money_box(f.retained_before if f else 0, signed=True, parent=self)
        self.legal = money_box(f.legal_reserve_before if f else 0, parent=self)
        self.voluntary = money_box(f.voluntary_reserve_before if f else 0, parent=self)
        form.addRow(_("Fiscal year:"), wrap("fiscal_year", self.year))
        form.addRow(_("Net result (a loss below 0):"), wrap("net_result", self.net_result))
        form.addRow(_("Retained from earlier years (a deficit below 0):"), wrap("retained_before", self.retained))
        form.addRow(_("Legal reserve before:"), wrap("legal_reserve_before", self.legal))
        form.addRow(_("Voluntary reserve before:"), wrap("voluntary_reserve_before", self.voluntary))
        self.as_capital = QCheckBox(_("Credit the dividends to capital as shares"), self)
        allowed = context.coop.bylaws.dividends_as_capital and context.coop.kind is not CoopKind.SOCIAL
        self.as_capital.setEnabled(allowed)
        self.as_capital.setChecked(bool(existing and existing.dividends_as_capital))
        form.addRow("", wrap("dividends_as_capital", self.as_capital))
        self.note = QPlainTextEdit(existing.note if existing else "", self)
        self.note.setFixedHeight(self.fontMetrics().height() * 3)
        form.addRow(_("Note:"), wrap("note", self.note))
        form.addRow("", _hint(self, _("The paid-in capital at the year's end comes from the share ledger. The plan "
                                      "becomes the program's proposal within the law; change it afterwards.")))
        self.lay_out(form, min_width=560)

    def save(self) -> SurplusView:
        from coopdesk.services.capital.surplus import enter_year

        given = YearInput(self.year.value(), won(self.net_result), won(self.retained), won(self.legal),
                          won(self.voluntary))
        return enter_year(self.context.db, self.context.coop_id, given, None,
                          dividends_as_capital=self.as_capital.isChecked(), note=self.note.toPlainText())


class PlanDialog(SaveDialog):
    """The appropriation the assembly will be asked to decide, with the limits the Act sets."""

    def __init__(self, context: CoopContext, view: SurplusView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surplus_plan_dialog")
        self.setWindowTitle(_("The plan of fiscal year {year}", year=view.figures.fiscal_year))
        self.context = context
        self.view = view
        t, p = current(), view.plan
        wrap = self.errors.wrap
        form = QFormLayout()
        form.addRow(_("To appropriate:"), QLabel(t.money(view.disposable), self))
        self.boxes = {name: money_box(getattr(p, name), parent=self) for name in _PLAN_NAMES}
        social = context.coop.kind is CoopKind.SOCIAL
        for name, label in _PLAN_NAMES.items():
            if social and name.endswith("dividend"):
                self.boxes[name].setEnabled(False)  # a social co-op pays none (Act 98)
            form.addRow(_(label), wrap(name, self.boxes[name]))
        legal_ref = law.LEGAL_RESERVE_MIN_SOCIAL if social else law.LEGAL_RESERVE_MIN_GENERAL
        form.addRow("", _hint(self, _("The legal reserve takes at least {won} this year ({article}).",
                                      won=t.money(view.legal_minimum.minimum), article=article(legal_ref.ref))))
        if not social:
            form.addRow("", _hint(self, _(
                "The dividend on capital is at most {won} ({article}); the patronage dividend is at least half of "
                "all dividends ({patronage}).", won=t.money(view.limits.capital_most),
                article=article(law.CAPITAL_DIVIDEND_MAX_RATE.ref),
                patronage=article(law.PATRONAGE_DIVIDEND_MIN_SHARE.ref))))
        proposal = QPushButton(_("Use the proposal"), self)
        proposal.setObjectName("use_proposal")
        proposal.clicked.connect(self.use_proposal)
        form.addRow("", proposal)
        self.lay_out(form, min_width=560)

    def use_proposal(self) -> None:
        for name, box in self.boxes.items():
            box.setValue(getattr(self.view.proposal, name))

    def set_plan(self, **amounts: int) -> None:
        for name, value in amounts.items():
            self.boxes[name].setValue(value)

    def save(self) -> SurplusView:
        from coopdesk.services.capital.surplus import enter_year

        v, f = self.view, self.view.figures
        # The loss is covered as the Act orders: that part of the plan is the proposal's, never typed.
        typed = {name: won(box) for name, box in self.boxes.items()}
        plan = Plan(**typed, from_voluntary=v.proposal.from_voluntary, from_legal=v.proposal.from_legal)
        given = YearInput(f.fiscal_year, f.net_result, f.retained_before, f.legal_reserve_before,
                          f.voluntary_reserve_before)
        return enter_year(self.context.db, self.context.coop_id, given, plan,
                          dividends_as_capital=v.dividends_as_capital, note=v.note)


_PLAN_NAMES = {
    "legal_reserve": N_("To the legal reserve"),
    "voluntary_reserve": N_("To the voluntary reserve"),
    "capital_dividend": N_("Dividend on paid-in capital, in all"),
    "patronage_dividend": N_("Patronage dividend, in all"),
}
_LINE = re.compile(r"\s*(\d+)[\s,;:=]+([\d,]+)\s*(?:원)?\s*")


def patronage_amounts(text: str) -> dict[int, int]:
    """Lines of "member number, won" (as pasted from a spreadsheet: a tab between them)."""
    found: dict[int, int] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        typed = _LINE.fullmatch(line)
        if typed is None:
            raise Refusal(N_("Line {line}: write a member number and an amount, as \u201c3 120000\u201d."),
                          field="patronage", line=n)
        found[int(typed.group(1))] = int(typed.group(2).replace(",", ""))
    return found


class PatronageDialog(SaveDialog):
    """Each member's use of the co-op's business in the year: the patronage dividend is shared by it."""

    def __init__(self, context: CoopContext, view: SurplusView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patronage_dialog")
        self.setWindowTitle(_("Patronage in fiscal year {year}", year=view.figures.fiscal_year))
        self.context = context
        self.year = view.figures.fiscal_year
        form = QFormLayout()
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("patronage_text")
        self.text.setPlaceholderText(_("One member a line: the member number and the amount in won, as \u201c3 "
                                       "120000\u201d. Rows pasted from a spreadsheet work too."))
        self.text.setMinimumHeight(self.fontMetrics().height() * 12)
        form.addRow(_("Use of the co-op:"), self.errors.wrap("patronage", self.text))
        form.addRow("", _hint(self, _("What is entered here replaces what was entered before.")))
        self.lay_out(form, min_width=520)

    def save(self) -> SurplusView:
        from coopdesk.services.capital.surplus import set_patronage

        return set_patronage(self.context.db, self.context.coop_id, self.year, patronage_amounts(
            self.text.toPlainText()))


class AgendaDialog(SaveDialog):
    """Put the appropriation on a general assembly's agenda, or name the item that decides it."""

    def __init__(self, context: CoopContext, view: SurplusView, parent: QWidget | None = None) -> None:
        from coopdesk.services.meetings.meeting import list_meetings
        from coopdesk.ui.capital.items import _ASSEMBLIES

        super().__init__(parent)
        self.setObjectName("surplus_agenda_dialog")
        self.setWindowTitle(_("The assembly that decides fiscal year {year}", year=view.figures.fiscal_year))
        self.context = context
        self.year = view.figures.fiscal_year
        t = current()
        form = QFormLayout()
        self.new_item = QCheckBox(_("Add a new item to a general assembly's agenda"), self)
        self.new_item.setChecked(True)
        self.meeting = QComboBox(self)
        self.meeting.setObjectName("agenda_meeting")
        meetings = [m for m in list_meetings(context.db, context.coop_id) if m.kind in _ASSEMBLIES]
        for m in sorted(meetings, key=lambda m: m.held_on, reverse=True):
            self.meeting.addItem(_("{meeting} ({date})", meeting=m.title, date=t.date(m.held_on)), m.id)
        self.item = ItemChooser(context, closed_only=False, parent=self)
        form.addRow("", self.new_item)
        form.addRow(_("Meeting:"), self.errors.wrap("meeting", self.meeting))
        form.addRow(_("Or the item:"), self.errors.wrap("item", self.item))
        form.addRow("", _hint(self, _("The dividends and the reserves are booked when that item passes.")))
        self.new_item.toggled.connect(self._sync)
        self._sync()
        self.lay_out(form, min_width=560)

    def _sync(self) -> None:
        self.meeting.setEnabled(self.new_item.isChecked())
        self.item.setEnabled(not self.new_item.isChecked())

    def save(self) -> SurplusView:
        from coopdesk.services.capital.surplus import link_to_item, put_on_agenda

        db, coop_id = self.context.db, self.context.coop_id
        if self.new_item.isChecked():
            if self.meeting.currentData() is None:
                raise Refusal(N_("Create the general assembly first, in Meetings."), field="meeting")
            return put_on_agenda(db, coop_id, self.year, self.meeting.currentData())
        if self.item.item_id() is None:
            raise Refusal(N_("Choose the agenda item that decides the appropriation."), field="item")
        return link_to_item(db, coop_id, self.year, self.item.item_id())  # type: ignore[arg-type]
