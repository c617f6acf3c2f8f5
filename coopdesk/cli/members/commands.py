"""`coopdesk member add | edit | show | list | withdraw | event`: the member register."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import (
    Context,
    iso,
    iso_date,
    optional_date,
    print_fields,
    print_json,
    print_table,
    say,
    whole_number,
)
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EVENT_LABELS, EventKind, MemberStatus
from coopdesk.i18n import _, current, ngettext

if TYPE_CHECKING:
    from coopdesk.services.members.rows import MemberRow
    from coopdesk.services.members.member import MemberView

# Events a secretary records by hand; expulsion comes from an assembly resolution.
RECORDABLE = (EventKind.ADMITTED, EventKind.WITHDRAWAL_NOTICE, EventKind.WITHDRAWN, EventKind.DECEASED)
_DETAIL_OPTIONS = ("name", "member_type", "birth_date", "phone", "email", "address", "notes", "privacy_consent_on")


def add_verbs(member: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk member``."""
    verbs = member.add_subparsers(dest="verb", required=True, metavar="VERB")
    number = whole_number(1, 10**9)

    add = verbs.add_parser("add", help=_("Add a member; prints the new member number"))
    _detail_arguments(add, required=True)
    add.add_argument("--joined", type=iso_date, metavar="YYYY-MM-DD",
                     help=_("Joining (admission) date (default: today, unless --applied is given)"))
    add.add_argument("--applied", type=iso_date, metavar="YYYY-MM-DD", help=_("Date of the application"))
    add.add_argument("--even-if-duplicate", "--allow-duplicates", dest="even_if_duplicate", action="store_true",
                     help=_("Add the member even if they look like one already on the register (same name and "
                            "birth date, or same phone number)"))
    add.set_defaults(run=run_add)

    edit = verbs.add_parser("edit", help=_("Change a member's details; only the options given change"))
    edit.add_argument("number", type=number, help=_("Member number"))
    _detail_arguments(edit, required=False)
    edit.set_defaults(run=run_edit)

    show = verbs.add_parser("show", help=_("A member's details, status and history"))
    show.add_argument("number", type=number, help=_("Member number"))
    show.set_defaults(run=run_show)

    listing = verbs.add_parser("list", help=_("The list of members"))
    add_filters(listing)
    listing.set_defaults(run=run_list)

    withdraw = verbs.add_parser("withdraw", help=_("Record a withdrawal notice; it takes effect after "
                                                   "the notice period of the bylaws"))
    withdraw.add_argument("number", type=number, help=_("Member number"))
    withdraw.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD",
                          help=_("Date of the notice (default: today)"))
    withdraw.add_argument("--note", default="", help=_("A note kept with the event"))
    withdraw.set_defaults(run=run_withdraw)

    event = verbs.add_parser("event", help=_("Record an event: admission, withdrawal notice, withdrawal, death"))
    event.add_argument("number", type=number, help=_("Member number"))
    event.add_argument("--kind", required=True, choices=[k.value for k in RECORDABLE], help=_("What happened"))
    event.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", required=True, help=_("When it happened"))
    event.add_argument("--note", default="", help=_("A note kept with the event"))
    event.set_defaults(run=run_event)

    from coopdesk.cli.members import files as member_files

    member_files.add_parsers(verbs)
    from coopdesk.cli.members import consent

    consent.add_parsers(verbs)  # consent-missing


def _detail_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--name", required=required, help=_("Full name"))
    parser.add_argument("--type", dest="member_type",
                        help=_("Member type (may be left out when the co-op has only one)"))
    parser.add_argument("--birth-date", type=optional_date if not required else iso_date, metavar="YYYY-MM-DD",
                        help=_("Birth date"))
    parser.add_argument("--phone", help=_("Phone number"))
    parser.add_argument("--email", help=_("E-mail address"))
    parser.add_argument("--address", help=_("Address"))
    parser.add_argument("--notes", help=_("Notes"))
    parser.add_argument("--consent-date", dest="privacy_consent_on", type=optional_date, metavar="YYYY-MM-DD",
                        help=_("The day the member consented to the use of their personal data (\"\" for none)"))
    # Not given stays not given: ``member edit`` changes only what was asked for.
    parser.set_defaults(**{name: _UNSET for name in _DETAIL_OPTIONS})


class _Unset:
    def __repr__(self) -> str:
        return "<not given>"


_UNSET: Any = _Unset()


def add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", action="append", choices=[s.value for s in MemberStatus],
                        help=_("Only members with this status (may be repeated)"))
    parser.add_argument("--type", dest="member_type", help=_("Only members of this type"))
    parser.add_argument("--search", default="", help=_("Name, number, phone or e-mail contains this"))


def filtered_rows(ctx: Context) -> list[MemberRow]:
    """The members the list shows with the filters given, by number."""
    from coopdesk.services.members.search import filter_rows

    a = ctx.args
    rows = _register(ctx)
    statuses = [MemberStatus(s) for s in a.status] if a.status else None
    keep = filter_rows(rows, text=a.search, statuses=statuses, member_type=a.member_type)
    return [rows[i] for i in keep]


def _register(ctx: Context) -> list[MemberRow]:
    """Every member of the co-op, by number: read from the co-op file without loading the database
    layer (ten times the read: bench/bench_cli.py), or, when the file needs it, the ordinary way."""
    from coopdesk.services.members.first_screen import read_first_screen

    first = read_first_screen(ctx.read_target(), members_up_to=sys.maxsize)
    if first is not None and first.members is not None and ctx.args.coop in (None, first.coop.id):
        return first.members
    from coopdesk.services.members.listing import list_members

    return list_members(ctx.database(), ctx.coop().id)


def row_json(r: MemberRow) -> dict[str, Any]:
    return {"number": r.number, "name": r.name, "type": r.member_type, "status": r.status.value,
            "joined_on": iso(r.joined_on), "left_on": iso(r.left_on), "birth_date": iso(r.birth_date),
            "phone": r.phone, "email": r.email, "address": r.address}


def member_json(m: MemberView) -> dict[str, Any]:
    from coopdesk.services.members.member import event_note

    d, st = m.details, m.standing
    return {"number": m.number, "name": d.name, "type": d.member_type, "status": m.status.value,
            "birth_date": iso(d.birth_date), "phone": d.phone, "email": d.email, "address": d.address,
            "notes": d.notes, "privacy_consent_on": iso(d.privacy_consent_on),
            "applied_on": iso(st.applied_on), "joined_on": iso(st.joined_on),
            "notice_on": iso(st.notice_on), "leaves_on": iso(st.leaves_on), "left_on": iso(st.left_on),
            "events": [{"kind": e.kind.value, "on": e.on.isoformat(), "note": event_note(e),
                        "resolution": None if e.resolution is None else
                        {"held_on": e.resolution.held_on.isoformat(), "item": e.resolution.item}}
                       for e in m.events]}


def _given(args: argparse.Namespace, name: str) -> bool:
    return getattr(args, name) is not _UNSET


def run_add(ctx: Context) -> int:
    from coopdesk.services.members.member import add_member

    a, coop = ctx.args, ctx.coop()
    values = {name: getattr(a, name) for name in _DETAIL_OPTIONS if _given(a, name)}
    if "member_type" not in values and len(coop.member_types) == 1:
        values["member_type"] = coop.member_types[0]
    values.setdefault("member_type", "")
    joined = a.joined if a.joined is not None or a.applied is not None else dt.date.today()
    details = MemberDetails(**values)
    if not a.even_if_duplicate:
        _refuse_if_on_register(ctx, coop.id, details)
    view = add_member(ctx.database(), coop.id, details, joined_on=joined, applied_on=a.applied)
    if ctx.json:
        print_json(member_json(view))
    else:
        say(str(view.number))
    return 0


def _refuse_if_on_register(ctx: Context, coop_id: int, details: MemberDetails) -> None:
    """The question the member form asks, as a refusal: the import's rule (``services.members.matching``)."""
    from coopdesk.domain.errors import Refusal
    from coopdesk.domain.text import N_
    from coopdesk.services.members.matching import described, find_on_register

    matches = find_on_register(ctx.database(), coop_id, details)
    if matches:
        raise Refusal(N_("Not added: this looks like a member already on the register: {members}. If it is "
                         "someone else, add them with --even-if-duplicate."), field="name", members=described(matches))


def run_edit(ctx: Context) -> int:
    from coopdesk.services.members.member import edit_member, get_member

    a, coop = ctx.args, ctx.coop()
    before = get_member(ctx.database(), coop.id, a.number).details
    changes = {name: getattr(a, name) for name in _DETAIL_OPTIONS if _given(a, name)}
    # only the fields asked for: two commands changing two fields at once both land
    view = edit_member(ctx.database(), coop.id, a.number, replace(before, **changes), only=changes.keys())
    return _print_member(ctx, view)


def run_show(ctx: Context) -> int:
    from coopdesk.services.members.member import get_member

    coop = ctx.coop()
    return _print_member(ctx, get_member(ctx.database(), coop.id, ctx.args.number))


def _print_member(ctx: Context, m: MemberView) -> int:
    from coopdesk.services.members.member import event_note

    if ctx.json:
        print_json(member_json(m))
        return 0
    t, d = current(), m.details
    say(_("Member {number}: {name}", number=m.number, name=d.name))
    print_fields([
        (_("Type"), d.member_type), (_("Status"), _(m.status.label)),
        (_("Birth date"), t.date(d.birth_date)), (_("Phone"), d.phone), (_("E-mail"), d.email),
        (_("Address"), d.address), (_("Joined"), t.date(m.standing.joined_on)),
        (_("Personal data consent"), t.date(d.privacy_consent_on)),
        (_("Notes"), d.notes),
    ])
    if m.standing.leaves_on is not None and m.standing.left_on is None:
        say(_("The withdrawal takes effect on {date}.", date=t.date(m.standing.leaves_on)))
    say()
    say(_("History:"))
    print_table([_("Date"), _("Event"), _("Note")],
                [[t.date(e.on), _(EVENT_LABELS[e.kind]), event_note(e)] for e in m.events])
    return 0


def run_list(ctx: Context) -> int:
    rows = filtered_rows(ctx)
    if ctx.json:
        print_json([row_json(r) for r in rows])
        return 0
    t = current()
    labels = {s: _(s.label) for s in MemberStatus}
    dates: dict[dt.date | None, str] = {}  # 100,000 members joined on a few thousand days

    def date(day: dt.date | None) -> str:
        text = dates.get(day)
        if text is None:
            text = dates[day] = t.date(day)
        return text

    print_table([_("No."), _("Name"), _("Type"), _("Status"), _("Joined")],
                [[str(r.number), r.name, r.member_type, labels[r.status], date(r.joined_on)] for r in rows],
                right=(0,))
    say(ngettext("{count} member shown.", "{count} members shown.", len(rows), count=t.number(len(rows))))
    return 0


def run_withdraw(ctx: Context) -> int:
    from coopdesk.services.members.member import record_event

    a, coop = ctx.args, ctx.coop()
    on = a.on or dt.date.today()
    view = record_event(ctx.database(), coop.id, a.number, EventKind.WITHDRAWAL_NOTICE, on, a.note)
    if ctx.json:
        print_json(member_json(view))
    else:
        t = current()
        say(_("Member {number} gave notice of withdrawal on {on}; it takes effect on {date}.",
              number=view.number, on=t.date(on), date=t.date(view.standing.leaves_on)))
    return 0


def run_event(ctx: Context) -> int:
    from coopdesk.services.members.member import record_event

    a, coop = ctx.args, ctx.coop()
    kind = EventKind(a.kind)
    view = record_event(ctx.database(), coop.id, a.number, kind, a.on, a.note)
    if ctx.json:
        print_json(member_json(view))
    else:
        say(_("Recorded for member {number}: {event} on {date}. Status: {status}.", number=view.number,
              event=_(EVENT_LABELS[kind]), date=current().date(a.on), status=_(view.status.label)))
    return 0
