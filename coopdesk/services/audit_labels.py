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
    "bylaws.texts": N_("Wording of the bylaws written down"),
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
    "meeting.clear_vote": N_("Yes-or-no vote cleared from an officer-election item"),
    "meeting.signers": N_("Minute signers chosen"),
    "election.create": N_("Election called"),
    "election.edit": N_("Election's facts changed"),
    "election.contest": N_("Contest added to an election"),
    "election.contest_edit": N_("Election contest changed"),
    "election.contest_remove": N_("Election contest removed"),
    "election.candidate": N_("Candidate registered"),
    "election.candidate_accept": N_("Candidacy accepted"),
    "election.candidate_withdraw": N_("Candidate withdrew"),
    "election.open": N_("Voting opened"),
    "election.ballot": N_("A ballot was cast"),
    "election.paper": N_("Ballot papers handed out"),
    "election.close": N_("Voting closed"),
    "election.tally": N_("Teller's count entered"),
    "election.decide": N_("Contest decided"),
    "election.apply": N_("Election result put on the officer register"),
    "education.session.add": N_("Education session recorded"),
    "education.session.edit": N_("Education session changed"),
    "education.session.delete": N_("Education session deleted"),
    "education.attend": N_("Put on an education session's list"),
    "education.unattend": N_("Taken off an education session's list"),
    "education.link": N_("Education before joining linked to the new member"),
    "capital.subscribe": N_("Shares subscribed"),
    "capital.pay": N_("Capital paid in"),
    "capital.transfer": N_("Shares transferred"),
    "capital.reverse": N_("Capital entry reversed"),
    "capital.refund": N_("Capital refunded to a member who left"),
    "capital.refund.withhold": N_("Refund withheld"),
    "capital.refund.release": N_("Refund no longer withheld"),
    "capital.import": N_("Capital list imported"),
    "capital.surplus.enter": N_("Year's surplus or loss and its appropriation entered"),
    "capital.surplus.patronage": N_("Members' patronage of the year entered"),
    "capital.surplus.link": N_("Appropriation linked to the agenda item that decides it"),
    "capital.surplus.unlink": N_("Appropriation taken off its agenda item"),
    "capital.surplus.book": N_("Appropriation booked: reserves and dividends"),
    "founding.start": N_("Founding started"),
    "founding.settings": N_("Founding's ministry or authority changed"),
    "founding.consenter_add": N_("Founding consenter added"),
    "founding.consenter_edit": N_("Founding consenter's details changed"),
    "founding.founder": N_("Founder mark changed"),
    "founding.representative": N_("Founders' representative named"),
    "founding.meeting": N_("Founding meeting linked"),
    "founding.notice": N_("Public notice of the founding meeting recorded"),
    "founding.course": N_("Founding course linked"),
    "founding.lines": N_("Business plan, budget or founding expenses written down"),
    "founding.filed": N_("Founding report filed (or authorisation applied for)"),
    "founding.certified": N_("Certificate of report (or authorisation) received"),
    "founding.handed_over": N_("Business handed over to the chair"),
    "founding.capital_paid": N_("Capital paid in before registration"),
    "founding.registered": N_("Co-op registered; the consenters became members"),
    "year.task.done": N_("Task of the co-op's year marked done"),
    "year.task.undone": N_("Task of the co-op's year no longer marked done"),
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
    "election": N_("Election"),
    "education_session": N_("Education session"),
    "capital_entry": N_("Capital ledger entry"),
    "surplus_year": N_("Appropriation of a fiscal year"),
    "year_task": N_("Task of the co-op's year"),
    "founding": N_("Founding record"),
    "founding_line": N_("Founding plan table"),
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
