"""What the `coopdesk election` commands share: naming an election, its contests and candidates,
reading marks and counts, and the JSON of an election.

An election is named by its number (``election create`` prints it); a contest by its number
(``election show`` lists them) or by its office — ``director``, ``auditor``, ``chair`` — which
means that office's latest round; a candidate by member number (``N``) or, for someone who is
not a member, by minus the candidate's number as ``election show`` prints it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from coopdesk.cli.common import Context, UsageError, iso, whole_number
from coopdesk.domain.elections.stages import STATE_LABELS
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.i18n import N_, _

if TYPE_CHECKING:
    from coopdesk.services.elections.views import (
        CandidateView,
        ContestView,
        ElectionView,
    )

_number = whole_number(1, 10**9)
OFFICES = {o.value: o for o in Office}


def election_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("election", type=_number, metavar="ELECTION",
                        help=_("Number of the election (\u201celection create\u201d prints it)"))


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=_("Machine-readable output"))


def verb(verbs: argparse._SubParsersAction, name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
    """An election verb: the election's number first, ``--json`` accepted after it."""
    parser = verbs.add_parser(name, help=help_text, description=help_text)
    election_arg(parser)
    json_option(parser)
    parser.set_defaults(run=run)
    return parser


def contest_option(parser: argparse.ArgumentParser, required: bool = True, many: bool = False) -> None:
    parser.add_argument("--contest", required=required, action="append" if many else "store",
                        metavar="CONTEST", help=_("The contest: its number, or an office (director, auditor, "
                                                  "chair) for that office's latest round"))


def load(ctx: Context) -> ElectionView:
    from coopdesk.services.elections.calling import get_election

    return get_election(ctx.database(), ctx.coop().id, ctx.args.election)


def contest_of(election: ElectionView, text: str) -> ContestView:
    """The contest ``text`` names: a number, or an office's latest round."""
    text = text.strip().lower()
    if text.isdigit():
        found = [c for c in election.contests if c.id == int(text)]
    else:
        if text not in OFFICES:
            raise UsageError(_("\u201c{value}\u201d is not a contest: give its number or director, auditor or "
                               "chair.", value=text))
        found = sorted((c for c in election.contests if c.office is OFFICES[text]), key=lambda c: c.round)[-1:]
    if not found:
        raise Refusal(N_("Election {election} has no contest {contest}."), field="contest", election=election.id,
                      contest=text)
    return found[0]


def candidate_of(contest: ContestView, key: int) -> CandidateView:
    for c in contest.candidates:
        if c.key == key:
            return c
    raise Refusal(N_("No candidate {key} in this contest."), field="candidate", key=key)


def keys(text: str) -> list[int]:
    """"2,6,7" → [2, 6, 7]; a non-member candidate's key is negative: "-3"."""
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise UsageError(_("\u201c{value}\u201d is not a list of candidate numbers such as 2,6,7.",
                           value=text)) from None


def office_seats(text: str) -> tuple[Office, int]:
    """An argparse ``type``: "director:3"."""
    office, _sep, seats = text.partition(":")
    try:
        return OFFICES[office.strip().lower()], int(seats or "1")
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(_("\u201c{value}\u201d is not an office and seats such as director:3.",
                                           value=text)) from None


def state_text(contest: ContestView) -> str:
    return _(STATE_LABELS[contest.state])


def candidate_json(c: CandidateView) -> dict[str, Any]:
    return {"id": c.id, "key": c.key, "member_number": c.member_number, "name": c.name,
            "birth_date": iso(c.birth_date), "registered_on": iso(c.registered_on),
            "accepted_on": iso(c.accepted_on), "withdrawn_on": iso(c.withdrawn_on)}


def contest_json(c: ContestView) -> dict[str, Any]:
    return {"contest": c.id, "office": c.office.value, "seats": c.seats, "round": c.round, "runoff_of": c.runoff_of,
            "state": c.state.value, "method": c.method.value, "term_start": iso(c.term_start),
            "term_end": iso(c.term_end), "vacancy_of": c.vacancy_of, "voted": c.voted, "present": c.present,
            "candidates": [candidate_json(x) for x in c.candidates]}


def election_json(e: ElectionView) -> dict[str, Any]:
    return {"election": e.id, "item": e.item_id, "meeting": e.meeting_id, "held_on": iso(e.held_on),
            "voting": e.voting.value, "announced_on": iso(e.announced_on),
            "candidacy_from": iso(e.candidacy_from), "candidacy_to": iso(e.candidacy_to),
            "committee": list(e.committee), "lots_seed": e.lots_seed, "decided": e.decided,
            "contests": [contest_json(c) for c in e.contests]}
