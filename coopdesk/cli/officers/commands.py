"""`coopdesk officer add | edit | list | end | check`: the officer register (임원 명부).

``officer check`` exits 0 when the register meets the Act on the day and 3 when it
breaches it, so a script can test the register before an assembly.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import Context, iso, iso_date, print_json, print_table, say, whole_number
from coopdesk.domain.officers.terms import CHOSEN_BY_LABELS, OFFICE_LABELS, ChosenBy, Office
from coopdesk.i18n import _, current, refusal_text

if TYPE_CHECKING:
    from coopdesk.domain.officers.register import RegisterProblem
    from coopdesk.services.officers.terms import OfficerView, RegisterCheck

BREACH = 3  # the register breaks the Act: the same status as a refusal


def add_verbs(officer: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk officer``."""
    verbs = officer.add_subparsers(dest="verb", required=True, metavar="VERB")
    term_id = whole_number(1, 10**9)

    add = verbs.add_parser("add", help=_("Record an officer's term; prints its number"))
    _term_arguments(add, required=True)
    add.set_defaults(run=run_add)

    edit = verbs.add_parser("edit", help=_("Correct a term; only the options given change"))
    edit.add_argument("id", type=term_id, help=_("Number of the term"))
    _term_arguments(edit, required=False)
    edit.set_defaults(run=run_edit)

    listing = verbs.add_parser("list", help=_("The officers' terms"))
    listing.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD",
                         help=_("Only the officers in office on this day"))
    listing.set_defaults(run=run_list)

    end = verbs.add_parser("end", help=_("Record that an officer left before the end of the term"))
    end.add_argument("id", type=term_id, help=_("Number of the term"))
    end.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", required=True,
                     help=_("The officer's last day in office"))
    end.add_argument("--note", default="", help=_("Why the officer left"))
    end.set_defaults(run=run_end)

    check = verbs.add_parser("check", help=_("Check the register against the Act and the bylaws; "
                                             "exit status 3 when it breaks the Act"))
    check.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("The day to check (default: today)"))
    check.set_defaults(run=run_check)


def _term_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--office", required=required, choices=[o.value for o in Office], help=_("The office"))
    who = parser.add_mutually_exclusive_group(required=required)
    who.add_argument("--member", type=whole_number(1, 10**9), metavar="N", help=_("The officer's member number"))
    who.add_argument("--name", help=_("The name of an officer who is not a member"))
    parser.add_argument("--start", type=iso_date, metavar="YYYY-MM-DD", required=required,
                        help=_("First day of the term"))
    parser.add_argument("--end", type=iso_date, metavar="YYYY-MM-DD", required=required,
                        help=_("Last day of the term"))
    parser.add_argument("--chosen-by", choices=[c.value for c in ChosenBy],
                        help=_("How the officer was chosen (default: elected)"))
    parser.add_argument("--predecessor-end", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("For a vacancy: the last day of the predecessor's term"))
    parser.add_argument("--note", help=_("A note kept with the term"))


def term_json(v: OfficerView) -> dict[str, Any]:
    t, today = v.term, dt.date.today()
    return {"id": v.id, "office": t.office.value, "member": t.person.member_number, "name": v.name,
            "start": iso(t.start), "end": iso(t.end), "chosen_by": t.chosen_by.value,
            "predecessor_end": iso(t.predecessor_end), "left_on": iso(t.left_on), "note": v.note,
            "status": v.status_on(today).value}


def run_add(ctx: Context) -> int:
    from coopdesk.services.officers.terms import TermInput, add_term

    a, coop = ctx.args, ctx.coop()
    given = TermInput(Office(a.office), a.start, a.end, member_number=a.member, name=a.name or "",
                      chosen_by=ChosenBy(a.chosen_by or "elected"), predecessor_end=a.predecessor_end,
                      note=a.note or "")
    view = add_term(ctx.database(), coop.id, given)
    if ctx.json:
        print_json(term_json(view))
    else:
        say(str(view.id))
    return 0


def run_edit(ctx: Context) -> int:
    from coopdesk.services.officers.terms import TermInput, edit_term, get_term

    a, coop = ctx.args, ctx.coop()
    old = get_term(ctx.database(), coop.id, a.id)
    t = old.term
    member, name = t.person.member_number, (t.person.name if t.person.member_number is None else "")
    if a.member is not None or a.name is not None:
        member, name = a.member, a.name or ""
    given = TermInput(
        Office(a.office) if a.office else t.office, a.start or t.start, a.end or t.end, member_number=member,
        name=name, chosen_by=ChosenBy(a.chosen_by) if a.chosen_by else t.chosen_by,
        predecessor_end=a.predecessor_end or t.predecessor_end, note=old.note if a.note is None else a.note)
    view = edit_term(ctx.database(), coop.id, a.id, given)
    return _print_terms(ctx, [view])


def run_list(ctx: Context) -> int:
    from coopdesk.services.officers.terms import list_terms

    views = list_terms(ctx.database(), ctx.coop().id)
    if ctx.args.on is not None:
        views = [v for v in views if v.term.serves_on(ctx.args.on)]
    return _print_terms(ctx, views, ctx.args.on)


def _print_terms(ctx: Context, views: list[OfficerView], on: dt.date | None = None) -> int:
    if ctx.json:
        print_json([term_json(v) for v in views])
        return 0
    t, day = current(), on or dt.date.today()
    print_table([_("No."), _("Office"), _("Name"), _("Member"), _("Start"), _("End"), _("Chosen by"),
                 _("Status")],
                [[str(v.id), _(OFFICE_LABELS[v.term.office]), v.name,
                  str(v.term.person.member_number or ""), t.date(v.term.start), t.date(v.term.last_day),
                  _(CHOSEN_BY_LABELS[v.term.chosen_by]), _(v.status_on(day).label)] for v in views],
                right=(0, 3))
    return 0


def run_end(ctx: Context) -> int:
    from coopdesk.services.officers.terms import end_term

    a = ctx.args
    view = end_term(ctx.database(), ctx.coop().id, a.id, a.on, a.note)
    if ctx.json:
        print_json(term_json(view))
    else:
        say(_("{name} left the office on {date}.", name=view.name, date=current().date(a.on)))
    return 0


def run_check(ctx: Context) -> int:
    from coopdesk.services.officers.terms import register_check

    check = register_check(ctx.database(), ctx.coop().id, ctx.args.on)
    if ctx.json:
        print_json(check_json(check))
    else:
        _print_check(check)
    return 0 if check.meets_act else BREACH


def _problem_json(p: RegisterProblem) -> dict[str, Any]:
    r = p.refusal
    return {"message": refusal_text(r), "article": r.article.label(current().language) if r.article else None}


def check_json(c: RegisterCheck) -> dict[str, Any]:
    lang = current().language
    return {
        "on": iso(c.on), "meets_act": c.meets_act, "members": c.member_count,
        "breaches": [_problem_json(p) for p in c.breaches],
        "warnings": [_problem_json(p) for p in c.warnings],
        "terms_ending": [{"name": w.term.person.label, "office": w.term.office.value, "end": iso(w.term.end),
                          "days_left": w.days_left} for w in c.ending],
        "board_required": c.board.required,
        "board": _(c.board.message, **c.board.params) + " " + _("({article})", article=c.board.article.label(lang)),
    }


def _print_check(c: RegisterCheck) -> None:
    say(_("The officer register on {date}:", date=current().date(c.on)))
    if c.meets_act:
        say(_("It meets the Act."))
    for p in c.breaches:
        say(_("Breach of the Act: {problem}", problem=refusal_text(p.refusal)))
    for p in c.warnings:
        say(_("Bylaws: {problem}", problem=refusal_text(p.refusal)))
    for w in c.ending:
        say(_(w.message, **{**w.params, "end": current().date(w.term.end)}))
    lang = current().language
    say(_(c.board.message, **c.board.params) + " " + _("({article})", article=c.board.article.label(lang)))
