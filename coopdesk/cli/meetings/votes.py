"""`coopdesk meeting exclude | vote | ballot | close | correct | clear-vote | results`: votes on agenda items.

Counts that cannot be true (more votes than voters present, a vote from someone absent,
a second vote) are refused by the services and nothing is recorded.  Results come with
the rule applied and its article; ``results --json`` gives ``ItemResult.as_json()``.  An
officer-election item is decided by its election (``coopdesk election``), and its result is
said as an election: who is elected, which seats stay unfilled.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from coopdesk.cli.common import Context, print_json, print_table, say, whole_number
from coopdesk.cli.meetings.common import attendee, attendee_arg, explained, item_arg, item_at, verb
from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.i18n import _, current, ngettext

if TYPE_CHECKING:
    from coopdesk.services.meetings.results import ItemResult
    from coopdesk.services.meetings.agenda import ItemView

_COUNT = whole_number(0, 10**7)


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    exclude = verb(verbs, "exclude", _("Exclude an attendee with a personal interest from an item (recorded)"),
                   run_exclude)
    item_arg(exclude)
    attendee_arg(exclude)
    exclude.add_argument("--reason", default="", help=_("The personal interest"))

    vote = verb(verbs, "vote", _("Record the counts of a show of hands; a new count replaces the last"),
                run_vote)
    item_arg(vote)
    _counts(vote)

    ballot = verb(verbs, "ballot", _("Record one present attendee's vote in a roll call"), run_ballot)
    item_arg(ballot)
    attendee_arg(ballot)
    ballot.add_argument("choice", choices=[c.value for c in Choice], help=_("The vote"))

    close = verb(verbs, "close", _("Close an item: its result is frozen, and a passed expulsion or bylaws "
                                   "amendment takes effect"), run_close)
    item_arg(close)

    correct = verb(verbs, "correct", _("Correct the counts of a closed item, with the reason (kept in the "
                                       "history)"), run_correct)
    item_arg(correct)
    _counts(correct)
    correct.add_argument("--reason", required=True, help=_("Why the counts are corrected"))

    clear = verb(verbs, "clear-vote", _("Clear a yes-or-no vote recorded on an officer-election item, with the "
                                        "reason (kept in the history), so that the election can be set up"),
                 run_clear_vote)
    item_arg(clear)
    clear.add_argument("--reason", required=True, help=_("Why the vote is cleared"))

    results = verb(verbs, "results", _("The result of each item, with the rule applied"), run_results)
    results.add_argument("--item", type=whole_number(1, 10**5), metavar="ITEM",
                         help=_("Only the item at this place on the agenda"))


def _counts(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", type=_COUNT, required=True, metavar="N", help=_("Votes for"))
    parser.add_argument("--no", type=_COUNT, required=True, metavar="N", help=_("Votes against"))
    parser.add_argument("--abstain", type=_COUNT, default=0, metavar="N", help=_("Abstentions (default: 0)"))


# -- recording ----------------------------------------------------------------------------

def run_exclude(ctx: Context) -> int:
    from coopdesk.services.meetings.votes import exclude

    a, db, coop = ctx.args, ctx.database(), ctx.coop()
    item = item_at(ctx, a.meeting, a.position)
    state = exclude(db, coop.id, item.id, a.key, a.reason)
    if not ctx.json:
        name = next((line.name for line in state.lines if line.key == a.key), "")
        say(_("{who} does not vote on item {position}.", who=attendee(state.attendance.register, a.key, name),
              position=item.position))
    return _show(ctx, state.item)


def run_vote(ctx: Context) -> int:
    from coopdesk.services.meetings.votes import record_counts

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    return _show(ctx, record_counts(ctx.database(), ctx.coop().id, item.id, a.yes, a.no, a.abstain).item)


def run_ballot(ctx: Context) -> int:
    from coopdesk.services.meetings.votes import cast_ballot

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    return _show(ctx, cast_ballot(ctx.database(), ctx.coop().id, item.id, a.key, Choice(a.choice)).item)


def run_close(ctx: Context) -> int:
    from coopdesk.services.meetings.votes import close_item

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    return _show(ctx, close_item(ctx.database(), ctx.coop().id, item.id).item)


def run_correct(ctx: Context) -> int:
    from coopdesk.services.meetings.votes import correct_vote

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    return _show(ctx, correct_vote(ctx.database(), ctx.coop().id, item.id, a.yes, a.no, a.abstain, a.reason).item)


def run_clear_vote(ctx: Context) -> int:
    from coopdesk.services.meetings.election_items import clear_motion_vote

    a = ctx.args
    item = item_at(ctx, a.meeting, a.position)
    state = clear_motion_vote(ctx.database(), ctx.coop().id, item.id, a.reason)
    if not ctx.json:
        say(_("The yes-or-no vote on item {position} is cleared. Set up the election: \u201ccoopdesk election "
              "create {meeting} --item {position}\u201d.", meeting=a.meeting, position=item.position))
    return _show(ctx, state.item)


def _show(ctx: Context, r: ItemResult | None) -> int:
    assert r is not None  # every vote action answers with its item
    if ctx.json:
        print_json(r.as_json())
        return 0
    print_result_lines(r)
    if not r.closed and r.passed is not None:
        say(_("The item is open: close it with \u201ccoopdesk meeting close {meeting} {position}\u201d.",
              meeting=ctx.args.meeting, position=r.item))
    return 0


# -- results ------------------------------------------------------------------------------

def item_results(ctx: Context, meeting_id: int, items: list[ItemView]) -> list[ItemResult]:
    """The results of these items of the meeting, from one read of it (``meeting_results``)."""
    from coopdesk.services.meetings.readings import meeting_results

    wanted = {i.id for i in items}
    return [r for r in meeting_results(ctx.database(), ctx.coop().id, meeting_id) if r.item_id in wanted]


def run_results(ctx: Context) -> int:
    results = _closed_results(ctx)
    if results is None:
        from coopdesk.services.meetings.agenda import list_items

        a = ctx.args
        items = [item_at(ctx, a.meeting, a.item)] if a.item is not None else \
            list_items(ctx.database(), ctx.coop().id, a.meeting)
        results = item_results(ctx, a.meeting, items)
    if ctx.json:
        print_json([r.as_json() for r in results])
    else:
        print_agenda(results)
    return 0


def _closed_results(ctx: Context) -> list[ItemResult] | None:
    """A closed meeting's results, read from the co-op file without loading the database layer
    (a script asks for them again and again); None: the ordinary read answers, or refuses."""
    from coopdesk.services.meetings.plain_results import closed_meeting_results

    a = ctx.args
    results = closed_meeting_results(ctx.read_target(), a.coop, a.meeting)
    if results is not None and a.item is not None:
        results = [r for r in results if r.item == a.item] or None  # no such item: item_at says so
    return results


def print_agenda(results: list[ItemResult]) -> None:
    """The agenda as a table of counts, then each item's result in words and the rule applied."""
    t = current()
    print_table([_("No."), _("Item"), _("Resolution"), _("Present"), _("For"), _("Against"), _("Abstain"),
                 _("Result")],
                [[str(r.item), r.title, _(r.kind.label), t.number(r.present), t.number(r.yes),
                  t.number(r.no), t.number(r.abstain), short_result(r)] for r in results],
                right=(0, 3, 4, 5, 6))
    for r in results:
        if r.passed is not None or r.voted:  # the table says "no vote yet" already
            say()
            print_result_lines(r)


def short_result(r: ItemResult) -> str:
    if r.election_seats is not None:
        word = election_word(*r.election_seats)
    elif r.passed is None:
        word = _("Report") if r.kind is ResolutionKind.REPORT else _("No vote yet")
    elif r.kind is ResolutionKind.ELECTION:  # a yes-or-no vote on a candidate, as before elections
        word = _("Elected") if r.passed else _("Not elected")
    else:
        word = _("Carried") if r.passed else _("Rejected")
    return word if r.closed else _("{result} (open)", result=word)


def election_word(elected: int, seats: int) -> str:
    """An election's result in a word or two: elected, or how many seats stay unfilled."""
    if elected >= seats:
        return _("Elected")
    if elected == 0:
        return _("Nobody elected")
    return ngettext("{count} seat unfilled", "{count} seats unfilled", seats - elected,
                    count=current().number(seats - elected))


def print_result_lines(r: ItemResult) -> None:
    say(_("Item {position}. {title}: {words}", position=r.item, title=r.title, words=result_sentence(r)))
    if r.election_seats is not None:  # its contests say who and by how many (coopdesk election result)
        return
    if r.excluded:
        say("  " + _("{excluded} present with a personal interest did not vote on this item.",
                     excluded=current().number(r.excluded)))
    election = r.kind is ResolutionKind.ELECTION
    if r.yes_needed is not None and (r.voted or r.closed):
        n, voters = current().number(r.yes_needed), current().number(r.voters)
        say("  " + (_("{needed} yes needed to elect, of {voters} voting", needed=n, voters=voters) if election
                    else _("{needed} yes needed to carry it, of {voters} voting", needed=n, voters=voters)))
    if r.passed is not None:
        say("  " + _("Rule applied: {rule}", rule=explained(r.explanation, r.article)))
    if r.passed is False and not r.closed and r.needed_to_pass and not election:
        say("  " + ngettext("{count} more yes vote would carry it.", "{count} more yes votes would carry it.",
                            r.needed_to_pass, count=current().number(r.needed_to_pass)))

    if r.corrections:
        say("  " + _("Corrected after closing: {count} time(s).", count=r.corrections))


def result_sentence(r: ItemResult) -> str:
    """"출석 조합원 10명 중 찬성 8명, 반대 1명, 기권 1명으로 원안 가결", as the minutes say it."""
    return explained(r.words)
