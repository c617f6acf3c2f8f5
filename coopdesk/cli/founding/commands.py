"""`coopdesk founding start | status | settings | founder add | consenter add | list | edit | remove |
meeting | meetings | link-meeting | notice | course | plan | record (report | certificate | capital-paid |
handover | registration)`.

The co-op is created first (``coopdesk init``), then put into founding; founders and consenters
are numbered as they are added, and keep their number as members on registration.  The founding
meeting is an ordinary meeting of ``coopdesk meeting`` and ``coopdesk election`` once created
here: check in, proxies, votes and elections work on its register, the consenters.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from coopdesk.cli.common import (
    Context, UsageError, iso, iso_date, print_fields, print_json, print_table, say, whole_number,
)
from coopdesk.i18n import _, current, refusal_text

_number = whole_number(1, 10**9)
_SIGN = {"met": "✓", "warning": "!", "unmet": "✗"}
_TABLES = {"business-plan": "business_plan", "income": "income", "expense": "expense",
           "founding-expenses": "founding_expenses"}


def add_verbs(founding: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk founding``."""
    founding.description = _("Founding a co-op: founders and consenters, the founding meeting and its public "
                             "notice, the filing and the registration, on which the consenters become members.")
    verbs = founding.add_subparsers(dest="verb", required=True, metavar="VERB", title=_("commands"))
    start = verbs.add_parser("start", help=_("Put the co-op (created with \u201ccoopdesk init\u201d) into founding"))
    start.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help=_("The day the founding starts "
                                                                             "(default: today)"))
    _settings_options(start)
    start.set_defaults(run=run_start)
    settings = verbs.add_parser("settings", help=_("The ministry's name and the city or province filed with"))
    _settings_options(settings)
    settings.set_defaults(run=run_settings)
    verbs.add_parser("status", help=_("The stage, the dates, the people and every check with its article")
                     ).set_defaults(run=run_status)
    _people_verbs(verbs)
    _meeting_verbs(verbs)
    _record_verbs(verbs)


def _settings_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ministry", metavar="NAME",
                        help=_("The ministry in charge of the Act, as the papers print it (default: 기획예산처)"))
    parser.add_argument("--authority", metavar="NAME", help=_("The city or province the co-op files with"))


def _people_verbs(verbs: argparse._SubParsersAction) -> None:
    founder = verbs.add_parser("founder", help=_("Founders (발기인): consenters marked as founders"))
    actions = founder.add_subparsers(dest="action", required=True, metavar="ACTION", title=_("commands"))
    add = actions.add_parser("add", help=_("Add a founder with the shares they subscribe; prints their number"))
    _person_options(add, required=True)
    add.add_argument("--representative", action="store_true", help=_("They represent the founders"))
    add.set_defaults(run=run_add, founder=True)
    rep = actions.add_parser("representative", help=_("Name the founders' representative"))
    rep.add_argument("number", type=_number, metavar="NUMBER")
    rep.set_defaults(run=run_representative)

    consenter = verbs.add_parser("consenter", help=_("Consenters (설립동의자): the founding meeting's register"))
    actions = consenter.add_subparsers(dest="action", required=True, metavar="ACTION", title=_("commands"))
    add = actions.add_parser("add", help=_("Add a consenter with the shares they subscribe; prints their number"))
    _person_options(add, required=True)
    add.add_argument("--founder", action="store_true", help=_("They are one of the founders"))
    add.set_defaults(run=run_add, representative=False)
    listing = actions.add_parser("list", help=_("The founders and consenters, by number"))
    listing.add_argument("--founders", action="store_true", help=_("Only the founders"))
    listing.add_argument("--withdrawn", action="store_true", help=_("With the consents withdrawn"))
    listing.set_defaults(run=run_list)
    edit = actions.add_parser("edit", help=_("Correct a consenter; only the options given change"))
    edit.add_argument("number", type=_number, metavar="NUMBER")
    _person_options(edit, required=False)
    edit.add_argument("--founder", choices=("yes", "no"), default=argparse.SUPPRESS,
                      help=_("Mark or unmark them as a founder"))
    edit.set_defaults(run=run_edit)
    remove = actions.add_parser("remove", help=_("Record a consent withdrawn: off the founding meeting's "
                                                 "register, their ledger entries reversed"))
    remove.add_argument("number", type=_number, metavar="NUMBER")
    remove.add_argument("--date", type=iso_date, required=True, metavar="YYYY-MM-DD")
    remove.add_argument("--reason", required=True)
    remove.set_defaults(run=run_remove)


def _person_options(parser: argparse.ArgumentParser, required: bool) -> None:
    keep: dict[str, Any] = {} if required else {"default": argparse.SUPPRESS}
    parser.add_argument("--name", required=required, **keep)
    parser.add_argument("--type", dest="member_type", required=required, metavar="TYPE",
                        help=_("Their member type (stakeholder type of a social co-op)"), **keep)
    parser.add_argument("--consented", type=iso_date, required=required, metavar="YYYY-MM-DD",
                        help=_("The day they handed in the consent form"), **keep)
    parser.add_argument("--shares", type=_number, required=required, metavar="N",
                        help=_("Shares subscribed"), **keep)
    parser.add_argument("--birth-date", type=iso_date, metavar="YYYY-MM-DD", **keep)
    for option in ("--phone", "--email", "--address", "--notes"):
        parser.add_argument(option, **keep)


def _meeting_verbs(verbs: argparse._SubParsersAction) -> None:
    meeting = verbs.add_parser("meeting", help=_("Create the founding meeting with its four matters on the agenda"))
    meeting.add_argument("--date", type=iso_date, required=True, metavar="YYYY-MM-DD")
    meeting.add_argument("--time", type=_clock, metavar="HH:MM")
    meeting.add_argument("--place", required=True)
    meeting.add_argument("--title", help=_("Its title (default: the co-op's name and 창립총회)"))
    meeting.add_argument("--chair", metavar="NAME", help=_("Who chairs the meeting"))
    meeting.add_argument("--convened-by", metavar="NAME", help=_("Default: the founders' representative"))
    meeting.set_defaults(run=run_meeting)
    verbs.add_parser("meetings", help=_("The co-op's meetings: which can be linked as the founding meeting, and "
                                        "why the others cannot")).set_defaults(run=run_meetings)
    link = verbs.add_parser("link-meeting", help=_("Link a founding meeting created with \u201ccoopdesk meeting "
                                                   "create\u201d as the founding's meeting"))
    link.add_argument("meeting", type=_number, metavar="MEETING", help=_("The meeting's number"))
    link.set_defaults(run=run_link_meeting)
    notice = verbs.add_parser("notice", help=_("Record the public notice of the founding meeting (Act 15②)"))
    notice.add_argument("--posted", type=iso_date, required=True, metavar="YYYY-MM-DD",
                        help=_("The day it was posted"))
    notice.add_argument("--place", required=True, help=_("Where it was posted"))
    notice.add_argument("--qualifications", required=True, help=_("Who may become a member, as the notice says"))
    notice.set_defaults(run=run_notice)
    course = verbs.add_parser("course", help=_("Link the founding course (an education session)"))
    course.add_argument("session", type=_number, metavar="SESSION")
    course.set_defaults(run=run_course)
    plan = verbs.add_parser("plan", help=_("Replace a table: the business plan, the budget's income or expenses, "
                                           "or the founding expenses"))
    plan.add_argument("table", choices=list(_TABLES))
    plan.add_argument("--line", action="append", default=[], metavar="ITEM|DETAIL|WON[|public]",
                      help=_("One line (repeat); \u201cpublic\u201d marks public-benefit business"))
    plan.set_defaults(run=run_plan)


def _record_verbs(verbs: argparse._SubParsersAction) -> None:
    record = verbs.add_parser("record", help=_("Record a step after the founding meeting"))
    steps = record.add_subparsers(dest="step", required=True, metavar="STEP", title=_("steps"))
    helps = {"report": _("The report filed with the city or province (a social co-op: authorisation applied "
                         "for)"),
             "certificate": _("The certificate of report (a social co-op: the authorisation) received"),
             "capital-paid": _("The capital paid in: every consenter's unpaid subscription paid on that day"),
             "handover": _("The business handed over to the chair (Act 18)"),
             "registration": _("The registration at the registry: every consenter becomes a member")}
    for step, text in helps.items():
        parser = steps.add_parser(step, help=text)
        parser.add_argument("--date", type=iso_date, required=True, metavar="YYYY-MM-DD")
        if step == "certificate":
            parser.add_argument("--number", required=True, help=_("The number the certificate carries"))
        if step == "report":
            parser.add_argument("--authority", metavar="NAME", help=_("The city or province filed with"))
        parser.set_defaults(run=run_record)


def _clock(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("Give a time as HH:MM.")) from None


# -- running ------------------------------------------------------------------------------------

def run_start(ctx: Context) -> int:
    from coopdesk.services.founding.start import DEFAULT_MINISTRY, begin_founding

    a = ctx.args
    view = begin_founding(ctx.database(), ctx.coop().id, started_on=a.date or dt.date.today(),
                          ministry=a.ministry or DEFAULT_MINISTRY, authority=a.authority or "")
    return _print_view(ctx, view)


def run_settings(ctx: Context) -> int:
    from coopdesk.services.founding.start import edit_settings, get_founding
    from coopdesk.services.founding.views import FoundingSettings

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    old = get_founding(db, coop.id)
    view = edit_settings(db, coop.id, FoundingSettings(a.ministry or old.ministry,
                                                       old.authority if a.authority is None else a.authority))
    return _print_view(ctx, view)


def run_status(ctx: Context) -> int:
    from coopdesk.services.founding.start import get_founding

    return _print_view(ctx, get_founding(ctx.database(), ctx.coop().id))


def run_add(ctx: Context) -> int:
    from coopdesk.services.founding.people import add_consenter, set_representative
    from coopdesk.services.founding.views import PersonInput

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    given = PersonInput(a.name, a.member_type, a.consented, a.shares, a.birth_date, a.phone or "", a.email or "",
                        a.address or "", a.notes or "", bool(a.founder))
    person = add_consenter(db, coop.id, given)
    if a.representative:
        set_representative(db, coop.id, person.number)
    if ctx.json:
        print_json(_person_json(person))
    else:
        say(str(person.number))
    return 0


def run_representative(ctx: Context) -> int:
    from coopdesk.services.founding.people import set_representative

    return _print_view(ctx, set_representative(ctx.database(), ctx.coop().id, ctx.args.number))


def run_list(ctx: Context) -> int:
    from coopdesk.services.founding.people import list_consenters

    a = ctx.args
    people = list_consenters(ctx.database(), ctx.coop().id, founders_only=a.founders, withdrawn_too=a.withdrawn)
    if ctx.json:
        print_json([_person_json(p) for p in people])
        return 0
    t = current()
    print_table([_("No."), _("Name"), _("Type"), _("Consented"), _("Founder"), _("Shares"), _("Subscribed"),
                 _("Paid"), _("Status")],
                [[str(p.number), p.name, p.member_type, t.date(p.consented_on),
                  _("representative") if p.representative else (_("founder") if p.founder else ""),
                  t.number(p.shares), t.money(p.subscribed_won), t.money(p.paid_won), _(p.status.label)]
                 for p in people], right=(0, 5, 6, 7))
    return 0


def run_edit(ctx: Context) -> int:
    from coopdesk.services.founding.people import edit_consenter, get_consenter
    from coopdesk.services.founding.views import PersonInput

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    old = get_consenter(db, coop.id, a.number)
    values = {"name": old.name, "member_type": old.member_type, "consented_on": old.consented_on,
              "shares": old.shares, "birth_date": old.birth_date, "phone": old.phone, "email": old.email,
              "address": old.address, "founder": old.founder}
    for option, field in (("name", "name"), ("member_type", "member_type"), ("consented", "consented_on"),
                          ("shares", "shares"), ("birth_date", "birth_date"), ("phone", "phone"),
                          ("email", "email"), ("address", "address"), ("notes", "notes")):
        if option in a:
            values[field] = getattr(a, option)
    if "founder" in a:
        values["founder"] = a.founder == "yes"
    person = edit_consenter(db, coop.id, a.number, PersonInput(**values))  # type: ignore[arg-type]
    if ctx.json:
        print_json(_person_json(person))
    else:
        say(_("Consenter {number} {name} changed.", number=person.number, name=person.name))
    return 0


def run_remove(ctx: Context) -> int:
    from coopdesk.services.founding.people import remove_consenter

    a = ctx.args
    person = remove_consenter(ctx.database(), ctx.coop().id, a.number, on=a.date, reason=a.reason)
    if ctx.json:
        print_json(_person_json(person))
    else:
        say(_("{name} withdrew their consent on {date}.", name=person.name, date=current().date(a.date)))
    return 0


def run_meeting(ctx: Context) -> int:
    from coopdesk.services.founding.meeting import create_founding_meeting
    from coopdesk.services.founding.views import FoundingMeetingInput

    a, coop = ctx.args, ctx.coop()
    given = FoundingMeetingInput(a.title or f"{coop.name} 창립총회", a.date, a.place, a.time, a.convened_by or "",
                                 a.chair or "")
    return _print_view(ctx, create_founding_meeting(ctx.database(), coop.id, given))


def run_meetings(ctx: Context) -> int:
    from coopdesk.services.founding.meeting import meeting_choices

    choices = meeting_choices(ctx.database(), ctx.coop().id)
    if ctx.json:
        print_json([{"id": c.id, "title": c.title, "kind": c.kind.value, "held_on": iso(c.held_on), "place": c.place,
                     "qualifies": c.qualifies, "refusal": refusal_text(c.refusal) if c.refusal else None}
                    for c in choices])
        return 0
    t = current()
    print_table([_("No."), _("Date"), _("Kind"), _("Title"), _("Can be linked")],
                [[str(c.id), t.date(c.held_on), _(c.kind.label), c.title,
                  _("yes") if c.refusal is None else refusal_text(c.refusal)] for c in choices], right=(0,))
    return 0


def run_link_meeting(ctx: Context) -> int:
    from coopdesk.services.founding.meeting import link_meeting

    return _print_view(ctx, link_meeting(ctx.database(), ctx.coop().id, ctx.args.meeting))


def run_notice(ctx: Context) -> int:
    from coopdesk.services.founding.meeting import record_notice
    from coopdesk.services.founding.views import NoticeInput

    a = ctx.args
    return _print_view(ctx, record_notice(ctx.database(), ctx.coop().id,
                                          NoticeInput(a.posted, a.place, a.qualifications)))


def run_course(ctx: Context) -> int:
    from coopdesk.services.founding.meeting import link_course

    return _print_view(ctx, link_course(ctx.database(), ctx.coop().id, ctx.args.session))


def run_plan(ctx: Context) -> int:
    from coopdesk.domain.founding.plans import PlanTable
    from coopdesk.services.founding.plans import set_lines

    a = ctx.args
    lines = set_lines(ctx.database(), ctx.coop().id, PlanTable(_TABLES[a.table]), [_line(x) for x in a.line])
    if ctx.json:
        print_json([{"position": v.position, "item": v.line.item, "detail": v.line.detail, "amount": v.line.amount,
                     "public_benefit": v.line.public_benefit} for v in lines])
        return 0
    t = current()
    print_table([_("No."), _("Item"), _("Detail"), _("Amount")],
                [[str(v.position), v.line.item + (" *" if v.line.public_benefit else ""), v.line.detail,
                  t.money(v.line.amount)] for v in lines], right=(0, 3))
    return 0


def _line(text: str) -> Any:
    from coopdesk.domain.founding.plans import PlanLine

    parts = [p.strip() for p in text.split("|")]
    if len(parts) < 3 or len(parts) > 4 or (len(parts) == 4 and parts[3] not in ("public", "")):
        raise UsageError(_("A line is ITEM|DETAIL|WON, with |public for public-benefit business: {line}", line=text))
    try:
        amount = int(parts[2].replace(",", "") or 0)
    except ValueError:
        raise UsageError(_("A line is ITEM|DETAIL|WON, with |public for public-benefit business: {line}",
                           line=text)) from None
    return PlanLine(parts[0], parts[1], amount, len(parts) == 4 and parts[3] == "public")


def run_record(ctx: Context) -> int:
    from coopdesk.services.founding import filing

    a, db, coop_id = ctx.args, ctx.database(), ctx.coop().id
    if a.step == "report":
        view = filing.record_filing(db, coop_id, on=a.date, authority=a.authority)
    elif a.step == "certificate":
        view = filing.record_certificate(db, coop_id, on=a.date, number=a.number)
    elif a.step == "capital-paid":
        view = filing.record_capital_paid(db, coop_id, on=a.date)
    elif a.step == "handover":
        view = filing.record_handover(db, coop_id, on=a.date)
    else:
        result = filing.record_registration(db, coop_id, on=a.date)
        if ctx.json:
            print_json({**_view_json(result.founding), "admitted": [
                {"number": m.number, "name": m.name, "shares": m.shares, "paid": m.paid_won}
                for m in result.admitted]})
            return 0
        say(_("Registered on {date}: {count} consenters are members from that day.",
              date=current().date(a.date), count=current().number(len(result.admitted))))
        view = result.founding
    return _print_view(ctx, view)


# -- showing ------------------------------------------------------------------------------------

def _print_view(ctx: Context, view: Any) -> int:
    from coopdesk.services.founding.wording import check_text

    if ctx.json:
        print_json(_view_json(view))
        return 0
    t, d = current(), view.dates
    steps = [(_("Public notice"), d.notice_on), (_("Founding meeting"), d.meeting_on),
             (_("Authorisation applied for") if view.social else _("Report filed"), d.filed_on),
             (_("Authorisation received") if view.social else _("Certificate received"), d.certified_on),
             (_("Handed over to the chair"), d.handed_over_on), (_("Capital paid"), d.capital_paid_on),
             (_("Registered"), d.registered_on)]
    print_fields([(_("Co-op"), view.coop_name), (_("Stage"), _(view.stage.label)),
                  (_("Ministry"), view.ministry), (_("Filed with"), view.authority),
                  (_("Founders"), t.number(view.founders)), (_("Consenters"), t.number(view.consenters)),
                  (_("Shares subscribed"), f"{t.number(view.shares)} ({t.money(view.subscribed_won)})"),
                  (_("Paid in"), t.money(view.paid_won)),
                  *[(label, t.date(day) if day else "\u2014") for label, day in steps]])
    say()
    for c in (*view.checks, *([view.deadline] if view.deadline else [])):
        say(f"{_SIGN[c.level.value]} {check_text(c, t)}")
    return 0


def _view_json(view: Any) -> dict[str, Any]:
    from coopdesk.services.founding.wording import check_message

    d = view.dates
    return {"coop": view.coop_id, "name": view.coop_name, "kind": view.kind.value, "stage": view.stage.value,
            "ministry": view.ministry, "authority": view.authority, "started_on": iso(view.started_on),
            "notice": {"posted_on": iso(view.notice.posted_on), "place": view.notice.place,
                       "qualifications": view.notice.qualifications},
            "meeting": view.meeting.id if view.meeting else None, "course": view.course.id if view.course else None,
            "dates": {k: iso(getattr(d, k)) for k in ("notice_on", "meeting_on", "filed_on", "certified_on",
                                                      "handed_over_on", "capital_paid_on", "registered_on")},
            "certificate_number": view.certificate_number, "representative": view.representative,
            "founders": view.founders, "consenters": view.consenters, "shares": view.shares,
            "subscribed": view.subscribed_won, "paid": view.paid_won,
            "checks": [_check_json(c, check_message(c)) for c in view.checks],
            "deadline": _check_json(view.deadline, check_message(view.deadline)) if view.deadline else None}


def _check_json(c: Any, message: str) -> dict[str, Any]:
    return {"rule": c.rule.value, "level": c.level.value, "message": message,
            "article": c.article.label("en") if c.article else None}


def _person_json(p: Any) -> dict[str, Any]:
    return {"number": p.number, "name": p.name, "member_type": p.member_type, "birth_date": iso(p.birth_date),
            "phone": p.phone, "email": p.email, "address": p.address, "consented_on": iso(p.consented_on),
            "founder": p.founder, "representative": p.representative, "shares": p.shares,
            "subscribed": p.subscribed_won, "paid": p.paid_won, "status": p.status.value,
            "withdrawn_on": iso(p.withdrawn_on)}
