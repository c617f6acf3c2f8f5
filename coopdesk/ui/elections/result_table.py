"""The result of an election (선거 결과): each candidate's votes, votes against, who is elected,
and the rules applied with their article or bylaws setting; a tie broken, with its seed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _, current
from coopdesk.services.elections.results import ContestResult, ElectionResult
from coopdesk.ui.elections.wording import contest_line, sentence

CONTEST, CANDIDATE, VOTES, AGAINST, ELECTED = range(5)


class ResultTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("election_result")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("result_table")
        self.table.setHorizontalHeaderLabels([_("Contest"), _("Candidate"), _("Votes"), _("Against"), _("Elected")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.rules = QLabel(self)
        self.rules.setObjectName("result_rules")
        self.rules.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.rules)

    def show_result(self, result: ElectionResult | None) -> None:
        rows = [(c, s) for c in (result.contests if result else ()) if c.outcome for s in c.outcome.ranking]
        self.table.setRowCount(len(rows))
        t = current()
        for row, (contest, standing) in enumerate(rows):
            first = row == 0 or rows[row - 1][0] is not contest  # the contest named once, on its first line
            cells = (contest_line(contest.contest) if first else "", contest.contest.by_key(standing.candidate.key).name,
                     t.number(standing.votes), "" if standing.against is None else t.number(standing.against),
                     _("elected") if standing.elected else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join(sentence(r) for r in standing.reasons))
                self.table.setItem(row, column, item)
        self.rules.setText("\n".join(line for c in (result.contests if result else ()) for line in _rules(c)))
        self.setVisible(bool(rows))

    def shown(self, column: int = CANDIDATE) -> list[str]:
        return [item.text() if (item := self.table.item(r, column)) else "" for r in range(self.table.rowCount())]


def _rules(result: ContestResult) -> list[str]:
    if result.outcome is None:
        return []
    o = result.outcome
    lines = [f"{contest_line(result.contest)}: {sentence(o.summary)}"]
    lines += ["  · " + sentence(r.explanation, r.ref) + (_(" (bylaws: {setting})", setting=r.setting)
                                                          if r.setting else "") for r in o.rules]
    for step in (*o.tie_breaks, *((o.pending,) if o.pending else ())):
        if step.seed:
            lines.append("  · " + _("Lots drawn with the seed {seed}; anyone can draw them again.", seed=step.seed))
    return lines
