"""The two capital bylaws settings in the window: chosen in the new co-op wizard, shown in the
co-op profile, in both languages."""

from __future__ import annotations

import datetime as dt

from coopdesk import i18n
from coopdesk.domain.coop import BylawsSettings
from coopdesk.services.coops import create_coop
from coopdesk.ui.coop_view import bylaws_rows
from coopdesk.ui.wizard import CoopWizard
from tests.conftest import sample_profile


def test_the_wizard_offers_dividends_as_capital_and_refunds_less_losses(qtbot):
    wizard = CoopWizard()
    qtbot.addWidget(wizard)
    assert not wizard.profile().bylaws.dividends_as_capital  # the model bylaws' usual choice
    wizard.shares.as_capital.setChecked(True)
    wizard.shares.less_losses.setChecked(True)
    bylaws = wizard.profile().bylaws
    assert bylaws.dividends_as_capital and bylaws.refund_less_losses


def test_the_profile_shows_both_settings_in_korean(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile(bylaws=BylawsSettings(refund_less_losses=True)),
                       adopted_on=dt.date(2025, 1, 1))
    i18n.set_language("ko")
    rows = dict(bylaws_rows(coop))
    t = i18n.current()
    assert rows[t.gettext("A dividend may be credited to capital as shares")] == t.gettext("No")
    assert rows[t.gettext("A leaver's refund bears their share of the co-op's losses")] == t.gettext("Yes")
    assert all("dividend" not in label for label in rows)  # said in Korean
