"""One teller's count of the paper ballots of one contest, number by number.

Every number is typed, 0 included: an empty field is a number not counted yet, never a
silent 0.  Enter goes to the next number, as on a calculator's paper roll; on the last one
it finishes the entry.  The order is the order of the tally sheet: ballots, blank, invalid,
then each candidate in ballot order (in a yes-or-no vote: for, then against).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from coopdesk.domain.elections.contest import Contest, Method
from coopdesk.domain.elections.counting import ITEM_LABELS, Tally, TallyItem
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _
from coopdesk.ui.elections.texts import candidate_names

_DIGITS = QRegularExpression(r"[0-9]{0,7}")  # plain digits: no sign, no separator to misread


def item_label(item: TallyItem, key: int | None, names: dict[int, str]) -> str:
    """'Blank ballots', 'Votes for 김하나' — the words of the domain's tally items."""
    if key is None:
        return _(ITEM_LABELS[item])
    return _(ITEM_LABELS[item], name=names[key])


class TallyEntry(QWidget):
    finished = Signal()  # Enter on the last number

    def __init__(self, contest: Contest, teller: int, previous: Tally | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"tally_entry_{teller}")
        self.contest, self.teller = contest, teller
        self.names = candidate_names(contest)
        self.fields: dict[tuple[TallyItem, int | None], QLineEdit] = {}
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for item, key in self._items():
            field = QLineEdit(self)
            field.setObjectName(f"{item.value}_{key}" if key is not None else item.value)
            field.setValidator(QRegularExpressionValidator(_DIGITS, field))
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setMaximumWidth(140)
            field.installEventFilter(self)
            if previous is not None:  # their own numbers, to correct after a recount
                field.setText(str(_number_in(previous, item, key)))
            form.addRow(item_label(item, key, self.names), field)
            self.fields[(item, key)] = field

    def _items(self) -> list[tuple[TallyItem, int | None]]:
        items: list[tuple[TallyItem, int | None]] = [(TallyItem.BALLOTS, None), (TallyItem.BLANK, None),
                                                     (TallyItem.INVALID, None)]
        for key in self.contest.keys:
            items.append((TallyItem.VOTES, key))
            if self.contest.method is Method.APPROVAL:
                items.append((TallyItem.AGAINST, key))
        return items

    def first_field(self) -> QLineEdit:
        return next(iter(self.fields.values()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter is taken here, not left to the dialog: there it would press whichever button
        # is the default of the moment (after the last number: "Teller 1 enters again").
        if (isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._next(watched)
            return True
        return super().eventFilter(watched, event)

    def _next(self, field: QLineEdit) -> None:
        fields = list(self.fields.values())
        at = fields.index(field)
        if at == len(fields) - 1:
            self.finished.emit()
        else:
            fields[at + 1].setFocus(Qt.FocusReason.TabFocusReason)
            fields[at + 1].selectAll()

    def tally(self) -> Tally:
        """The numbers as a tally; refused while a number is missing."""
        numbers: dict[tuple[TallyItem, int | None], int] = {}
        for spot, field in self.fields.items():
            if not field.text().strip():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                raise Refusal(N_("Type every number, 0 where there is none: “{item}” is empty."),
                              item=item_label(spot[0], spot[1], self.names))
            numbers[spot] = int(field.text())
        votes = {k: n for (item, k), n in numbers.items() if item is TallyItem.VOTES and k is not None}
        against = {k: n for (item, k), n in numbers.items() if item is TallyItem.AGAINST and k is not None}
        return Tally.of(self.contest, votes, against=against if self.contest.method is Method.APPROVAL else None,
                        ballots=numbers[(TallyItem.BALLOTS, None)], blank=numbers[(TallyItem.BLANK, None)],
                        invalid=numbers[(TallyItem.INVALID, None)])


def _number_in(tally: Tally, item: TallyItem, key: int | None) -> int:
    if item is TallyItem.BALLOTS:
        return tally.ballots
    if item is TallyItem.BLANK:
        return tally.blank
    if item is TallyItem.INVALID:
        return tally.invalid
    assert key is not None
    return tally.votes_for(key) if item is TallyItem.VOTES else tally.against_for(key)
