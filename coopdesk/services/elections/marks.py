"""A ballot's marks as stored: one canonical text per set of marks.

``{"m":[3,7]}`` marks candidates 3 and 7 in a choice; ``{"n":[7],"y":[3]}`` is yes to 3 and
no to 7 in a yes-or-no vote; ``{}`` is a blank ballot.  Keys sorted, numbers sorted, no
spaces: two voters who mark alike store the same text, so the text says what was marked
and nothing about who or when — and the count is a ``GROUP BY`` over it.
"""

from __future__ import annotations

import json

from coopdesk.domain.elections.ballots import Ballot

_PARTS = (("m", "marked"), ("n", "no"), ("y", "yes"))


def marks_text(ballot: Ballot) -> str:
    found = {code: sorted(getattr(ballot, name)) for code, name in _PARTS if getattr(ballot, name)}
    return json.dumps(found, sort_keys=True, separators=(",", ":"))


def ballot_of(text: str) -> Ballot:
    found = json.loads(text)
    return Ballot(**{name: frozenset(found.get(code, ())) for code, name in _PARTS})
