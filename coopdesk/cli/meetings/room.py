"""`coopdesk meeting notice | notice-check | check-in | check-out | proxy | attendance`.

The notice (소집통지) is checked against the Act's period (Act 28④: a meeting on the 31st
needs notice by the 23rd); a late one is refused unless ``--accept-late``, and then the
warning is kept with it.  On the day, each check-in is committed at once, one member at
a time, so a list of numbers is reported member by member.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import Context, iso, iso_date, print_json, print_table, say, warn, whole_number
from coopdesk.cli.meetings.common import (
    article_of,
    attendee,
    explained,
    attendee_arg,
    clock,
    refusal_json,
    report_refusal,
    verb,
)
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.rules import Register
from coopdesk.i18n import _, current, refusal_text

if TYPE_CHECKING:
    from coopdesk.domain.meetings.notice import NoticeCheck
    from coopdesk.services.meetings.state import AttendanceView, Count, RoomState
    from coopdesk.services.meetings.notice import NoticeView

REFUSED = 3


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    notice = verb(verbs, "notice", _("Record the notice of the meeting: when and how it went out"), run_notice)
    notice.add_argument("--sent-on", type=iso_date, metavar="YYYY-MM-DD", required=True,
                        help=_("The day it went out"))
    notice.add_argument("--method", required=True, help=_("How it went out: post, text message, e-mail, ..."))
    notice.add_argument("--note", default="", help=_("A note kept with the notice"))
    notice.add_argument("--accept-late", action="store_true",
                        help=_("Record a late notice anyway; the warning is kept with it"))

    check = verb(verbs, "notice-check", _("Would a notice sent on a day be on time? Exit status 3 if late"),
                 run_notice_check)
    check.add_argument("--sent-on", type=iso_date, metavar="YYYY-MM-DD",
                       help=_("The day the notice goes out (default: today)"))

    for name, text, run in (("check-in", _("Check members in (at a board meeting: directors, by term "
                                           "number); each is recorded at once"), run_check_in),
                            ("check-out", _("Check members out as they leave"), run_check_out)):
        parser = verb(verbs, name, text, run)
        attendee_arg(parser, many=True)
        parser.add_argument("--at", type=clock, metavar="HH:MM",
                            help=_("The time on the meeting day (default: now)"))

    proxy = verb(verbs, "proxy", _("Record a proxy: a member, or a family member living with the principal"),
                 run_proxy)
    number = whole_number(1, 10**9)
    proxy.add_argument("--principal", type=number, required=True, metavar="N",
                       help=_("The number of the member who gives the proxy"))
    holder = proxy.add_mutually_exclusive_group(required=True)
    holder.add_argument("--holder", type=number, metavar="N", help=_("The number of the member who holds it"))
    holder.add_argument("--family-name", metavar="NAME", help=_("The name of the family member who holds it"))
    proxy.add_argument("--lives-with", action="store_true",
                       help=_("The family member lives with the principal (the Act asks for it)"))
    proxy.add_argument("--written-proof", action="store_true",
                       help=_("The proxy handed in written proof (a proxy form); the Act asks for it"))
    proxy.add_argument("--note", default="", help=_("A note on the proof"))

    verb(verbs, "attendance", _("Who is present, the proxies, and the quorum"), run_attendance)


# -- the notice ---------------------------------------------------------------------------

def notice_json(n: NoticeView) -> dict[str, Any]:
    return {"id": n.id, "sent_on": iso(n.sent_on), "method": n.method, "channels": [c.value for c in n.channels],
            "other": n.other, "note": n.note, "late_warning": n.late_warning, "accepted_late": n.accepted_late}


def check_json(c: NoticeCheck | None) -> dict[str, Any]:
    if c is None:
        return {"on_time": True, "latest": None, "days": None, "days_short": 0, "article": None}
    return {"on_time": c.on_time, "latest": iso(c.latest), "days": c.days, "days_short": c.days_short,
            "article": c.ref.label("en") if c.ref else None}


def run_notice(ctx: Context) -> int:
    from coopdesk.services.meetings.notice import record_notice

    a = ctx.args
    try:
        view, check = record_notice(ctx.database(), ctx.coop().id, a.meeting, a.sent_on, a.method, a.note,
                                    accept_late=a.accept_late)
    except Refusal as exc:
        if exc.field != "sent_on" or "days_short" not in exc.params:
            raise
        report_refusal(ctx, exc)
        warn(_("Nothing was recorded. To record the late notice with its warning, add --accept-late."))
        return REFUSED
    if ctx.json:
        print_json({**notice_json(view), **check_json(check)})
        return 0
    say(_("Recorded the notice of {date} ({method}).", date=current().date(view.sent_on), method=view.method))
    if check is not None and not check.on_time:
        warn(_("Recorded with the warning: {warning}", warning=_late_text(check)))
    return 0


def _late_text(c: NoticeCheck) -> str:
    """The warning of a late notice, with its dates and article, as the refusal says it."""
    message = c.warning or ""
    return refusal_text(Refusal(message, article=c.ref, **c.params))


def run_notice_check(ctx: Context) -> int:
    from coopdesk.services.meetings.notice import check_notice

    sent_on = ctx.args.sent_on or dt.date.today()
    check = check_notice(ctx.database(), ctx.coop().id, ctx.args.meeting, sent_on)
    if ctx.json:
        print_json({"sent_on": iso(sent_on), **check_json(check)})
    elif check is None:
        say(_("The Act sets no notice period for a board meeting; the bylaws do."))
    elif check.on_time:
        t = current()
        say(_("A notice sent on {date} is on time: the last day is {latest} ({days} days' notice, {article}).",
              date=t.date(sent_on), latest=t.date(check.latest), days=check.days,
              article=article_of(check.ref)))
    else:
        say(_late_text(check))
    return 0 if check is None or check.on_time else REFUSED


# -- attendance ---------------------------------------------------------------------------

def run_check_in(ctx: Context) -> int:
    from coopdesk.services.meetings.attendance import check_in

    return _each(ctx, check_in, _("Checked in: {who}"))


def run_check_out(ctx: Context) -> int:
    from coopdesk.services.meetings.attendance import check_out

    return _each(ctx, check_out, _("Checked out: {who}"))


def _each(ctx: Context, action: Any, done: str) -> int:
    """One transaction per attendee: a refused number is reported and the others still count."""
    from coopdesk.services.meetings.attendance import attendance_of, room_of
    from coopdesk.services.meetings.meeting import get_meeting

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    meeting = get_meeting(db, coop.id, a.meeting)
    register = meeting.rules.register
    at = dt.datetime.combine(meeting.held_on, a.at) if a.at is not None else None
    count, reports, refused = None, [], False
    for key in a.keys:
        try:
            state = action(db, coop.id, a.meeting, key, at)
        except Refusal as exc:
            refused = True
            reports.append({"key": key, "ok": False, **refusal_json(exc)})
            warn(_("{who}: {problem}", who=_key_label(register, key), problem=refusal_text(exc)))
            continue
        count, name = state.attendance, _name_in(state, key)
        reports.append({"key": key, "ok": True, "name": name})
        if not ctx.json:
            say(done.format(who=attendee(register, key, name)))
    if ctx.json:
        print_json({"results": reports, "attendance": attendance_json(attendance_of(db, coop.id, a.meeting))})
    else:
        print_attendance_summary(count or room_of(db, coop.id, a.meeting).attendance)
    return REFUSED if refused else 0


def _name_in(state: RoomState, key: int) -> str:
    """The name of ``key`` as the action's changed lines give it."""
    return next((line.name for line in state.lines if line.key == key), "")


def _key_label(register: Register, key: int) -> str:
    return _("Term {id}", id=key) if register is Register.DIRECTORS else _("Member {number}", number=key)


def run_proxy(ctx: Context) -> int:
    from coopdesk.services.meetings.attendance import add_proxy

    a = ctx.args
    from coopdesk.services.meetings.attendance import attendance_of

    db, coop_id = ctx.database(), ctx.coop().id
    state = add_proxy(db, coop_id, a.meeting, a.principal, holder=a.holder, family_name=a.family_name or "",
                      lives_with_principal=a.lives_with, written_proof=a.written_proof, note=a.note)
    if ctx.json:
        print_json(attendance_json(attendance_of(db, coop_id, a.meeting)))
        return 0
    register = state.attendance.register
    principal = attendee(register, a.principal, _name_in(state, a.principal))
    holder = attendee(register, a.holder, _name_in(state, a.holder)) if a.holder else a.family_name
    say(_("Recorded: {holder} holds the proxy of {principal}.", holder=holder, principal=principal))
    print_attendance_summary(state.attendance)
    return 0


def run_attendance(ctx: Context) -> int:
    from coopdesk.services.meetings.attendance import attendance_of

    room = attendance_of(ctx.database(), ctx.coop().id, ctx.args.meeting)
    if ctx.json:
        print_json(attendance_json(room))
        return 0
    print_table([_("No."), _("Name"), _("Present")],
                [[str(k), room.names.get(k, ""), _("in person")] for k in room.in_person] +
                [[str(p.principal), p.principal_name,
                  _("by proxy: {holder}", holder=p.holder_name) if p.counts
                  else _("by proxy: {holder} (not here)", holder=p.holder_name)] for p in room.proxies],
                right=(0,))
    if room.register is Register.DIRECTORS:
        say(_("Numbers are the directors' term numbers."))
    print_attendance_summary(room.count)
    return 0


def attendance_json(room: AttendanceView) -> dict[str, Any]:
    q = room.quorum
    return {"members": room.members, "present": room.present, "in_person": len(room.in_person),
            "by_proxy": room.by_proxy, "quorum_reached": q.reached, "quorum": q.statement.english(),
            "quorum_article": q.ref.label("en"), "quorum_needed": q.needed, "quorum_missing": q.missing,
            "register": q.register.value,
            "attendees": [{"key": k, "name": room.names.get(k, "")} for k in room.in_person],
            "proxies": [{"principal": p.principal, "principal_name": p.principal_name, "holder": p.holder,
                         "holder_name": p.holder_name, "counts": p.counts} for p in room.proxies]}


def print_attendance_summary(room: Count) -> None:
    """The live count, as the meeting screen shows it in large type."""
    t, q = current(), room.quorum
    if not room.proxies_allowed:
        say(_("Directors present: {present} of {members} in office.", present=t.number(room.present),
              members=t.number(room.members)))
    else:
        say(_("Present: {present} of {members} ({in_person} in person, {by_proxy} by proxy).",
              present=t.number(room.present), members=t.number(room.members),
              in_person=t.number(room.in_person), by_proxy=t.number(room.by_proxy)))
    rule = explained(q.statement, q.ref)
    if q.reached:
        say(_("The quorum is reached: {rule}", rule=rule))
        return
    say(_("The quorum is not reached: {rule}", rule=rule))
    if q.needed is not None:
        say(_("{needed} needed, {missing} more to come", needed=t.number(q.needed), missing=t.number(q.missing)))
