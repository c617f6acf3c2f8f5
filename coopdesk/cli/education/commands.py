"""`coopdesk education session add | edit | delete`, `attend`, `show`, `list`, `member`,
`orientation` and `report`: the co-op's education (교육), from the command line.

Sessions are named by their number (``education list`` shows them).  ``attend`` takes
members as the meeting's check-in does — a number, or a name that fits one member only —
each recorded at once and reported one by one; a person who is not a member yet is added
with ``--guest`` and their birth date or phone, so the record follows them when they join.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import (
    Context,
    UsageError,
    iso,
    iso_date,
    print_fields,
    print_json,
    print_table,
    say,
    warn,
    whole_number,
)
from coopdesk.cli.education.common import (
    KIND_HELP,
    KINDS,
    ORGANISER_HELP,
    ORGANISERS,
    attendee_json,
    attendee_text,
    clock,
    clock_text,
    hours_text,
    session_json,
)
from coopdesk.domain.education.sessions import ORGANISER_LABELS
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, current, ngettext, refusal_text

if TYPE_CHECKING:
    from coopdesk.domain.education.sessions import SessionDetails
    from coopdesk.domain.law_ref import LawRef
    from coopdesk.services.education.attendance import AttendeeView
    from coopdesk.services.education.sessions import SessionView

REFUSED = 3
_number = whole_number(1, 10**9)


def add_verbs(education: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk education``."""
    education.description = _("The co-op's education: sessions, who attended, each member's hours, the "
                              "orientation new members owe, and the yearly report.")
    verbs = education.add_subparsers(dest="verb", required=True, metavar="VERB", title=_("commands"))
    _session_verbs(verbs)

    attend = verbs.add_parser("attend", help=_("Put people on a session's list: members by number or name, "
                                               "each recorded at once; --guest for someone not a member yet"))
    _session_arg(attend)
    attend.add_argument("typed", nargs="*", metavar="MEMBER",
                        help=_("A member number, or a name that fits one member only"))
    attend.add_argument("--guest", metavar="NAME", help=_("The name of someone who is not a member yet"))
    attend.add_argument("--birth-date", type=iso_date, metavar="YYYY-MM-DD", help=_("The guest's birth date"))
    attend.add_argument("--phone", default="", help=_("The guest's phone number"))
    attend.add_argument("--remove", type=_number, nargs="+", metavar="ID",
                        help=_("Take these entries off the list (\u201ceducation show\u201d numbers them)"))
    attend.set_defaults(run=run_attend)

    show = verbs.add_parser("show", help=_("A session's facts and its list of attendees"))
    _session_arg(show)
    show.set_defaults(run=run_show)

    listing = verbs.add_parser("list", help=_("The sessions, latest first"))
    listing.add_argument("--year", type=whole_number(1900, 2100), metavar="YEAR",
                         help=_("Only this fiscal year's sessions"))
    listing.set_defaults(run=run_list)

    member = verbs.add_parser("member", help=_("A member's education: sessions, hours, and the orientation"))
    member.add_argument("number", type=_number, metavar="NUMBER", help=_("Member number"))
    member.set_defaults(run=run_member)

    owed = verbs.add_parser("orientation", help=_("The members who still owe the orientation, with the days "
                                                  "since they joined"))
    owed.set_defaults(run=run_orientation)

    report = verbs.add_parser("report", help=_("The yearly education report: sessions, hours, attendance by "
                                               "member type, the share of members reached"))
    report.add_argument("--year", type=whole_number(1900, 2100), metavar="YEAR",
                        help=_("The fiscal year, named by the year it starts in (default: the current one)"))
    report.set_defaults(run=run_report)


def _session_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=_number, metavar="SESSION",
                        help=_("Number of the session (\u201ccoopdesk education list\u201d shows them)"))


def _session_verbs(verbs: argparse._SubParsersAction) -> None:
    session = verbs.add_parser("session", help=_("Record, correct or delete a session"))
    actions = session.add_subparsers(dest="action", required=True, metavar="ACTION", title=_("commands"))
    add = actions.add_parser("add", help=_("Record a session; prints its number"))
    _session_options(add, required=True)
    add.set_defaults(run=run_session_add)
    edit = actions.add_parser("edit", help=_("Correct a session; only the options given change"))
    _session_arg(edit)
    _session_options(edit, required=False)
    edit.set_defaults(run=run_session_edit)
    delete = actions.add_parser("delete", help=_("Delete a session recorded by mistake, with its list"))
    _session_arg(delete)
    delete.set_defaults(run=run_session_delete)


def _session_options(parser: argparse.ArgumentParser, required: bool) -> None:
    keep: dict[str, Any] = {} if required else {"default": argparse.SUPPRESS}  # ``edit``: only what was given
    kinds = ", ".join(f"{name} ({korean})" for name, korean in KIND_HELP.items())
    organisers = ", ".join(f"{name} ({korean})" for name, korean in ORGANISER_HELP.items())
    parser.add_argument("--kind", choices=list(KINDS), required=required,
                        help=_("The kind of session: {kinds}", kinds=kinds), **keep)
    parser.add_argument("--topic", required=required, help=_("What the session was about"), **keep)
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", required=required,
                        help=_("The day of the session"), **keep)
    parser.add_argument("--start", type=clock, metavar="HH:MM", required=required, help=_("When it started"), **keep)
    parser.add_argument("--end", type=clock, metavar="HH:MM", required=required,
                        help=_("When it ended; the hours are counted from the start and the end"), **keep)
    parser.add_argument("--place", help=_("Where it was held"), **keep)
    parser.add_argument("--instructor", metavar="NAME", help=_("Who taught it"), **keep)
    parser.add_argument("--organiser", choices=list(ORGANISERS),
                        help=_("Who organised it: {organisers} (default: coop)", organisers=organisers), **keep)
    parser.add_argument("--materials", help=_("The materials used or handed out"), **keep)


# option -> SessionDetails field
_FIELDS = {"kind": "kind", "topic": "topic", "date": "held_on", "start": "starts_at", "end": "ends_at",
           "place": "place", "instructor": "instructor", "organiser": "organiser", "materials": "materials"}


def _details(a: argparse.Namespace, old: SessionDetails | None) -> SessionDetails:
    from coopdesk.domain.education.sessions import Organiser, SessionDetails

    values: dict[str, object] = {} if old is None else {f: getattr(old, f) for f in _FIELDS.values()}
    values |= {field: getattr(a, option) for option, field in _FIELDS.items()
               if option in a and getattr(a, option) is not None}
    if "kind" in a and a.kind is not None:
        values["kind"] = KINDS[a.kind]
    values["organiser"] = ORGANISERS[a.organiser] if getattr(a, "organiser", None) else \
        values.get("organiser", Organiser.COOP)
    return SessionDetails(**values)  # type: ignore[arg-type]


def run_session_add(ctx: Context) -> int:
    from coopdesk.services.education.sessions import record_session

    view = record_session(ctx.database(), ctx.coop().id, _details(ctx.args, None))
    if ctx.json:
        print_json(session_json(view))
    else:
        say(str(view.id))
    return 0


def run_session_edit(ctx: Context) -> int:
    from coopdesk.services.education.sessions import edit_session, get_session

    db, coop = ctx.database(), ctx.coop()
    old = get_session(db, coop.id, ctx.args.session)
    view = edit_session(db, coop.id, old.id, _details(ctx.args, old.details))
    if ctx.json:
        print_json(session_json(view))
    else:
        _print_session(view)
    return 0


def run_session_delete(ctx: Context) -> int:
    from coopdesk.services.education.sessions import delete_session

    gone = delete_session(ctx.database(), ctx.coop().id, ctx.args.session)
    if ctx.json:
        print_json({"deleted": ctx.args.session, "attendances": gone})
    else:
        say(ngettext("Deleted session {id} and {count} entry of its list.",
                     "Deleted session {id} and {count} entries of its list.", gone, id=ctx.args.session,
                     count=gone))
    return 0


# -- attendance ---------------------------------------------------------------------------

def run_attend(ctx: Context) -> int:
    """Each entry is its own transaction, reported as it goes: one refused does not undo the others."""
    from coopdesk.domain.education.attendees import Guest
    from coopdesk.services.education.attendance import (
        add_guest,
        add_typed,
        remove_attendee,
    )

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    if not (a.typed or a.guest or a.remove):
        raise UsageError(_("Give members (numbers or names), --guest NAME, or --remove ID."))
    if (a.birth_date or a.phone) and not a.guest:
        raise UsageError(_("--birth-date and --phone describe a --guest."))
    done: list[dict[str, Any]] = []
    refused = 0
    steps: list[tuple[str, Callable[[], AttendeeView | None]]] = [
        (t, lambda t=t: add_typed(db, coop.id, a.session, t)) for t in a.typed]
    if a.guest:
        steps.append((a.guest, lambda: add_guest(db, coop.id, a.session, Guest(a.guest, a.birth_date, a.phone))))
    for entry in a.remove or ():
        steps.append((str(entry), lambda e=entry: remove_attendee(db, coop.id, a.session, e)))
    for typed, step in steps:
        try:
            view = step()
        except Refusal as exc:
            refused += 1
            warn(_("{typed}: {problem}", typed=typed, problem=refusal_text(exc)))
            done.append({"typed": typed, "error": refusal_text(exc), "field": exc.field})
            continue
        if view is None:
            done.append({"typed": typed, "removed": True})
            if not ctx.json:
                say(_("Taken off the list: {entry}", entry=typed))
        else:
            done.append({"typed": typed, **attendee_json(view)})
            if not ctx.json:
                say(_("On the list: {person}", person=attendee_text(view)))
    if ctx.json:
        print_json(done)
    return REFUSED if refused else 0


def run_show(ctx: Context) -> int:
    from coopdesk.services.education.attendance import list_attendees
    from coopdesk.services.education.sessions import get_session

    db, coop = ctx.database(), ctx.coop()
    view = get_session(db, coop.id, ctx.args.session)
    people = list_attendees(db, coop.id, view.id)
    if ctx.json:
        print_json({**session_json(view), "attendees": [attendee_json(p) for p in people]})
        return 0
    _print_session(view)
    say()
    if not people:
        say(_("Nobody is on the list yet."))
        return 0
    t = current()
    print_table([_("ID"), _("Name"), _("Member no."), _("Member type"), _("Birth date")],
                [[str(p.id), p.name, str(p.member_number) if p.is_member else _("Not a member"),
                  p.member_type or "", t.date(p.birth_date)] for p in people], right=(0,))
    return 0


def _print_session(v: SessionView) -> None:
    d, t = v.details, current()
    say(_("Session {number}: {topic}", number=v.id, topic=d.topic))
    print_fields([(_("Kind"), _(d.kind.label)),
                  (_("Date"), f"{t.date(d.held_on, 'long')} {clock_text(d.starts_at)}–{clock_text(d.ends_at)}"),
                  (_("Hours"), hours_text(d.minutes)), (_("Place"), d.place), (_("Instructor"), d.instructor),
                  (_("Organised by"), _(ORGANISER_LABELS[d.organiser])), (_("Materials"), d.materials),
                  (_("Attendees"), _("{members} members, {guests} not yet members", members=t.number(v.members),
                                     guests=t.number(v.guests)))])


def run_list(ctx: Context) -> int:
    from coopdesk.services.education.report import year_span
    from coopdesk.services.education.sessions import list_sessions

    db, coop = ctx.database(), ctx.coop()
    first, last = year_span(db, coop.id, ctx.args.year) if ctx.args.year else (None, None)
    views = list_sessions(db, coop.id, first, last)
    if ctx.json:
        print_json([session_json(v) for v in views])
        return 0
    t = current()
    print_table([_("No."), _("Date"), _("Time"), _("Kind"), _("Topic"), _("Hours"), _("Attendees")],
                [[str(v.id), t.date(v.details.held_on),
                  f"{clock_text(v.details.starts_at)}–{clock_text(v.details.ends_at)}", _(v.details.kind.label),
                  v.details.topic, hours_text(v.minutes), t.number(v.attendees)] for v in views], right=(0, 6))
    return 0


# -- members ------------------------------------------------------------------------------

def run_member(ctx: Context) -> int:
    from coopdesk.services.education.history import member_education

    e = member_education(ctx.database(), ctx.coop().id, ctx.args.number)
    o = e.orientation
    if ctx.json:
        print_json({"number": e.number, "name": e.name, "minutes": e.minutes,
                    "orientation": {"required": o.required, "owed": o.owed, "days": o.days,
                                    "article": o.ref.label(current().language)},
                    "sessions": [{"id": x.session_id, "date": iso(x.held_on), "kind": x.kind.value, "topic": x.topic,
                                  "minutes": x.minutes, "before_joining": x.before_joining} for x in e.lines]})
        return 0
    t = current()
    say(_("Member {number}: {name}", number=e.number, name=e.name))
    say(ngettext("Education: {hours} in {count} session", "Education: {hours} in {count} sessions", len(e.lines),
                 hours=hours_text(e.minutes), count=t.number(len(e.lines))))
    if o.owed:
        warn(_owed_text(o.days or 0, o.ref))
    if e.lines:
        say()
        print_table([_("Date"), _("Kind"), _("Topic"), _("Hours")],
                    [[t.date(x.held_on), _(x.kind.label), x.topic + (" *" if x.before_joining else ""),
                      hours_text(x.minutes)] for x in e.lines])
        if any(x.before_joining for x in e.lines):
            say(_("* attended before joining, linked when they joined"))
    return 0


def _owed_text(days: int, ref: LawRef) -> str:
    text = ngettext("The bylaws ask new members to attend an orientation: not attended yet, {count} day since "
                    "joining.", "The bylaws ask new members to attend an orientation: not attended yet, {count} "
                    "days since joining.", days, count=current().number(days))
    return text + " " + _("({article})", article=ref.label(current().language))


def run_orientation(ctx: Context) -> int:
    from coopdesk.services.education.orientation import members_owing_orientation

    owed = members_owing_orientation(ctx.database(), ctx.coop().id, limit=None)
    if ctx.json:
        print_json({"required": owed.required, "total": owed.total, "article": owed.ref.label(current().language),
                    "members": [{"number": m.number, "name": m.name, "joined_on": iso(m.joined_on), "days": m.days}
                                for m in owed.members]})
        return 0
    if not owed.required:
        say(_("The bylaws do not ask new members to attend an orientation."))
        return 0
    if not owed.total:
        say(_("Every member who joined while the bylaws asked for it has attended an orientation."))
        return 0
    t = current()
    print_table([_("No."), _("Name"), _("Joined"), _("Days since joining")],
                [[str(m.number), m.name, t.date(m.joined_on), t.number(m.days)] for m in owed.members],
                right=(0, 3))
    return 0


# -- the year -----------------------------------------------------------------------------

def run_report(ctx: Context) -> int:
    from coopdesk.services.education.report import current_year, education_year

    db, coop = ctx.database(), ctx.coop()
    r = education_year(db, coop.id, ctx.args.year or current_year(db, coop.id))
    share = r.share
    if ctx.json:
        print_json({"year": r.year, "first_day": iso(r.first_day), "last_day": iso(r.last_day),
                    "sessions": len(r.sessions), "minutes": r.minutes, "attendances": r.attendances,
                    "person_minutes": r.person_minutes, "members_at_end": r.members_at_end,
                    "members_reached": r.members_reached,
                    "share": None if share is None else f"{share.numerator}/{share.denominator}",
                    "by_kind": [{"kind": k.kind.value, "sessions": k.sessions, "minutes": k.minutes,
                                 "attendances": k.attendances} for k in r.by_kind],
                    "by_type": [{"member_type": x.member_type, "attendances": x.attendances, "people": x.people,
                                 "person_minutes": x.person_minutes} for x in r.by_type]})
        return 0
    t = current()
    say(_("Education, fiscal year {year} ({start} – {end})", year=str(r.year), start=t.date(r.first_day),
          end=t.date(r.last_day)))
    reached = _("{reached} of {members} ({percent}%)", reached=t.number(r.members_reached),
                members=t.number(r.members_at_end), percent=t.number(r.share_percent)) if share is not None \
        else _("No member on the register")
    print_fields([(_("Sessions held"), t.number(len(r.sessions))), (_("Hours of education given"), hours_text(r.minutes)),
                  (_("Attendances"), t.number(r.attendances)),
                  (_("Hours received by attendees, together"), hours_text(r.person_minutes)),
                  (_("Members reached"), reached)])
    say()
    print_table([_("Member type"), _("Attendances"), _("People"), _("Hours received")],
                [[x.member_type if x.member_type is not None else _("Not yet members"), t.number(x.attendances),
                  t.number(x.people), hours_text(x.person_minutes)] for x in r.by_type], right=(1, 2, 3))
    return 0
