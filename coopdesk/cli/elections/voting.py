"""`coopdesk election roll | cast | paper-taken | close | tally | decide | lots | result`.

``cast`` is the ballot screen for scripts and tests: one voter's ballots, one per contest
marked, go into the box in one transaction; what it prints says nothing of the marks.  The
roll names who has voted, by member number — never which ballot is theirs: the file cannot
tell.  On paper, ``paper-taken`` ticks the roll and two tellers each enter the count with
``tally``; it is accepted only when both agree and match the roll.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import (
    Context,
    UsageError,
    print_json,
    print_table,
    say,
    warn,
    whole_number,
)
from coopdesk.cli.elections.common import (
    candidate_of,
    contest_json,
    contest_of,
    contest_option,
    keys,
    load,
    state_text,
    verb,
)
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import OFFICE_LABELS
from coopdesk.i18n import N_, _, current, ngettext, refusal_text

if TYPE_CHECKING:
    from coopdesk.domain.elections.ballots import Ballot
    from coopdesk.services.elections.paper import TallyEntries
    from coopdesk.services.elections.results import ContestResult
    from coopdesk.services.elections.views import ElectionView

_COUNT = whole_number(0, 10**7)
_VOTER = whole_number(1, 10**9)


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    verb(verbs, "roll", _("Who has voted: how many in each contest, and their names — never their ballots"),
         run_roll)
    cast = verb(verbs, "cast", _("Cast one present voter's secret ballots (for scripts; the window has the "
                                 "full-screen ballot)"), run_cast)
    cast.add_argument("--voter", type=_VOTER, required=True, metavar="N",
                      help=_("The voter's member number (a member represented by proxy: their own number)"))
    cast.add_argument("--mark", action="append", default=[], metavar="CONTEST:KEYS",
                      help=_("The candidates chosen in a contest, e.g. director:2,6,7"))
    cast.add_argument("--yes", action="append", default=[], metavar="CONTEST:KEYS",
                      help=_("Yes-or-no vote: the candidates voted for, e.g. auditor:10"))
    cast.add_argument("--no", action="append", default=[], metavar="CONTEST:KEYS",
                      help=_("Yes-or-no vote: the candidates voted against"))
    cast.add_argument("--blank", action="append", default=[], metavar="CONTEST", help=_("A blank ballot"))

    taken = verb(verbs, "paper-taken", _("Tick on the roll that a voter took their ballot papers"), run_paper_taken)
    taken.add_argument("--voter", type=_VOTER, required=True, metavar="N", help=_("The voter's member number"))

    close = verb(verbs, "close", _("Close voting: counted at once on screen; on paper, the tellers' count next"),
                 run_close)
    contest_option(close, required=False, many=True)

    tally = verb(verbs, "tally", _("A teller's count of the paper ballots of a contest (double entry)"), run_tally)
    contest_option(tally)
    tally.add_argument("--teller", type=int, choices=(1, 2), required=True, help=_("Teller 1 or teller 2"))
    tally.add_argument("--ballots", type=_COUNT, required=True, metavar="N",
                       help=_("Every paper in the box, blank and invalid included"))
    tally.add_argument("--blank", type=_COUNT, default=0, metavar="N", help=_("Blank papers"))
    tally.add_argument("--invalid", type=_COUNT, default=0, metavar="N", help=_("Invalid papers"))
    tally.add_argument("--votes", nargs="+", default=[], metavar="KEY=N",
                       help=_("Each candidate's votes (a yes-or-no vote: the yes), e.g. 6=9 7=8"))
    tally.add_argument("--against", nargs="+", default=[], metavar="KEY=N",
                       help=_("A yes-or-no vote: each candidate's votes against"))

    decide = verb(verbs, "decide", _("Decide the counted contests: who is elected, by which rule"), run_decide)
    contest_option(decide, required=False)
    decide.add_argument("--lots-by-hand", metavar="KEYS",
                        help=_("A tie decided by lots drawn in the room: the candidates the lots chose, e.g. 8"))
    lots = verb(verbs, "lots", _("Draw lots for a tie by a seed anyone can draw again (printed)"), run_lots)
    contest_option(lots)
    lots.add_argument("--seed", help=_("The seed (default: the election's, or a new one)"))

    verb(verbs, "result", _("Each candidate's votes, who is elected, the rules and articles, tie-breaks and seed"),
         run_result)


# -- voting ------------------------------------------------------------------------------------

def run_roll(ctx: Context) -> int:
    from coopdesk.services.elections.roll import voter_roll

    election = load(ctx)
    roll = voter_roll(ctx.database(), ctx.coop().id, election.id)
    if ctx.json:
        print_json({"election": election.id, "present": roll.present,
                    "contests": [{"contest": c, "voted": n} for c, n in roll.voted.items()],
                    "voted": [{"member_number": line.member_number, "name": line.name, "contests": list(line.contests)}
                              for line in roll.lines]})
        return 0
    t = current()
    offices = {c.id: _(OFFICE_LABELS[c.office]) for c in election.contests}
    for c in election.contests:
        say(_("{office} (contest {number}): {voted} of {present} voted", office=offices[c.id], number=c.id,
              voted=t.number(roll.voted[c.id]), present=t.number(roll.present)))
    if roll.lines:
        say()
        print_table([_("No."), _("Name"), _("Voted in")],
                    [[str(x.member_number), x.name, ", ".join(offices[c] for c in x.contests)] for x in roll.lines],
                    right=(0,))
    return 0


def run_cast(ctx: Context) -> int:
    from coopdesk.services.elections.casting import cast

    a = ctx.args
    election = load(ctx)
    receipt = cast(ctx.database(), ctx.coop().id, election.id, a.voter, _ballots(election, a))
    if ctx.json:
        print_json({"ballots": receipt.ballots})
    else:
        say(_(receipt.message))
    return 0


def _ballots(election: ElectionView, a: argparse.Namespace) -> dict[int, Ballot]:
    """The ballots the options mark, by contest id; a contest marked twice is a usage error."""
    from coopdesk.domain.elections.ballots import Ballot

    chosen: dict[int, list[int]] = {}
    yes: dict[int, list[int]] = {}
    no: dict[int, list[int]] = {}
    for options, into in ((a.mark, chosen), (a.yes, yes), (a.no, no)):
        for text in options:
            contest, _sep, marked = text.partition(":")
            into.setdefault(contest_of(election, contest).id, []).extend(keys(marked))
    blank = {contest_of(election, text).id for text in a.blank}
    if set(chosen) & (set(yes) | set(no) | blank) or blank & (set(yes) | set(no)):
        raise UsageError(_("Mark each contest once: --mark, --yes/--no or --blank."))
    ballots = {c: Ballot.choice(k) for c, k in chosen.items()}
    ballots |= {c: Ballot.yes_no(yes.get(c, ()), no.get(c, ())) for c in set(yes) | set(no)}
    ballots |= {c: Ballot() for c in blank}
    if not ballots:
        raise UsageError(_("Give the ballot: --mark, --yes/--no or --blank for each contest."))
    return ballots


def run_paper_taken(ctx: Context) -> int:
    from coopdesk.services.elections.paper import mark_paper_taken

    papers = mark_paper_taken(ctx.database(), ctx.coop().id, ctx.args.election, ctx.args.voter)
    if ctx.json:
        print_json({"voter": ctx.args.voter, "papers": papers})
    else:
        say(ngettext("Member {number} took {count} ballot paper.", "Member {number} took {count} ballot papers.",
                     papers, number=ctx.args.voter, count=current().number(papers)))
    return 0


def run_close(ctx: Context) -> int:
    from coopdesk.services.elections.closing import close_contests

    election = load(ctx)
    if ctx.args.contest:
        contests = [contest_of(election, text) for text in ctx.args.contest]
    else:
        contests = list(election.voting_contests)
    if not contests:
        raise Refusal(N_("No contest is open for voting; name one with --contest."), field="contest")
    closed = close_contests(ctx.database(), ctx.coop().id, [c.id for c in contests])  # all or none
    if ctx.json:
        print_json([contest_json(c) for c in closed])
        return 0
    t = current()
    for c in closed:
        say(_("{office}: voting closed, {voted} voted — {state}", office=_(OFFICE_LABELS[c.office]),
              voted=t.number(c.voted), state=state_text(c)))
    return 0


# -- counting on paper ---------------------------------------------------------------------------

def run_tally(ctx: Context) -> int:
    from coopdesk.services.elections.paper import PaperCount, enter_tally

    a = ctx.args
    contest = contest_of(load(ctx), a.contest)
    count = PaperCount(_counts(a.votes), a.ballots, _counts(a.against), a.blank, a.invalid)
    entries = enter_tally(ctx.database(), ctx.coop().id, contest.id, a.teller, count)
    if ctx.json:
        print_json(_entries_json(entries))
        return 0
    _print_entries(entries, contest)
    return 0


def _counts(pairs: list[str]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for pair in pairs:
        key, _sep, n = pair.partition("=")
        try:
            counts[int(key)] = int(n)
        except ValueError:
            raise UsageError(_("\u201c{value}\u201d is not a candidate and a count such as 6=9.", value=pair)) from None
        if counts[int(key)] < 0:
            raise UsageError(_("\u201c{value}\u201d is not a candidate and a count such as 6=9.", value=pair))
    return counts


def _entries_json(e: TallyEntries) -> dict[str, Any]:
    return {"contest": e.contest_id, "teller_1": e.first is not None, "teller_2": e.second is not None,
            "differences": [{"item": d.item.value, "key": d.key, "teller_1": d.first, "teller_2": d.second}
                            for d in e.differences],
            "voted": e.voted, "accepted": e.accepted is not None,
            "problem": refusal_text(e.problem) if e.problem else None}


def _print_entries(e: TallyEntries, contest) -> None:  # type: ignore[no-untyped-def]
    from coopdesk.domain.elections.counting import ITEM_LABELS

    t = current()
    if e.accepted is not None:
        say(_("Both tellers agree: the count is accepted."))
    elif e.first is None or e.second is None:
        say(_("Entered. Waiting for the other teller's count."))
    if e.differences:
        warn(_("The tellers' counts differ:"))
        print_table([_("Item"), _("Teller 1"), _("Teller 2")],
                    [[_(ITEM_LABELS[d.item]) + (f" — {candidate_of(contest, d.key).name}" if d.key is not None
                                                 else ""), t.number(d.first), t.number(d.second)]
                     for d in e.differences], right=(1, 2))
    if e.problem is not None:
        warn(refusal_text(e.problem))


# -- deciding and the result -------------------------------------------------------------------

def run_decide(ctx: Context) -> int:
    from coopdesk.domain.elections.lots import HandDrawnLots
    from coopdesk.services.elections.deciding import decide_contest

    a = ctx.args
    election = load(ctx)
    if a.contest:
        contests = [contest_of(election, a.contest)]
    else:
        contests = [c for c in election.contests if c.state is ContestState.COUNTED]
    if not contests:
        raise Refusal(N_("No contest is counted and waiting to be decided; name one with --contest."), field="contest")
    lots = HandDrawnLots.of(keys(a.lots_by_hand)) if a.lots_by_hand else None
    results = [decide_contest(ctx.database(), ctx.coop().id, c.id, lots) for c in contests]
    return _print_decided(ctx, results)


def run_lots(ctx: Context) -> int:
    from coopdesk.services.elections.deciding import draw_lots

    contest = contest_of(load(ctx), ctx.args.contest)
    return _print_decided(ctx, [draw_lots(ctx.database(), ctx.coop().id, contest.id, ctx.args.seed)])


def _print_decided(ctx: Context, results: list[ContestResult]) -> int:
    if ctx.json:
        print_json([r.as_json() for r in results])
        return 0
    for r in results:
        office = _(OFFICE_LABELS[r.contest.office])
        if r.pending is not None:
            tied = ", ".join(c.name for c in r.pending.tied)
            say(_("{office}: {names} are tied — a run-off or lots follow.", office=office, names=tied))
        else:
            names = ", ".join(c.name for c in r.elected) or _("no one")
            say(_("{office}: elected {names}.", office=office, names=names))
    return 0


def run_result(ctx: Context) -> int:
    from coopdesk.services.elections.papers import result_words
    from coopdesk.services.elections.results import election_result

    result = election_result(ctx.database(), ctx.coop().id, ctx.args.election)
    if ctx.json:
        print_json(result.as_json())
        return 0
    t = current()
    words = {w.contest_id: w for w in result_words(result, t)}
    for r in result.contests:
        w = words.get(r.contest.id)
        office = _(OFFICE_LABELS[r.contest.office])
        if w is None:
            say(_("{office} (contest {number}): not counted yet.", office=office, number=r.contest.id))
            continue
        say(w.sentence)
        assert r.outcome is not None
        rows = [[r.contest.by_key(x.candidate.key).name, t.number(x.votes) if x.against is None else
                 _("{yes} yes, {no} no", yes=t.number(x.votes), no=t.number(x.against)),
                 _("Elected") if x.elected else ""] for x in r.outcome.ranking]
        print_table([_("Candidate"), _("Votes"), _("Result")], rows, right=(1,))
        for line in (w.ballots, *w.rules, *w.tie_breaks):
            say("  " + line)
        say()
    if result.seed:
        say(_("Seed of the lots: {seed}", seed=result.seed))
    return 0
