"""What each entry of the audit log says, in words: the log stores codes (``meeting.signers``),
and whoever shows it says them in the reader's language.

Every action a service records has its words here; tests/services/test_audit_labels.py
finds every ``audit.record`` in the code and fails on one without them.
"""

from __future__ import annotations

from coopdesk.domain.members.standing import EVENT_LABELS, EventKind
from coopdesk.domain.text import N_

ACTION_LABELS: dict[str, str] = {
    "coop.create": N_("Co-op created"),
    "bylaws.adopt": N_("Bylaws amendment adopted"),
    "bylaws.reported": N_("Bylaws amendment reported; in force"),
    "member.add": N_("Member added"),
    "member.edit": N_("Member's details changed"),
    "member.import": N_("Members imported"),
    "member.expelled": N_("Member expelled by resolution"),
    "demo.members": N_("Demo members added"),
    "officer.add": N_("Officer's term recorded"),
    "officer.edit": N_("Officer's term changed"),
    "officer.end": N_("Officer's term ended early"),
    "meeting.create": N_("Meeting created"),
    "meeting.edit": N_("Meeting's facts changed"),
    "meeting.times": N_("Meeting's times or chair recorded"),
    "meeting.notice": N_("Notice of the meeting recorded"),
    "meeting.item.add": N_("Agenda item added"),
    "meeting.item.standard": N_("Standard agenda added"),
    "meeting.item.text": N_("Proposal or discussion recorded"),
    "meeting.item.heard": N_("Hearing of the member recorded"),
    "meeting.item.move": N_("Agenda item moved"),
    "meeting.item.remove": N_("Agenda item removed"),
    "meeting.check_in": N_("Checked in"),
    "meeting.check_out": N_("Checked out"),
    "meeting.proxy": N_("Proxy recorded"),
    "meeting.exclude": N_("Excluded from an item (personal interest)"),
    "meeting.vote": N_("Counts recorded"),
    "meeting.ballot": N_("Roll-call vote recorded"),
    "meeting.close_item": N_("Item closed; result frozen"),
    "meeting.correct_vote": N_("Closed item's counts corrected"),
    "meeting.signers": N_("Minute signers chosen"),
}
# An event recorded on the register: "member.<event kind>" (member.withdrawn, member.deceased ...).
EVENT_ACTION = N_("Event recorded: {event}")

ENTITY_LABELS: dict[str, str] = {
    "coop": N_("Co-op"),
    "member": N_("Member"),
    "bylaws_version": N_("Bylaws version"),
    "officer_term": N_("Officer's term"),
    "meeting": N_("Meeting"),
    "agenda_item": N_("Agenda item"),
}


def action_words(action: str) -> tuple[str, dict[str, str]]:
    """The message id and its params for an action code; an unknown code is said as recorded."""
    if action in ACTION_LABELS:
        return ACTION_LABELS[action], {}
    area, _dot, verb = action.partition(".")
    kinds = {k.value: k for k in EventKind}
    if area == "member" and verb in kinds:
        return EVENT_ACTION, {"event": EVENT_LABELS[kinds[verb]]}
    return "{action}", {"action": action}
