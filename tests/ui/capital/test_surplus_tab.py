"""The Surplus tab: a year entered, a plan that breaks the Act refused with its article, patronage
entered, the year decided by a passed assembly item, and each member's dividend listed."""

from __future__ import annotations

from coopdesk.domain.meetings.kinds import Subject
from coopdesk.services.capital.surplus import get_year
from tests.services.capital.conftest import found, resolution


def open_surplus(qtbot, page):
    page.tabs.setCurrentIndex(1)
    panel = page.surplus
    assert panel is not None and page.tabs.currentWidget() is panel
    return panel


def test_a_surplus_appropriated_by_the_assembly_and_its_dividends_listed(qtbot, context, page):
    found(context.db, context.coop)  # 1,000,000 won paid in during 2025
    panel = open_surplus(qtbot, page)
    assert not panel.buttons["plan"].isEnabled()
    year = panel.enter_year()
    year.year.setValue(2025)
    year.net_result.setValue(2_000_000)
    year.accept()
    assert not year.isVisible(), year.errors.shown()
    assert panel.view.plan.legal_reserve == 200_000  # the proposal: 10% (Act 50①)
    assert "Act 50①" in panel.checks.text()

    plan = panel.change_plan()
    plan.set_plan(capital_dividend=100_001, patronage_dividend=300_000)  # over 10% of paid-in capital
    plan.accept()
    assert plan.isVisible() and "Act 51③" in " ".join(plan.errors.shown().values())
    assert get_year(context.db, context.coop_id, 2025).plan.capital_dividend == 0  # nothing saved
    plan.set_plan(capital_dividend=100_000)
    plan.accept()
    assert not plan.isVisible(), plan.errors.shown()

    use = panel.enter_patronage()
    use.text.setPlainText("\n".join(f"{n}\t{n * 10_000:,}" for n in range(1, 11)))
    use.accept()
    assert not use.isVisible(), use.errors.shown()
    qtbot.waitUntil(lambda: not panel.reading, timeout=10_000)
    assert panel.dividends.rowCount() == 10  # as they would be, before the assembly

    item = resolution(context.db, context.coop, Subject.SETTLEMENT)
    assembly = panel.choose_assembly()
    assembly.new_item.setChecked(False)
    assert assembly.item.choose(item)
    assembly.accept()
    assert not assembly.isVisible(), assembly.errors.shown()
    assert panel.view.booked_on is not None and "booked" in panel.state.text()
    qtbot.waitUntil(lambda: not panel.reading, timeout=10_000)
    cells = panel.dividends.cells
    assert [c[0] for c in cells] == [str(n) for n in range(1, 11)]
    assert panel.dividend_total.text() == "Total: ₩400,000"  # 100,000 on capital + 300,000 on patronage
    assert not panel.buttons["plan"].isEnabled()  # booked: not changed any more


def test_a_bad_patronage_line_is_refused_by_its_line(qtbot, context, page):
    found(context.db, context.coop)
    panel = open_surplus(qtbot, page)
    year = panel.enter_year()
    year.net_result.setValue(1_000_000)
    year.accept()
    use = panel.enter_patronage()
    use.text.setPlainText("1 10000\n둘 20000")
    use.accept()
    assert use.isVisible() and "Line 2" in use.errors.message("patronage")
