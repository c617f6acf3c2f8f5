"""The wizard asks when the bylaws were adopted: today for a co-op set up now, the day typed for
one that already exists; the co-op's first bylaws carry that day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from coopdesk.i18n import _
from coopdesk.services.bylaws import list_versions
from tests.ui.test_wizard import FINISH, NEXT, press, tick, type_into, window, wizard  # noqa: F401 (fixtures)


def fill_the_rest(qtbot, wizard):  # noqa: F811
    press(qtbot, wizard, NEXT)
    type_into(wizard.office.office, "서울특별시 마포구 성미산로 10")
    press(qtbot, wizard, NEXT)
    tick(wizard, _("Consumer"))
    press(qtbot, wizard, NEXT)
    press(qtbot, wizard, NEXT)
    wizard.bylaws.orientation.setChecked(True)
    press(qtbot, wizard, FINISH)


def first_version(window):  # noqa: F811
    return list_versions(window.context.db, window.context.coop.id)[0]


def test_an_existing_co_op_gives_the_day_its_bylaws_were_adopted(window, wizard, qtbot):  # noqa: F811
    type_into(wizard.basics.name, "햇살마을협동조합")
    assert wizard.basics.adopted_today.isChecked() and not wizard.basics.adopted_date.isEnabled()
    wizard.basics.adopted_earlier.setChecked(True)
    error = wizard.basics.error_labels["adopted_on"]
    assert error.isVisible() and error.text().startswith("Give the day the co-op's bylaws were adopted")
    assert not wizard.button(NEXT).isEnabled()  # today is not a day before today

    wizard.basics.adopted_date.setDate(QDate.currentDate().addDays(5))
    assert "after today" in error.text() and not wizard.button(NEXT).isEnabled()

    wizard.basics.adopted_date.setDate(QDate(2019, 3, 15))
    assert not error.isVisible() and wizard.button(NEXT).isEnabled()
    fill_the_rest(qtbot, wizard)

    qtbot.waitUntil(lambda: window.context is not None and window.context.coop.name == "햇살마을협동조합")
    v1 = first_version(window)
    assert (v1.version, v1.adopted_on, v1.effective_on) == (1, dt.date(2019, 3, 15), dt.date(2019, 3, 15))


def test_a_new_co_op_adopts_its_bylaws_today(window, wizard, qtbot):  # noqa: F811
    type_into(wizard.basics.name, "햇살마을협동조합")
    fill_the_rest(qtbot, wizard)
    qtbot.waitUntil(lambda: window.context is not None and window.context.coop.name == "햇살마을협동조합")
    assert first_version(window).adopted_on == dt.date.today()
