"""`coopdesk election ...`: an officer election held as an agenda item, from the call to the result.

This module makes the area and the verbs that set the election up (create, show, contest add,
candidate add|accept|withdraw, open); the voting, counting and result are in ``voting``.  A
script runs a whole election with them, one command per thing the secretary records, each its
own transaction.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from coopdesk.cli.common import (
    Context,
    UsageError,
    iso_date,
    print_fields,
    print_json,
    print_table,
    say,
)
from coopdesk.cli.elections import voting as election_voting_cmds
from coopdesk.cli.elections.common import (
    candidate_of,
    contest_json,
    contest_of,
    contest_option,
    election_json,
    load,
    office_seats,
    state_text,
    verb,
)
from coopdesk.cli.meetings.common import item_at
from coopdesk.domain.elections.contest import METHOD_LABELS
from coopdesk.domain.elections.stages import VOTING_LABELS, ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import OFFICE_LABELS
from coopdesk.i18n import N_, _, current

if TYPE_CHECKING:
    from coopdesk.services.elections.views import ElectionView


def add_verbs(election: argparse.ArgumentParser) -> None:
    """The commands of ``coopdesk election``."""
    election.description = _("Hold an officer election as an agenda item: contests, candidates, secret ballot on "
                             "the screen or paper ballots counted by two tellers, the result. Elections are named "
                             "by number; contests by number or by office (director, auditor, chair).")
    verbs = election.add_subparsers(dest="verb", required=True, metavar="VERB", title=_("commands"))

    create = verbs.add_parser("create", help=_("Call an election on a meeting's officer-election item; prints its "
                                               "number"))
    create.add_argument("meeting", type=int, metavar="MEETING", help=_("Number of the meeting"))
    create.add_argument("--item", type=int, required=True, metavar="ITEM",
                        help=_("The officer-election item's place on the agenda"))
    create.add_argument("--voting", choices=[m.value for m in VotingMethod], default=VotingMethod.SCREEN.value,
                        help=_("Secret ballot on this computer's screen, or paper ballots (default: screen)"))
    create.add_argument("--announced-on", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The day the election was announced (the campaign limits apply from then)"))
    create.add_argument("--candidacy-from", type=iso_date, metavar="YYYY-MM-DD", help=_("Candidacy opens"))
    create.add_argument("--candidacy-to", type=iso_date, metavar="YYYY-MM-DD", help=_("Candidacy closes"))
    create.add_argument("--committee", action="append", default=[], metavar="NAME",
                        help=_("A member of the election committee (repeat for each)"))
    create.add_argument("--contest", type=office_seats, action="append", default=[], metavar="OFFICE:SEATS",
                        help=_("An office to fill and its seats, e.g. director:3 (repeat for each)"))
    create.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=_("Machine-readable output"))
    create.set_defaults(run=run_create)

    verb(verbs, "show", _("The election: its contests, their state and candidates"), run_show)

    contest = verbs.add_parser("contest", help=_("Add an office to fill")).add_subparsers(
        dest="contest_verb", required=True, metavar="VERB")
    added = verb(contest, "add", _("Add an office to fill (the chair, after the directors are decided)"),
                 run_contest_add)
    added.add_argument("office", type=office_seats, metavar="OFFICE:SEATS", help=_("e.g. chair:1"))
    _term_options(added)

    candidate = verbs.add_parser("candidate", help=_("Register, accept or withdraw candidates")).add_subparsers(
        dest="candidate_verb", required=True, metavar="VERB")
    add = verb(candidate, "add", _("Register a candidate: a member by number, or (auditors, where the bylaws "
                                   "allow) a person by name"), run_candidate_add)
    contest_option(add)
    who = add.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", type=int, metavar="N", help=_("The candidate's member number"))
    who.add_argument("--name", help=_("The name of a candidate who is not a member"))
    add.add_argument("--birth-date", type=iso_date, metavar="YYYY-MM-DD", help=_("A non-member's birth date"))
    add.add_argument("--registered-on", type=iso_date, metavar="YYYY-MM-DD",
                     help=_("The day of registration (default: today, or election day if that is past)"))
    add.add_argument("--accepted-on", type=iso_date, metavar="YYYY-MM-DD",
                     help=_("The day the candidate accepted to stand"))
    for name, text, run in (("accept", _("Record that a candidate accepted to stand"), run_candidate_accept),
                            ("withdraw", _("Withdraw a candidate (kept on record)"), run_candidate_withdraw)):
        parser = verb(candidate, name, text, run)
        contest_option(parser)
        parser.add_argument("key", type=int, metavar="CANDIDATE",
                            help=_("The candidate's member number (a non-member: the number shown, with a minus)"))
        parser.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("The day (default: today, or election day if that is past)"))

    opened = verb(verbs, "open", _("Open voting: candidates are frozen and ballots accepted"), run_open)
    contest_option(opened, required=False, many=True)
    election_voting_cmds.add_parsers(verbs)


def _term_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--term-start", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The first day of the term (default: the meeting day)"))
    parser.add_argument("--term-end", type=iso_date, metavar="YYYY-MM-DD",
                        help=_("The last day of the term (default: the bylaws' term)"))


# -- setting up -----------------------------------------------------------------------------

def run_create(ctx: Context) -> int:
    from coopdesk.services.elections.calling import create_election
    from coopdesk.services.elections.views import ContestInput, ElectionInput

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    item = item_at(ctx, a.meeting, a.item)
    given = ElectionInput(VotingMethod(a.voting), a.announced_on, a.candidacy_from, a.candidacy_to,
                          tuple(a.committee), tuple(ContestInput(office, seats) for office, seats in a.contest))
    view = create_election(db, coop.id, item.id, given)
    if ctx.json:
        print_json(election_json(view))
    else:
        say(str(view.id))
    return 0


def run_show(ctx: Context) -> int:
    view = load(ctx)
    if ctx.json:
        print_json(election_json(view))
        return 0
    t = current()
    say(_("Election {number}, held on {date}", number=view.id, date=t.date(view.held_on, "long")))
    print_fields([(_("Voting"), _(VOTING_LABELS[view.voting])),
                  (_("Announced on"), t.date(view.announced_on) if view.announced_on else ""),
                  (_("Candidacy"), " – ".join(t.date(d) for d in (view.candidacy_from, view.candidacy_to) if d)),
                  (_("Election committee"), ", ".join(view.committee))])
    for c in view.contests:
        say()
        say(_("Contest {number}: {office}, {seats} to elect, round {round} — {state}", number=c.id,
              office=_(OFFICE_LABELS[c.office]), seats=t.number(c.seats), round=t.number(c.round),
              state=state_text(c)))
        if c.candidates:
            say(_("Marking: {method}", method=_(METHOD_LABELS[c.method])))
            print_table([_("No."), _("Name"), _("Accepted"), _("Withdrawn")],
                        [[str(x.key), x.name, t.date(x.accepted_on) if x.accepted_on else "",
                          t.date(x.withdrawn_on) if x.withdrawn_on else ""] for x in c.candidates], right=(0,))
    return 0


def run_contest_add(ctx: Context) -> int:
    from coopdesk.services.elections.calling import add_contest
    from coopdesk.services.elections.views import ContestInput

    a = ctx.args
    office, seats = a.office
    view = add_contest(ctx.database(), ctx.coop().id, a.election, ContestInput(office, seats, a.term_start, a.term_end))
    added = view.contests[-1]
    if ctx.json:
        print_json(contest_json(added))
    else:
        say(str(added.id))
    return 0


def run_candidate_add(ctx: Context) -> int:
    from coopdesk.services.elections.candidates import add_candidate
    from coopdesk.services.elections.views import CandidateInput

    a = ctx.args
    if a.member is not None and a.birth_date is not None:
        raise UsageError(_("A member's birth date is on the register: give --birth-date only with --name."))
    election = load(ctx)
    contest = contest_of(election, a.contest)
    given = CandidateInput(a.registered_on or _today(election), a.member, a.name or "", a.birth_date, a.accepted_on)
    view = add_candidate(ctx.database(), ctx.coop().id, contest.id, given)
    return _print_contest(ctx, view)


def run_candidate_accept(ctx: Context) -> int:
    from coopdesk.services.elections.candidates import accept_candidacy

    return _candidate_change(ctx, accept_candidacy)


def run_candidate_withdraw(ctx: Context) -> int:
    from coopdesk.services.elections.candidates import withdraw_candidate

    return _candidate_change(ctx, withdraw_candidate)


def _candidate_change(ctx: Context, change) -> int:  # type: ignore[no-untyped-def]
    a = ctx.args
    election = load(ctx)
    contest = contest_of(election, a.contest)
    view = change(ctx.database(), ctx.coop().id, candidate_of(contest, a.key).id, a.on or _today(election))
    return _print_contest(ctx, view)


def _today(election: ElectionView) -> dt.date:
    """Today, or election day for an election entered after the fact (nothing is registered after it)."""
    return min(dt.date.today(), election.held_on)


def _print_contest(ctx: Context, view) -> int:  # type: ignore[no-untyped-def]
    if ctx.json:
        print_json(contest_json(view))
        return 0
    t = current()
    standing = ", ".join(f"{x.name} ({x.key})" + ("" if x.accepted_on else " " + _("(not yet accepted)"))
                         for x in view.standing)
    say(_("{office}, {seats} to elect: {candidates}", office=_(OFFICE_LABELS[view.office]),
          seats=t.number(view.seats), candidates=standing or "-"))
    return 0


def run_open(ctx: Context) -> int:
    from coopdesk.services.elections.voting import open_voting

    election = load(ctx)
    if ctx.args.contest:
        ids = [contest_of(election, text).id for text in ctx.args.contest]
    else:
        ids = [c.id for c in election.contests if c.state is ContestState.OPEN]
    if not ids:
        raise Refusal(N_("No contest is waiting to open; name one with --contest."), field="contest")
    view = open_voting(ctx.database(), ctx.coop().id, election.id, ids)
    if ctx.json:
        print_json(election_json(view))
    else:
        offices = ", ".join(_(OFFICE_LABELS[c.office]) for c in view.contests if c.id in ids)
        say(_("Voting is open: {contests}.", contests=offices))
    return 0
