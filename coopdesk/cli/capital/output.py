"""How the capital commands print: JSON for scripts (plain values, codes), tables for people."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import iso, print_table, say, warn
from coopdesk.i18n import _, current

if TYPE_CHECKING:
    from coopdesk.domain.capital.checks import Check
    from coopdesk.domain.capital.rules import CapStanding
    from coopdesk.services.capital.views import EntryResult, EntryView, MemberCapital


def entry_json(e: EntryView) -> dict[str, Any]:
    return {"number": e.number, "kind": e.kind.value, "on": iso(e.on), "member": e.member, "name": e.member_name,
            "shares": e.shares, "amount": e.amount, "share_price": e.share_price, "note": e.note,
            "reverses": e.reverses, "reversed_by": e.reversed_by, "counterpart": e.counterpart, "item": e.item_id,
            "surplus_year": e.surplus_year, "loss_share": e.loss_share, "equity_extra": e.equity_extra,
            "instalments": [{"due_on": iso(i.due_on), "amount": i.amount} for i in e.instalments]}


def capital_json(m: MemberCapital) -> dict[str, Any]:
    return {"number": m.number, "name": m.name, "status": m.status.value, "shares": m.shares, "paid": m.paid,
            "unpaid": m.unpaid, "awaiting_payment": m.awaiting_payment}


def check_json(c: Check) -> dict[str, Any]:
    from coopdesk.services.capital.wording import explanation_text

    return {"rule": c.rule.value, "passed": c.passed, "article": c.article.label(current().language)
            if c.article else None, "text": explanation_text(c.explanation)}


def cap_json(c: CapStanding) -> dict[str, Any]:
    return {"member": c.number, "shares": c.shares, "total": c.total, "most": c.most, "within": c.within,
            "percent_tenths": c.percent_tenths}


def result_json(r: EntryResult) -> dict[str, Any]:
    return {"entries": [entry_json(e) for e in r.entries], "members": [capital_json(m) for m in r.holdings],
            "checks": [check_json(c) for c in r.checks],
            "joined": [{"member": n, "on": iso(d)} for n, d in r.joined],
            "over_cap": [cap_json(c) for c in r.over_cap]}


def print_entries(entries: list[EntryView] | tuple[EntryView, ...]) -> None:
    from coopdesk.services.capital.wording import entry_note

    t = current()
    print_table([_("No."), _("Date"), _("Kind"), _("Member"), _("Shares"), _("Amount"), _("Note")],
                [[str(e.number), t.date(e.on), _(e.kind.label), f"{e.member} {e.member_name}",
                  t.number(e.shares), t.money(e.amount), entry_note(e)] for e in entries], right=(0, 4, 5))


def print_result(r: EntryResult) -> None:
    """What an action wrote, where the members moved stand now, and any warning."""
    t = current()
    print_entries(r.entries)
    for m in r.holdings:
        say(_("Member {number} {name}: {shares} shares, {paid} paid, {unpaid} unpaid.", number=m.number, name=m.name,
              shares=t.number(m.shares), paid=t.money(m.paid), unpaid=t.money(m.unpaid)))
    for number, day in r.joined:
        say(_("Member {number} became a member on {date}, by this payment.", number=number, date=t.date(day)))
    print_over_cap(r.over_cap)


def print_over_cap(over: tuple[CapStanding, ...]) -> None:
    from coopdesk.domain.law import MAX_SHARE_RATIO

    t = current()
    for c in over:
        warn(_("Warning: member {number} now holds {shares} of {total} shares, more than 30% ({article}).",
               number=c.number, shares=t.number(c.shares), total=t.number(c.total),
               article=MAX_SHARE_RATIO.ref.label(t.language)))


def print_checks(checks: tuple[Check, ...]) -> None:
    from coopdesk.services.capital.wording import check_text

    for c in checks:
        say(("✓ " if c.passed else "✗ ") + check_text(c))
