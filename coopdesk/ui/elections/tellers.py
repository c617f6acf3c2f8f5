"""The tellers' double entry of a paper count, wired to the services: each entry is stored as
typed (teller 1, teller 2), and the count is accepted only when both agree with the roll."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.services.elections.paper import check_tally, compare_entries, enter_tally
from coopdesk.services.elections.views import ContestView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.elections.tally_dialog import TallyDialog


def open_tally(context: CoopContext, contest: ContestView, parent: QWidget, done: Callable[[], None],
               refuse: Callable[[Refusal], None]) -> TallyDialog:
    domain = contest.contest
    dialog = TallyDialog(domain, compare_entries, lambda tally: check_tally(domain, tally, voted=contest.voted),
                         parent=parent)

    def entered(teller: int, tally) -> None:
        try:
            enter_tally(context.db, context.coop_id, contest.id, teller, tally)
        except Refusal as refusal:
            refuse(refusal)

    dialog.entered.connect(entered)
    dialog.agreed.connect(lambda _tally: done())
    dialog.open()
    return dialog
