"""The Capital area driven as a secretary drives it: subscribe with the law's preview, pay in
instalments, an applicant who becomes a member by paying, a refund refused before its time."""

from __future__ import annotations

import datetime as dt

from coopdesk import i18n
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.services.capital.ledger import ledger_entries, member_ledger
from coopdesk.services.members.member import get_member, record_event
from coopdesk.ui.capital.ledger_pane import instalment_states
from coopdesk.ui.capital.model import Show
from coopdesk.ui.members.member_dialog import MemberDialog
from coopdesk.ui.widgets.fields import to_qdate
from tests.services.capital.conftest import found, resolution
from tests.ui.capital.conftest import TODAY, row_of


def test_a_subscription_shows_the_cap_before_saving_and_a_refused_one_writes_nothing(qtbot, context, page):
    found(context.db, context.coop)  # 10 members, 10 shares each, paid
    context.notify("capital")
    assert page.head.values["shares"].text().startswith("100 shares")
    assert page.select_number(1)
    dialog = page.subscribe()
    dialog.shares.setValue(40)  # 50 of 140 shares: over 30%
    dialog.check()
    assert "✗" in dialog.preview.text() and "Act 22②" in dialog.preview.text()
    before = len(ledger_entries(context.db, context.coop_id))
    dialog.accept()
    assert dialog.isVisible() and "Act 22②" in dialog.errors.message("shares") + dialog.errors.message()
    assert len(ledger_entries(context.db, context.coop_id)) == before  # nothing written
    dialog.shares.setValue(2)
    dialog.check()
    assert "✗" not in dialog.preview.text()
    dialog.accept()
    assert not dialog.isVisible()
    assert (row_of(page, 1).shares, row_of(page, 1).unpaid) == (12, 20_000)
    assert "Recorded as entry" in page.notice.text()
    assert [e.kind.value for e in page.ledger.ledger.entries][-1] == "subscription"


def test_paying_in_instalments_marks_the_one_overdue(qtbot, context, page):
    found(context.db, context.coop, members=range(2, 11))  # 90 shares held by others
    context.notify("capital")
    page.select_number(1)
    dialog = page.subscribe()
    start = TODAY - dt.timedelta(days=120)
    dialog.on_edit.setDate(to_qdate(start))
    dialog.shares.setValue(10)
    dialog.instalments.set_schedule([(start, 40_000), (start + dt.timedelta(days=30), 30_000),
                                     (TODAY + dt.timedelta(days=30), 30_000)])
    dialog.accept()
    assert not dialog.isVisible(), dialog.errors.shown()
    pay = page.pay()
    assert pay.amount.value() == 100_000  # the whole unpaid amount is offered
    pay.amount.setValue(40_000)
    pay.on_edit.setDate(to_qdate(start))
    pay.accept()
    assert not pay.isVisible(), pay.errors.shown()
    ledger = page.ledger.ledger
    assert ledger.overdue == 30_000
    assert [late for _i, _state, late in instalment_states(ledger, TODAY)] == [False, True, False]
    assert page.ledger.instalments.item(1, 2).text() == "Overdue"
    assert page.head.values["overdue"].text().startswith("1 member")
    page.show_filter.setCurrentIndex(page.show_filter.findData(Show.UNPAID))
    assert [page.model.row_at(r).number for r in range(page.model.rowCount())] == [1]


def test_an_applicant_added_with_shares_becomes_a_member_on_payment(qtbot, context, page):
    found(context.db, context.coop)
    add = MemberDialog(context)
    qtbot.addWidget(add)
    add.name_edit.setText("박새롬")
    add.subscription.setChecked(True)
    assert not add.joined_edit.isEnabled()  # membership comes from the payment
    add.shares_spin.setValue(5)
    add.paid_spin.setValue(0)
    add.accept()
    assert add.view is not None and add.view.status is MemberStatus.APPLICANT
    context.notify("members")
    number = add.view.number
    assert row_of(page, number).awaiting_payment
    page.search_box.setText("새롬")
    assert page.model.rowCount() == 1
    page.select_number(number)
    pay = page.pay()
    assert pay.amount.value() == 50_000
    pay.accept()
    assert get_member(context.db, context.coop_id, number).status is MemberStatus.MEMBER
    assert "became a member" in page.notice.text()
    assert row_of(page, number).status is MemberStatus.MEMBER


def test_a_refund_before_the_next_fiscal_year_is_refused_with_its_article_in_korean(qtbot, context, page):
    i18n.set_language("ko")
    found(context.db, context.coop)
    left = TODAY - dt.timedelta(days=2)  # this fiscal year: claimable from next 1 January
    record_event(context.db, context.coop_id, 3, EventKind.WITHDRAWN, left)
    staying = [n for n in range(1, 11) if n != 3]
    item = resolution(context.db, context.coop, Subject.LEAVER_REFUND, ResolutionKind.SPECIAL, yes=9,
                      present=staying)
    context.notify("members")
    page.select_number(3)
    assert page.refund_action.isEnabled() and not page.pay_action.isEnabled()
    assert "청구" in page.ledger.claim_label.text()
    dialog = page.refund()
    assert dialog.item.choose(item)
    dialog.accept()
    shown = " ".join(dialog.errors.shown().values())
    assert dialog.isVisible() and "법 제26조①" in shown, shown
    assert member_ledger(context.db, context.coop_id, 3).capital.paid == 100_000  # nothing refunded
    assert not any(e.kind.value == "refund" for e in ledger_entries(context.db, context.coop_id))


def test_a_transfer_without_a_resolution_is_refused(qtbot, context, page):
    found(context.db, context.coop)
    context.notify("capital")
    page.select_number(1)
    dialog = page.transfer()
    dialog.receiver.choose(2)
    dialog.shares.setValue(1)
    dialog.accept()
    assert dialog.isVisible() and "general assembly" in " ".join(dialog.errors.shown().values())
    assert row_of(page, 1).shares == 10


def test_a_reversal_needs_a_reason_and_restores_the_balance(qtbot, context, page):
    found(context.db, context.coop)
    context.notify("capital")
    last = ledger_entries(context.db, context.coop_id)[-1]
    dialog = page.reverse()
    dialog.entry.setValue(last.number)
    dialog.accept()
    assert dialog.isVisible() and dialog.errors.message("reason")
    dialog.reason.setText("이중 입력")
    dialog.accept()
    assert not dialog.isVisible()
    assert row_of(page, last.member).paid == 0


def test_the_list_is_read_in_a_worker_above_the_threshold(qtbot, context, monkeypatch):
    from coopdesk.ui.capital import page as page_module

    found(context.db, context.coop)
    monkeypatch.setattr(page_module, "BACKGROUND_LOAD_ABOVE", 5)
    p = page_module.CapitalPage(context)
    qtbot.addWidget(p)
    assert p.loading
    qtbot.waitUntil(lambda: not p.loading, timeout=10_000)
    assert p.model.total == 10 and row_of(p, 4).paid == 100_000



def test_a_leavers_refund_is_withheld_with_a_reason_and_released(qtbot, context, page):
    found(context.db, context.coop)
    record_event(context.db, context.coop_id, 5, EventKind.WITHDRAWN, TODAY - dt.timedelta(days=400))
    context.notify("members")
    page.select_number(5)
    dialog = page.withhold()
    dialog.accept()
    assert dialog.isVisible() and dialog.errors.message("reason")  # say what the member owes
    dialog.reason.setText("미납 이용대금 30,000원")
    dialog.accept()
    assert not dialog.isVisible()
    assert "Withheld since" in page.ledger.claim_label.text() and "Act 26③" in page.notice.text()
    release = page.release()
    release.accept()
    assert not release.isVisible() and "Withheld" not in page.ledger.claim_label.text()


def test_print_opens_the_capital_papers_about_the_chosen_member(qtbot, context, page):
    found(context.db, context.coop)
    context.notify("capital")
    page.select_number(4)
    menu = page.print_button.menu()
    assert [a.objectName() for a in menu.actions()][:1] == ["print_open_capital_print_dialog"]
    dialog = page.print_papers(0)
    assert dialog.isVisible() and dialog.member.number() == 4
    dialog.reject()
