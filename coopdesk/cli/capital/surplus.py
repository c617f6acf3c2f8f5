"""`coopdesk capital surplus enter | show | list | patronage | agenda | link | unlink | dividends`:
the year's surplus or loss, its appropriation and each member's dividend."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk.cli.capital.output import check_json, print_checks
from coopdesk.cli.common import Context, UsageError, print_fields, print_json, print_table, say, whole_number
from coopdesk.i18n import N_, _, current

if TYPE_CHECKING:
    from coopdesk.services.capital.surplus import SurplusView

YEAR = whole_number(1900, 2100)
WON = whole_number(0, 10**15)
SIGNED = whole_number(-10**15, 10**15)
_PLAN = ("legal_reserve", "voluntary_reserve", "capital_dividend", "patronage_dividend")


def add_parser(verbs: argparse._SubParsersAction) -> None:
    surplus = verbs.add_parser("surplus", help=_("The year's surplus or loss: its appropriation and the dividends"))
    steps = surplus.add_subparsers(dest="step", required=True, metavar="STEP")

    enter = steps.add_parser("enter", help=_("Enter a year's figures and its appropriation (without the "
                                             "appropriation: the program's proposal)"))
    _year(enter)
    enter.add_argument("--result", type=SIGNED, required=True, metavar="WON",
                       help=_("The year's net result: a surplus, or a loss as a negative number"))
    enter.add_argument("--retained", type=SIGNED, default=0, metavar="WON",
                       help=_("Retained earnings carried from earlier years (a deficit as a negative number)"))
    enter.add_argument("--legal-before", type=WON, default=0, metavar="WON", help=_("The legal reserve before"))
    enter.add_argument("--voluntary-before", type=WON, default=0, metavar="WON",
                       help=_("The voluntary reserve before"))
    for name in _PLAN:
        enter.add_argument("--" + name.replace("_", "-"), type=WON, metavar="WON", help=_(_PLAN_HELP[name]))
    enter.add_argument("--as-capital", action="store_true",
                       help=_("Credit the dividends to capital as shares, where the bylaws allow"))
    enter.add_argument("--note", default="", help=_("A note kept with the appropriation"))
    enter.set_defaults(run=run_enter)

    show = steps.add_parser("show", help=_("A year's figures, appropriation and the law's checks"))
    _year(show)
    show.set_defaults(run=run_show)
    steps.add_parser("list", help=_("The years entered")).set_defaults(run=run_list)

    use = steps.add_parser("patronage", help=_("Each member's use of the co-op's business in the year"))
    _year(use)
    use.add_argument("--member", action="append", default=[], metavar="NUMBER=WON",
                     help=_("A member's use of the co-op in won (repeat for each)"))
    use.add_argument("--file", type=Path, help=_("An .xlsx or .csv file: member number and amount"))
    use.set_defaults(run=run_patronage)

    agenda = steps.add_parser("agenda", help=_("Put the appropriation on a general assembly's agenda"))
    _year(agenda)
    agenda.add_argument("--meeting", type=whole_number(1, 10**9), required=True, metavar="ID", help=_("The meeting"))
    agenda.set_defaults(run=run_agenda)
    link = steps.add_parser("link", help=_("Name the agenda item that decides the appropriation; booked if it passed"))
    _year(link)
    from coopdesk.cli.capital.commands import resolution_args

    resolution_args(link, _("The general assembly that decides it"), required=True)
    link.set_defaults(run=run_link)
    unlink = steps.add_parser("unlink", help=_("Take the appropriation off its agenda item"))
    _year(unlink)
    unlink.set_defaults(run=run_unlink)
    shares = steps.add_parser("dividends", help=_("Each member's dividend: as booked, or as it would be"))
    _year(shares)
    shares.set_defaults(run=run_dividends)


_PLAN_HELP = {
    "legal_reserve": N_("To the legal reserve"),
    "voluntary_reserve": N_("To the voluntary reserve"),
    "capital_dividend": N_("Dividend on paid-in capital, in all"),
    "patronage_dividend": N_("Patronage dividend, in all"),
}


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=YEAR, required=True, help=_("The fiscal year, by the year it starts in"))


def run_enter(ctx: Context) -> int:
    from coopdesk.domain.capital.surplus import Plan
    from coopdesk.domain.errors import Refusal
    from coopdesk.services.capital.surplus import YearInput, enter_year, get_year

    a, coop = ctx.args, ctx.coop()
    given = YearInput(a.year, a.result, a.retained, a.legal_before, a.voluntary_before)
    chosen = {name: getattr(a, name) for name in _PLAN if getattr(a, name) is not None}
    plan = None
    if chosen:
        db = ctx.database()
        try:  # the loss covered as the Act orders is not typed: it comes from the proposal
            base = get_year(db, coop.id, a.year).proposal
        except Refusal:  # a year not entered yet
            base = Plan()
        plan = Plan(chosen.get("legal_reserve", 0), chosen.get("voluntary_reserve", 0),
                    chosen.get("capital_dividend", 0), chosen.get("patronage_dividend", 0),
                    base.from_voluntary, base.from_legal)
    view = enter_year(ctx.database(), coop.id, given, plan, dividends_as_capital=a.as_capital, note=a.note)
    return _print_year(ctx, view)


def run_show(ctx: Context) -> int:
    from coopdesk.services.capital.surplus import get_year

    return _print_year(ctx, get_year(ctx.database(), ctx.coop().id, ctx.args.year))


def run_list(ctx: Context) -> int:
    from coopdesk.services.capital.surplus import list_years

    years = list_years(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([year_json(v) for v in years])
        return 0
    t = current()
    print_table([_("Year"), _("Result"), _("Legal reserve"), _("Dividends"), _("Carried forward"), _("Booked")],
                [[str(v.figures.fiscal_year), t.money(v.figures.net_result), t.money(v.plan.legal_reserve),
                  t.money(v.plan.dividends), t.money(v.carried_forward), t.date(v.booked_on)] for v in years],
                right=(1, 2, 3, 4))
    return 0


def run_patronage(ctx: Context) -> int:
    a, coop = ctx.args, ctx.coop()
    if bool(a.member) == bool(a.file):
        raise UsageError(_("Give either --member NUMBER=WON (repeated) or --file."))
    if a.file:
        from coopdesk.services.capital.importing import import_patronage

        view = import_patronage(ctx.database(), coop.id, a.year, a.file)
    else:
        from coopdesk.services.capital.surplus import set_patronage

        view = set_patronage(ctx.database(), coop.id, a.year, _amounts(a.member))
    return _print_year(ctx, view)


def _amounts(values: list[str]) -> dict[int, int]:
    found = {}
    for value in values:
        number, sep, amount = value.partition("=")
        try:
            found[int(number)] = int(amount.replace(",", ""))
        except ValueError:
            raise UsageError(_("Write --member as NUMBER=WON, not \u201c{value}\u201d.", value=value)) from None
        if not sep:
            raise UsageError(_("Write --member as NUMBER=WON, not \u201c{value}\u201d.", value=value))
    return found


def run_agenda(ctx: Context) -> int:
    from coopdesk.services.capital.surplus import put_on_agenda

    return _print_year(ctx, put_on_agenda(ctx.database(), ctx.coop().id, ctx.args.year, ctx.args.meeting))


def run_link(ctx: Context) -> int:
    from coopdesk.services.capital.surplus import link_to_item

    from coopdesk.cli.capital.commands import resolution_item

    item = resolution_item(ctx)
    assert item is not None
    return _print_year(ctx, link_to_item(ctx.database(), ctx.coop().id, ctx.args.year, item))


def run_unlink(ctx: Context) -> int:
    from coopdesk.services.capital.surplus import unlink_item

    return _print_year(ctx, unlink_item(ctx.database(), ctx.coop().id, ctx.args.year))


def run_dividends(ctx: Context) -> int:
    from coopdesk.services.capital.surplus import dividends_of

    rows = dividends_of(ctx.database(), ctx.coop().id, ctx.args.year)
    if ctx.json:
        print_json([{"number": d.number, "name": d.name, "paid_in": d.paid_in, "patronage": d.patronage,
                     "capital_part": d.capital_part, "patronage_part": d.patronage_part, "total": d.total,
                     "credited_shares": d.credited_shares, "cash": d.cash} for d in rows])
        return 0
    t = current()
    print_table([_("No."), _("Name"), _("Paid in"), _("Patronage"), _("On capital"), _("On patronage"), _("Total")],
                [[str(d.number), d.name, t.money(d.paid_in), t.money(d.patronage), t.money(d.capital_part),
                  t.money(d.patronage_part), t.money(d.total)] for d in rows], right=(0, 2, 3, 4, 5, 6))
    say(_("Total: {total}", total=t.money(sum(d.total for d in rows))))
    return 0


def year_json(v: SurplusView) -> dict[str, Any]:
    f, p = v.figures, v.plan
    return {"fiscal_year": f.fiscal_year, "starts_on": v.starts_on.isoformat(), "ends_on": v.ends_on.isoformat(),
            "net_result": f.net_result, "retained_before": f.retained_before,
            "legal_reserve_before": f.legal_reserve_before, "voluntary_reserve_before": f.voluntary_reserve_before,
            "paid_in": f.paid_in, "disposable": v.disposable,
            "plan": {"legal_reserve": p.legal_reserve, "voluntary_reserve": p.voluntary_reserve,
                     "capital_dividend": p.capital_dividend, "patronage_dividend": p.patronage_dividend,
                     "from_voluntary": p.from_voluntary, "from_legal": p.from_legal},
            "carried_forward": v.carried_forward, "legal_reserve_minimum": v.legal_minimum.minimum,
            "capital_dividend_most": v.limits.capital_most, "dividends_as_capital": v.dividends_as_capital,
            "patronage_members": v.patronage_members, "patronage_total": v.patronage_total, "item_id": v.item_id,
            "booked_on": v.booked_on.isoformat() if v.booked_on else None,
            "checks": [check_json(c) for c in v.checks]}


def _print_year(ctx: Context, v: SurplusView) -> int:
    if ctx.json:
        print_json(year_json(v))
        return 0
    t, f, p = current(), v.figures, v.plan
    say(_("Fiscal year {year}: {start} to {end}", year=f.fiscal_year, start=t.date(v.starts_on), end=t.date(v.ends_on)))
    print_fields([
        (_("Net result"), t.money(f.net_result)), (_("Retained from earlier years"), t.money(f.retained_before)),
        (_("Legal reserve before"), t.money(f.legal_reserve_before)),
        (_("Voluntary reserve before"), t.money(f.voluntary_reserve_before)),
        (_("Paid-in capital at the year's end"), t.money(f.paid_in)), (_("To appropriate"), t.money(v.disposable)),
        (_("Loss covered from the voluntary reserve"), t.money(p.from_voluntary)),
        (_("Loss covered from the legal reserve"), t.money(p.from_legal)),
        (_("To the legal reserve"), t.money(p.legal_reserve)),
        (_("To the voluntary reserve"), t.money(p.voluntary_reserve)),
        (_("Dividend on paid-in capital, in all"), t.money(p.capital_dividend)),
        (_("Patronage dividend, in all"), t.money(p.patronage_dividend)),
        (_("Carried forward"), t.money(v.carried_forward)),
        (_("On the agenda"), _("yes") if v.item_id else _("no")), (_("Booked"), t.date(v.booked_on) or "—"),
    ])
    say()
    print_checks(v.checks)
    return 0
