"""`coopdesk capital subscribe | pay | transfer | refund | withhold | release | reverse | admit`,
and the reads: `ledger | balances | totals | overdue | claims | check`; `import`; `surplus …`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coopdesk.cli.capital.output import (
    cap_json, capital_json, check_json, entry_json, print_checks, print_entries, print_over_cap, print_result,
    result_json,
)
from coopdesk.cli.common import (
    Context, UsageError, iso, iso_date, print_fields, print_json, print_table, say, whole_number,
)
from coopdesk.domain.capital.checks import LABEL_NUMBERS
from coopdesk.i18n import _, current, ngettext

NUMBER = whole_number(1, 10**9)
WON = whole_number(0, 10**15)


def add_verbs(capital: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk capital``."""
    verbs = capital.add_subparsers(dest="verb", required=True, metavar="VERB")
    _writes(verbs)
    _refunds(verbs)
    _reads(verbs)
    imp = verbs.add_parser("import", help=_("Import a capital list from an .xlsx or .csv file: all rows or none"))
    imp.add_argument("file", type=Path, help=_("The .xlsx or .csv file: member number, shares, subscription date, "
                                               "paid in, payment date"))
    imp.add_argument("--encoding", choices=("auto", "utf-8", "cp949"), default="auto",
                     help=_("Text encoding of a CSV file (auto: UTF-8, else CP949 as Korean Excel writes)"))
    imp.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                     help=_("Read a field from the column with this heading (may be repeated); "
                            "the other fields are matched by their headings"))
    imp.set_defaults(run=run_import)
    from coopdesk.cli.capital import surplus

    surplus.add_parser(verbs)


def resolution_args(parser: argparse.ArgumentParser, what: str, *, required: bool) -> None:
    parser.add_argument("--meeting", type=NUMBER, required=required, metavar="ID", help=what)
    parser.add_argument("--item", type=NUMBER, required=required, metavar="N",
                        help=_("The item's place on that meeting's agenda"))


def resolution_item(ctx: Context) -> int | None:
    """The agenda item ``--meeting`` and ``--item`` name (its place on the agenda), as the services take it."""
    from coopdesk.cli.meetings.common import item_at

    a = ctx.args
    if a.meeting is None and a.item is None:
        return None
    if a.meeting is None or a.item is None:
        raise UsageError(_("Give both --meeting and --item."))
    return item_at(ctx, a.meeting, a.item).id


def _on(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=what)


def _writes(verbs: argparse._SubParsersAction) -> None:
    sub = verbs.add_parser("subscribe", help=_("Shares subscribed by a member or an admitted applicant"))
    sub.add_argument("member", type=NUMBER, help=_("Member number"))
    sub.add_argument("--shares", type=NUMBER, required=True, help=_("Shares subscribed"))
    _on(sub, _("Day of the subscription (default: today)"))
    sub.add_argument("--instalment", action="append", default=[], metavar="YYYY-MM-DD=WON",
                     help=_("An instalment: its due day and amount (repeat for each; where the bylaws allow)"))
    sub.add_argument("--note", default="", help=_("A note kept with the entry"))
    sub.set_defaults(run=run_subscribe)

    pay = verbs.add_parser("pay", help=_("A payment towards a member's subscribed shares"))
    pay.add_argument("member", type=NUMBER, help=_("Member number"))
    pay.add_argument("--amount", type=WON, required=True, metavar="WON", help=_("Won paid"))
    _on(pay, _("Day of the payment (default: today)"))
    pay.add_argument("--note", default="", help=_("A note kept with the entry"))
    pay.set_defaults(run=run_pay)

    move = verbs.add_parser("transfer", help=_("Fully paid shares from one member to another, as a general "
                                               "assembly resolved"))
    move.add_argument("giver", type=NUMBER, help=_("Member number of the giver"))
    move.add_argument("receiver", type=NUMBER, help=_("Member number of the receiver"))
    move.add_argument("--shares", type=NUMBER, required=True, help=_("Shares transferred"))
    resolution_args(move, _("The meeting whose resolution approved the transfer"), required=True)
    _on(move, _("Day of the transfer (default: today)"))
    move.add_argument("--note", default="", help=_("A note kept with the entry"))
    move.set_defaults(run=run_transfer)

    back = verbs.add_parser("reverse", help=_("Correct a mistake: an entry that moves back what an entry moved"))
    back.add_argument("entry", type=NUMBER, help=_("Number of the entry to reverse"))
    back.add_argument("--reason", required=True, help=_("Why the entry is reversed"))
    _on(back, _("Day of the reversal (default: today)"))
    back.set_defaults(run=run_reverse)

    admit = verbs.add_parser("admit", help=_("Add an applicant admitted with a subscription; they become a "
                                             "member when the payment the bylaws ask is made"))
    admit.add_argument("--name", required=True, help=_("Full name"))
    admit.add_argument("--type", dest="member_type", help=_("Member type (may be left out when the co-op has only one)"))
    admit.add_argument("--birth-date", type=iso_date, metavar="YYYY-MM-DD", help=_("Birth date"))
    admit.add_argument("--phone", default="", help=_("Phone number"))
    admit.add_argument("--address", default="", help=_("Address"))
    admit.add_argument("--applied", type=iso_date, metavar="YYYY-MM-DD", help=_("Date of the application (default: today)"))
    admit.add_argument("--shares", type=NUMBER, required=True, help=_("Shares subscribed"))
    admit.add_argument("--instalment", action="append", default=[], metavar="YYYY-MM-DD=WON",
                       help=_("An instalment: its due day and amount (repeat for each; where the bylaws allow)"))
    admit.add_argument("--pay", type=WON, default=0, metavar="WON", help=_("Won paid at once"))
    admit.add_argument("--paid-on", type=iso_date, metavar="YYYY-MM-DD", help=_("Day of that payment (default: today)"))
    admit.set_defaults(run=run_admit)


def _refunds(verbs: argparse._SubParsersAction) -> None:
    back = verbs.add_parser("refund", help=_("Refund the capital of a member who has left"))
    back.add_argument("member", type=NUMBER, help=_("Member number"))
    resolution_args(back, _("The meeting whose special resolution approved the refund"), required=False)
    _on(back, _("Day of the refund (default: today)"))
    back.add_argument("--loss-share", type=WON, default=0, metavar="WON",
                      help=_("The member's share of the co-op's losses, kept where the bylaws say so"))
    back.add_argument("--equity-extra", type=WON, default=0, metavar="WON",
                      help=_("Equity paid beyond the paid-in capital, where a general co-op's bylaws say so"))
    back.add_argument("--note", default="", help=_("A note kept with the entry"))
    back.set_defaults(run=run_refund)

    hold = verbs.add_parser("withhold", help=_("Withhold a leaver's refund while they owe the co-op money"))
    hold.add_argument("member", type=NUMBER, help=_("Member number"))
    hold.add_argument("--reason", required=True, help=_("What the member owes"))
    _on(hold, _("Day of the withholding (default: today)"))
    hold.set_defaults(run=run_withhold)

    free = verbs.add_parser("release", help=_("The member's debts are paid: the refund is no longer withheld"))
    free.add_argument("member", type=NUMBER, help=_("Member number"))
    free.add_argument("--reason", default="", help=_("A note kept with the release"))
    _on(free, _("Day of the release (default: today)"))
    free.set_defaults(run=run_release)


def _reads(verbs: argparse._SubParsersAction) -> None:
    ledger = verbs.add_parser("ledger", help=_("The ledger, or one member's entries, instalments and what is overdue"))
    ledger.add_argument("--member", type=NUMBER, help=_("Only this member"))
    ledger.set_defaults(run=run_ledger)
    bal = verbs.add_parser("balances", help=_("Every member's shares, paid and unpaid capital"))
    bal.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help=_("As the ledger stood on this day"))
    bal.set_defaults(run=run_balances)
    tot = verbs.add_parser("totals", help=_("The co-op's capital, and the largest holding against the {cap}% cap",
                                                   cap=LABEL_NUMBERS["cap"]))
    tot.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help=_("As the ledger stood on this day"))
    tot.set_defaults(run=run_totals)
    verbs.add_parser("overdue", help=_("Instalments fallen due and not paid")).set_defaults(run=run_overdue)
    verbs.add_parser("claims", help=_("Refund claims of members who have left: claimable, lapsing, lapsed")
                     ).set_defaults(run=run_claims)
    check = verbs.add_parser("check", help=_("What the law says of a subscription, without recording it"))
    check.add_argument("member", type=NUMBER, help=_("Member number"))
    check.add_argument("--shares", type=NUMBER, required=True, help=_("Shares subscribed"))
    check.set_defaults(run=run_check)


# -- writing ------------------------------------------------------------------------------------------

def instalments(values: list[str]):  # type: ignore[no-untyped-def]
    from coopdesk.domain.capital.ledger import Instalment

    found = []
    for value in values:
        day, sep, amount = value.partition("=")
        try:
            found.append(Instalment(dt.date.fromisoformat(day.strip()), int(amount.replace(",", "").strip())))
        except ValueError:
            raise UsageError(_("Write --instalment as YYYY-MM-DD=WON, not \u201c{value}\u201d.", value=value)) from None
        if not sep:
            raise UsageError(_("Write --instalment as YYYY-MM-DD=WON, not \u201c{value}\u201d.", value=value))
    return tuple(found)


def _show(ctx: Context, result) -> int:  # type: ignore[no-untyped-def]
    if ctx.json:
        print_json(result_json(result))
    else:
        print_result(result)
    return 0


def run_subscribe(ctx: Context) -> int:
    from coopdesk.services.capital.ledger import subscribe

    a = ctx.args
    return _show(ctx, subscribe(ctx.database(), ctx.coop().id, a.member, a.shares, on=a.on or dt.date.today(),
                                instalments=instalments(a.instalment), note=a.note))


def run_pay(ctx: Context) -> int:
    from coopdesk.services.capital.ledger import pay

    a = ctx.args
    return _show(ctx, pay(ctx.database(), ctx.coop().id, a.member, a.amount, on=a.on or dt.date.today(), note=a.note))


def run_transfer(ctx: Context) -> int:
    from coopdesk.services.capital.ledger import transfer

    a = ctx.args
    return _show(ctx, transfer(ctx.database(), ctx.coop().id, a.giver, a.receiver, a.shares,
                               on=a.on or dt.date.today(), item_id=resolution_item(ctx), note=a.note))


def run_reverse(ctx: Context) -> int:
    from coopdesk.services.capital.ledger import reverse

    a = ctx.args
    return _show(ctx, reverse(ctx.database(), ctx.coop().id, a.entry, a.reason, on=a.on))


def run_refund(ctx: Context) -> int:
    from coopdesk.services.capital.refunds import refund

    a = ctx.args
    return _show(ctx, refund(ctx.database(), ctx.coop().id, a.member, on=a.on or dt.date.today(),
                             item_id=resolution_item(ctx),
                             loss_share=a.loss_share, equity_extra=a.equity_extra, note=a.note))


def run_admit(ctx: Context) -> int:
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.capital.joining import add_applicant_with_subscription

    a, coop = ctx.args, ctx.coop()
    member_type = a.member_type or (coop.member_types[0] if len(coop.member_types) == 1 else "")
    details = MemberDetails(a.name, member_type, a.birth_date, a.phone, "", a.address)
    member, result = add_applicant_with_subscription(
        ctx.database(), coop.id, details, applied_on=a.applied or dt.date.today(), shares=a.shares,
        instalments=instalments(a.instalment), paid=a.pay, paid_on=a.paid_on)
    if ctx.json:
        print_json({"number": member.number, "status": member.status.value, **result_json(result)})
        return 0
    say(_("Member {number} {name}: {status}.", number=member.number, name=member.name, status=_(member.status.label)))
    print_result(result)
    return 0


def run_withhold(ctx: Context) -> int:
    from coopdesk.services.capital.refunds import withhold_refund

    a = ctx.args
    return _claim(ctx, withhold_refund(ctx.database(), ctx.coop().id, a.member, on=a.on or dt.date.today(),
                                       reason=a.reason))


def run_release(ctx: Context) -> int:
    from coopdesk.services.capital.refunds import release_refund

    a = ctx.args
    return _claim(ctx, release_refund(ctx.database(), ctx.coop().id, a.member, on=a.on or dt.date.today(),
                                      reason=a.reason))


def _claim(ctx: Context, claim) -> int:  # type: ignore[no-untyped-def]
    if ctx.json:
        print_json(claim_json(claim))
    else:
        print_claims([claim])
    return 0


# -- reading ------------------------------------------------------------------------------------------

def run_ledger(ctx: Context) -> int:
    a = ctx.args
    if a.member is None:
        from coopdesk.services.capital.ledger import ledger_entries

        entries = ledger_entries(ctx.database(), ctx.coop().id)
        if ctx.json:
            print_json([entry_json(e) for e in entries])
        else:
            print_entries(entries)
        return 0
    from coopdesk.services.capital.ledger import member_ledger

    found = member_ledger(ctx.database(), ctx.coop().id, a.member)
    if ctx.json:
        print_json({**capital_json(found.capital), "overdue": found.overdue,
                    "instalments": [{"due_on": iso(i.due_on), "amount": i.amount} for i in found.instalments],
                    "entries": [entry_json(e) for e in found.entries]})
        return 0
    t, c = current(), found.capital
    say(_("Member {number}: {name}", number=c.number, name=c.name))
    print_fields([(_("Status"), _(c.status.label)), (_("Shares"), t.number(c.shares)), (_("Paid in"), t.money(c.paid)),
                  (_("Unpaid"), t.money(c.unpaid)), (_("Overdue"), t.money(found.overdue))])
    say()
    print_entries(found.entries)
    return 0


def run_balances(ctx: Context) -> int:
    from coopdesk.services.capital.balances import balances

    rows = balances(ctx.database(), ctx.coop().id, as_of=ctx.args.as_of)
    if ctx.json:
        print_json([capital_json(m) for m in rows])
        return 0
    t = current()
    labels = {s: _(s.label) for s in {m.status for m in rows}}
    print_table([_("No."), _("Name"), _("Status"), _("Shares"), _("Paid in"), _("Unpaid")],
                [[str(m.number), m.name, labels[m.status], t.number(m.shares), t.money(m.paid), t.money(m.unpaid)]
                 for m in rows], right=(0, 3, 4, 5))
    say(ngettext("{count} member shown.", "{count} members shown.", len(rows), count=t.number(len(rows))))
    return 0


def run_totals(ctx: Context) -> int:
    from coopdesk.services.capital.balances import totals

    found = totals(ctx.database(), ctx.coop().id, as_of=ctx.args.as_of)
    if ctx.json:
        print_json({"as_of": iso(found.as_of), "share_price": found.share_price, "members": found.members,
                    "holders": found.holders, "shares": found.shares, "subscribed": found.subscribed,
                    "paid": found.paid, "unpaid": found.unpaid,
                    "largest": cap_json(found.largest) if found.largest else None,
                    "over_cap": [cap_json(c) for c in found.over_cap], "below_minimum": found.below_minimum})
        return 0
    t = current()
    largest = found.largest
    print_fields([
        (_("As of"), t.date(found.as_of)), (_("Share price"), t.money(found.share_price)),
        (_("Members"), t.number(found.members)), (_("Members holding shares"), t.number(found.holders)),
        (_("Shares"), t.number(found.shares)), (_("Subscribed"), t.money(found.subscribed)),
        (_("Paid in"), t.money(found.paid)), (_("Unpaid"), t.money(found.unpaid)),
        (_("Largest holding"), _largest(largest) if largest else "—"),
        (_("Members short of the minimum"), t.number(found.below_minimum)),
    ])
    print_over_cap(found.over_cap)
    return 0


def _largest(c) -> str:  # type: ignore[no-untyped-def]
    t = current()
    percent = "{:.1f}".format(c.percent_tenths / 10)
    return _("member {number}: {shares} of {total} shares ({percent}%); at most {most} under the {cap}% cap",
             number=c.number, shares=t.number(c.shares), total=t.number(c.total), percent=percent,
             most=t.number(c.most), cap=LABEL_NUMBERS["cap"])


def run_overdue(ctx: Context) -> int:
    from coopdesk.services.capital.balances import overdue_instalments

    rows = overdue_instalments(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([{"number": r.number, "name": r.name, "due": r.due, "paid": r.paid, "overdue": r.overdue,
                     "since": iso(r.since)} for r in rows])
        return 0
    t = current()
    print_table([_("No."), _("Name"), _("Overdue"), _("Since")],
                [[str(r.number), r.name, t.money(r.overdue), t.date(r.since)] for r in rows], right=(0, 2))
    return 0


def claim_json(c) -> dict[str, object]:  # type: ignore[no-untyped-def]
    w = c.window
    return {"number": c.number, "name": c.name, "status": c.status.value, "left_on": iso(w.left_on),
            "claim_from": iso(w.claim_from), "last_day": iso(w.last_day), "lapses_on": iso(w.lapses_on),
            "state": c.state.value, "shares": c.shares, "paid_in": c.paid_in,
            "withheld_since": iso(c.withheld_since), "days_left": c.days_left}


def print_claims(claims) -> None:  # type: ignore[no-untyped-def]
    t = current()
    print_table([_("No."), _("Name"), _("Left"), _("Claimable from"), _("Last day"), _("State"), _("Paid in"),
                 _("Withheld since")],
                [[str(c.number), c.name, t.date(c.window.left_on), t.date(c.window.claim_from),
                  t.date(c.window.last_day), _(c.state.label), t.money(c.paid_in), t.date(c.withheld_since)]
                 for c in claims], right=(0, 6))


def run_claims(ctx: Context) -> int:
    from coopdesk.services.capital.refunds import refund_claims

    claims = refund_claims(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([claim_json(c) for c in claims])
    else:
        print_claims(claims)
    return 0


def run_check(ctx: Context) -> int:
    from coopdesk.services.capital.balances import check_subscription

    a = ctx.args
    found = check_subscription(ctx.database(), ctx.coop().id, a.member, a.shares)
    if ctx.json:
        print_json({"allowed": found.allowed, "cap": cap_json(found.cap),
                    "checks": [check_json(c) for c in found.checks]})
    else:
        print_checks(found.checks)
    return 0 if found.allowed else 3


def run_import(ctx: Context) -> int:
    from coopdesk.cli.members.files import _column_index
    from coopdesk.services.capital.importing import FIELD_KEYS, guess_mapping, import_capital
    from coopdesk.services.members.importing import read_headers

    a = ctx.args
    if not a.file.is_file():
        raise UsageError(_("There is no file {path}.", path=str(a.file)))
    encoding = None if a.encoding == "auto" else a.encoding
    headers = list(read_headers(a.file, encoding=encoding))
    mapping = dict(guess_mapping(headers))
    for item in a.map:
        field, sep, column = (part.strip() for part in item.partition("="))
        if not sep or field not in FIELD_KEYS:
            raise UsageError(_("Write --map as FIELD=COLUMN, with FIELD one of {fields}; not \u201c{value}\u201d.",
                               fields=", ".join(FIELD_KEYS), value=item))
        mapping[field] = _column_index(headers, column) if column else None
    result = import_capital(ctx.database(), ctx.coop().id, a.file, mapping, encoding=encoding)
    if ctx.json:
        print_json({"rows": result.rows, "first_entry": result.first_entry, "last_entry": result.last_entry,
                    "shares": result.shares, "paid": result.paid,
                    "joined": [{"member": n, "on": iso(d)} for n, d in result.joined]})
        return 0
    t = current()
    say(ngettext("Imported {count} subscription: entries {first} to {last}.",
                 "Imported {count} subscriptions: entries {first} to {last}.", result.rows,
                 count=t.number(result.rows), first=result.first_entry, last=result.last_entry))
    for number, day in result.joined:
        say(_("Member {number} became a member on {date}, by this payment.", number=number, date=t.date(day)))
    return 0
