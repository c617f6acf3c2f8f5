"""Screen names for the co-op's settings values, translated where they are shown."""

from __future__ import annotations

from babel.dates import get_month_names

from coopdesk.i18n import _, current

from coopdesk.domain.coop import (  # noqa: E402,F401 (the names the screens use)
    ELECTION_MAJORITY_LABELS,
    KIND_LABELS,
    LAW_LABELS,
    MEMBERSHIP_STARTS_LABELS,
    NOTICE_LABELS,
    TIE_LABELS,
)

def month_name(month: int) -> str:
    """'January' or '1월', in the screen language."""
    return str(get_month_names("wide", locale=current().locale)[month])


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")
