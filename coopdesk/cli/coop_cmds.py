"""`coopdesk init` (the new co-op wizard's fields as options) and `coopdesk coop show`."""

from __future__ import annotations

import argparse
from dataclasses import fields
from typing import Any

from coopdesk.cli.common import (
    Context,
    iso,
    iso_date,
    print_fields,
    print_json,
    print_table,
    remember_opened,
    say,
    whole_number,
)
from coopdesk.domain.coop import (
    ELECTION_MAJORITY_LABELS,
    KIND_LABELS,
    LAW_LABELS,
    MEMBERSHIP_STARTS_LABELS,
    NOTICE_LABELS,
    TIE_LABELS,
    BylawsSettings,
    CoopKind,
    CoopProfile,
    ElectionMajority,
    GoverningLaw,
    MembershipStarts,
    NoticeMethod,
    TieRule,
)
from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current

# (option, BylawsSettings field, argparse keywords, help) — the bylaws settings of DESIGN.md §2.
_BYLAWS_OPTIONS: tuple[tuple[str, str, dict[str, Any], str], ...] = (
    ("--share-price", "share_price", {"type": whole_number(1, 10**12)}, N_("Won per share")),
    ("--min-shares", "min_shares", {"type": whole_number(0, 10**9)}, N_("Shares every member holds at least")),
    ("--max-shares", "max_shares_per_member", {"type": whole_number(0, 10**9)},
     N_("Most shares one member may hold (the {percent}% cap applies anyway)")),
    ("--instalments", "instalments_allowed", {"action": argparse.BooleanOptionalAction},
     N_("Shares may be paid in instalments")),
    ("--membership-starts", "membership_starts", {"choices": [m.value for m in MembershipStarts]},
     N_("When an admitted applicant becomes a member")),
    ("--directors-min", "directors_min", {"type": whole_number(0, 1000)}, N_("Fewest directors")),
    ("--directors-max", "directors_max", {"type": whole_number(0, 1000)}, N_("Most directors")),
    ("--auditors", "auditors", {"type": whole_number(0, 100)}, N_("Number of auditors")),
    ("--officer-term", "officer_term_years", {"type": whole_number(0, 100)}, N_("Officers' term in years")),
    ("--notice-method", "notice_method", {"choices": [m.value for m in NoticeMethod]},
     N_("How notices of meetings reach members")),
    ("--notice-days", "notice_days", {"type": whole_number(0, 1000)},
     N_("Days of notice before a general assembly")),
    ("--withdrawal-notice-days", "withdrawal_notice_days", {"type": whole_number(0, 10000)},
     N_("Days from a withdrawal notice until the withdrawal takes effect")),
    ("--non-use-months", "non_use_months_for_expulsion", {"type": whole_number(0, 10000)},
     N_("Months without using the co-op's services before expulsion may be considered")),
    ("--tie-rule", "tie_rule", {"choices": [t.value for t in TieRule]}, N_("What decides a tie in an election")),
    ("--election-majority", "election_majority", {"choices": [m.value for m in ElectionMajority]},
     N_("What an officer candidate needs besides ranking among the seats")),
    ("--orientation-required", "orientation_required", {"action": argparse.BooleanOptionalAction},
     N_("New members must attend an orientation")),
    ("--assembly-within-months", "ordinary_assembly_within_months", {"type": whole_number(0, 100)},
     N_("Months after the year end within which the ordinary assembly is held")),
    ("--dividends-as-capital", "dividends_as_capital", {"action": argparse.BooleanOptionalAction},
     N_("A dividend may be credited to capital as shares")),
    ("--refund-less-losses", "refund_less_losses", {"action": argparse.BooleanOptionalAction},
     N_("A leaver's refund bears their share of the co-op's losses")),
)
# The same labels as the window's (domain/coop.py), so they are translated once.
VALUE_LABELS = {**MEMBERSHIP_STARTS_LABELS, **NOTICE_LABELS, **TIE_LABELS, **ELECTION_MAJORITY_LABELS}
_ENUMS = {"membership_starts": MembershipStarts, "notice_method": NoticeMethod, "tie_rule": TieRule,
          "election_majority": ElectionMajority}

BYLAWS_LABELS = {name: label for _o, name, _k, label in _BYLAWS_OPTIONS}
# A general co-op with one kind of member: the register's own word for them, in either language
# (a member type is the co-op's data, as its bylaws name it, not a word of the screen).
DEFAULT_MEMBER_TYPE = "조합원"


def add_init(init: argparse.ArgumentParser) -> None:
    """``coopdesk init``: its options."""
    init.description = _("Create a co-op: the fields of the new co-op wizard.")
    init.add_argument("--name", required=True, help=_("The co-op's name, with 협동조합 or 사회적협동조합"))
    init.add_argument("--kind", choices=[k.value for k in CoopKind], default=CoopKind.GENERAL.value,
                      help=_("General or social co-op"))
    init.add_argument("--law", choices=[g.value for g in GoverningLaw], default=GoverningLaw.FRAMEWORK_ACT.value,
                      help=_("The law the co-op is under (only the Framework Act is supported)"))
    init.add_argument("--office", default="", help=_("Address of the main office"))
    init.add_argument("--fiscal-month", type=whole_number(1, 12), default=1, metavar="MONTH",
                      help=_("Month the fiscal year starts (1-12)"))
    init.add_argument("--member-type", action="append", default=[], metavar="TYPE",
                      help=_("A member type (repeat for each; default: one type, {name}; a social co-op "
                             "needs two or more)", name=DEFAULT_MEMBER_TYPE))
    init.add_argument("--adopted", type=iso_date, metavar="YYYY-MM-DD",
                      help=_("Date the bylaws were adopted, for a co-op that already exists (default: "
                             "today, for a co-op set up now)"))
    init.add_argument("--add-to-existing", action="store_true",
                      help=_("Add the co-op to a file or database that already holds one "
                             "(an advisor's file may keep several)"))
    group = init.add_argument_group(_("Bylaws settings"))
    cap = current().number(int(law.MAX_SHARE_RATIO.value * 100))  # the 30% of Act 22②
    for option, name, keywords, label in _BYLAWS_OPTIONS:
        if "type" in keywords:
            keywords = {"metavar": "WON" if name == "share_price" else "N", **keywords}
        group.add_argument(option, dest=f"bylaws_{name}", help=_(label, percent=cap), **keywords)
    init.set_defaults(run=run_init)


def add_coop(coop: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk coop``."""
    verbs = coop.add_subparsers(dest="verb", required=True, metavar="VERB")
    verbs.add_parser("show", help=_("Show the profile and the bylaws settings")).set_defaults(run=run_show)
    verbs.add_parser("list", help=_("The co-ops in the file, for --coop")).set_defaults(run=run_list)
    verbs.add_parser("bylaws", help=_("The versions of the bylaws: adopted when, at which meeting, in force "
                                      "since when")).set_defaults(run=run_bylaws)
    report = verbs.add_parser("bylaws-reported", help=_(
        "Record the day an adopted amendment was reported to the city or province: it is in force from then"))
    report.add_argument("version", type=int, metavar="VERSION", help=_("The version, as \u201ccoop bylaws\u201d "
                                                                      "lists it"))
    report.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", required=True, help=_("The day it was reported"))
    report.set_defaults(run=run_bylaws_reported)
    from coopdesk.cli.bylaws.texts import add_texts_parsers

    add_texts_parsers(verbs)  # coop texts show | set


def _bylaws(args: argparse.Namespace) -> BylawsSettings:
    """The defaults, with the settings given on the command line."""
    given = {}
    for _option, name, _keywords, _label in _BYLAWS_OPTIONS:
        value = getattr(args, f"bylaws_{name}")
        if value is not None:
            given[name] = _ENUMS[name](value) if name in _ENUMS else value
    return BylawsSettings(**given)


def run_init(ctx: Context) -> int:
    from coopdesk.services.files import create_coop_in

    a = ctx.args
    profile = CoopProfile(name=a.name, kind=CoopKind(a.kind), governing_law=GoverningLaw(a.law),
                          main_office=a.office, fiscal_year_start_month=a.fiscal_month,
                          member_types=tuple(a.member_type) or (DEFAULT_MEMBER_TYPE,), bylaws=_bylaws(a))
    # No --db: like the GUI, a new file in the user's co-op folder.  A new file appears
    # whole or not at all; an existing one gets a second co-op only when asked for.
    try:
        made = create_coop_in(ctx.target() if a.db else None, profile, a.adopted,
                              beside_others=a.add_to_existing)
    except Refusal as refusal:
        if refusal.field != "add_to_existing":
            raise
        raise Refusal(N_("{file} already holds a co-op ({name}). To add another co-op to it, "
                         "add --add-to-existing."), field=refusal.field, **refusal.params) from None
    a.db, info = made.target, made.result
    where = ctx.where()
    remember_opened(ctx.target())  # the next command, and the window, open this co-op
    if ctx.json:
        print_json({**coop_json(info), "file": where})
    else:
        say(_("Created {name} (co-op {id}) in {file}.", name=info.name, id=info.id, file=where))
    return 0


def coop_json(info: Any) -> dict[str, Any]:
    from coopdesk.services.coops import bylaws_to_dict

    return {"id": info.id, "name": info.name, "kind": info.kind.value, "law": info.governing_law.value,
            "main_office": info.main_office, "fiscal_year_start_month": info.fiscal_year_start_month,
            "member_types": list(info.member_types), "bylaws_version": info.bylaws_version,
            "bylaws": bylaws_to_dict(info.bylaws)}


def run_show(ctx: Context) -> int:
    info = ctx.coop()
    if ctx.json:
        print_json(coop_json(info))
        return 0
    say(info.name)
    print_fields([
        (_("Kind"), _(KIND_LABELS[info.kind])),
        (_("Law"), _(LAW_LABELS[info.governing_law])),
        (_("Main office"), info.main_office),
        (_("Fiscal year starts"), _("month {month}", month=info.fiscal_year_start_month)),
        (_("Member types"), ", ".join(info.member_types)),
    ])
    say()
    say(_("Bylaws settings (version {version}):", version=info.bylaws_version))
    print_fields([(_(BYLAWS_LABELS[f.name]), _setting_text(f.name, getattr(info.bylaws, f.name)))
                  for f in fields(BylawsSettings)])
    return 0


def run_list(ctx: Context) -> int:
    from coopdesk.services.coops import list_coops

    found = list_coops(ctx.database())
    if ctx.json:
        print_json([{"id": c.id, "name": c.name, "kind": c.kind.value} for c in found])
    else:
        print_table([_("ID"), _("Name"), _("Kind")], [[str(c.id), c.name, _(KIND_LABELS[c.kind])] for c in found],
                    right=(0,))
    return 0


def _setting_text(name: str, value: object) -> str:
    t = current()
    if value is None:
        return _("no limit")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if name == "share_price":
        return t.money(value)  # type: ignore[arg-type]
    if isinstance(value, int):
        return t.number(value)
    return _(VALUE_LABELS[value]) if value in VALUE_LABELS else str(value)


def _version_json(v: Any) -> dict[str, Any]:
    return {"version": v.version, "adopted_on": iso(v.adopted_on), "effective_on": iso(v.effective_on),
            "meeting": v.meeting_title, "item": v.item, "in_force": v.in_force, "waiting": v.waiting}


def run_bylaws(ctx: Context) -> int:
    from coopdesk.services.bylaws import list_versions

    versions = list_versions(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([_version_json(v) for v in versions])
        return 0
    t = current()
    print_table([_("Version"), _("Adopted"), _("At"), _("In force since")],
                [[t.number(v.version), t.date(v.adopted_on),
                  _("{meeting}, item {item}", meeting=v.meeting_title, item=v.item) if v.meeting_title else "",
                  t.date(v.effective_on) if v.effective_on else _("waiting for its report")] for v in versions],
                right=(0,))
    return 0


def run_bylaws_reported(ctx: Context) -> int:
    from coopdesk.services.bylaws import record_bylaws_report

    view = record_bylaws_report(ctx.database(), ctx.coop().id, ctx.args.version, ctx.args.on)
    if ctx.json:
        print_json(_version_json(view))
    else:
        say(_("Version {version} of the bylaws is in force from {date}.", version=view.version,
              date=current().date(view.effective_on)))
    return 0
