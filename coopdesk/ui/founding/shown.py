"""Whether the Founding area is shown: for a co-op in founding (or registered with its founding
as its first chapter), and for a co-op with nobody on its register yet, which may start one."""

from __future__ import annotations

from coopdesk.ui.context import CoopContext


def shown(context: CoopContext) -> bool:
    from coopdesk.services.founding.start import founding_of
    from coopdesk.services.members.current import count_on_register

    db, coop_id = context.db, context.coop_id
    return founding_of(db, coop_id) is not None or count_on_register(db, coop_id, up_to=1) == 0  # one found is enough
