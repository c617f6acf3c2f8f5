"""Founding a co-op (설립): founders and consenters, the founding meeting, the filing and the
registration, as use cases.  One transaction and one audit entry per action; results are
frozen dataclasses (``views``); a refusal cites its article (``domain.founding.checks``).

Founders and consenters are ``member`` rows at a pre-member standing (status ``CONSENTER``:
a ``CONSENTED`` event, not admitted): the register of the founding meeting (the meetings
services count, check in and take proxies from them like members), never the member
register; the capital they subscribe is in the capital ledger, the one record of capital.
On registration every consenter becomes a member on the registration day.

The public functions, by module (``coopdesk.services.founding.<module>``):

start
    start_founding(db, profile, *, started_on, ministry, authority="", today) -> FoundingView:
        a new co-op in founding, with version 1 of its bylaws (the wizard's co-op)
    begin_founding(db, coop_id, *, started_on, ministry, authority="", today) -> FoundingView:
        an existing co-op with no members yet goes into founding
    edit_settings(db, coop_id, FoundingSettings, today) -> FoundingView: the ministry's name, the authority
    get_founding(db, coop_id, today) -> FoundingView: stage, dates, people counts, checks, deadline
    founding_of(db, coop_id, today) -> FoundingView | None: None for a co-op not founded in CoopDesk
people
    add_consenter(db, coop_id, PersonInput, today) -> PersonView: a consenter (설립동의자), shares subscribed
    add_founder(db, coop_id, PersonInput, today) -> PersonView: the same, marked founder (발기인)
    edit_consenter(db, coop_id, number, PersonInput, today) -> PersonView: details, consent date, shares, mark
    remove_consenter(db, coop_id, number, *, on, reason, today) -> PersonView: consent withdrawn
        (설립동의 철회): off the register of the founding meeting, their ledger entries reversed
    set_founder(db, coop_id, number, founder: bool, today) -> PersonView
    set_representative(db, coop_id, number, today) -> FoundingView: the founders' representative (발기인 대표)
    list_consenters(db, coop_id, *, founders_only=False, withdrawn_too=False, today) -> [PersonView]
    get_consenter(db, coop_id, number, today) -> PersonView
meeting
    create_founding_meeting(db, coop_id, FoundingMeetingInput, today) -> FoundingView: the meeting (kind FOUNDING,
        its register the consenters) with the four matters on its agenda, linked
    link_meeting(db, coop_id, meeting_id, today) -> FoundingView: an existing founding meeting
    meeting_choices(db, coop_id) -> tuple[MeetingChoice, ...]: every meeting of the co-op, each
        with the refusal ``link_meeting`` would give it (None: it qualifies)
    record_notice(db, coop_id, NoticeInput, today) -> FoundingView: the public notice (Act 15②)
    link_course(db, coop_id, session_id | None, today) -> FoundingView: the founding course (education session)
    meeting_checks(db, coop_id, today) -> tuple[FoundingCheck, ...]: founders, notice, matters, course, ...
plans
    set_lines(db, coop_id, kind: PlanTable, [PlanLine]) -> tuple[PlanLineView, ...]: a whole table replaced
    lines_of(db, coop_id, kind: PlanTable) -> tuple[PlanLineView, ...]
    all_lines(db, coop_id) -> dict[PlanTable, tuple[PlanLineView, ...]]
filing
    record_filing(db, coop_id, *, on, authority=None, today) -> FoundingView: report filed / authorisation
        applied for; refused (citing articles) until the meeting checks pass
    record_certificate(db, coop_id, *, on, number, today) -> FoundingView: certificate / authorisation
    record_capital_paid(db, coop_id, *, on, today) -> FoundingView: every consenter's unpaid subscription
        paid in the ledger on that day (to the founders' representative); nobody becomes a member
    record_handover(db, coop_id, *, on, today) -> FoundingView: the business handed to the chair (Act 18①)
    record_registration(db, coop_id, *, on, today) -> RegistrationResult: one transaction: every consenter
        admitted on that day, their ledger entries kept; a late registration is recorded with its check
wording
    check_message(check, t) -> str: why, in numbers; check_text(check, t) -> "rule: why (article)"

The frozen results are in ``views``: FoundingView (stage, dates, notice, meeting and course
links, counts, checks, deadline), PersonView, PlanLineView, MeetingChoice, RegistrationResult (with each
AdmittedMember); the inputs PersonInput, NoticeInput, FoundingMeetingInput, FoundingSettings.
The domain's parts are in ``coopdesk.domain.founding``: ``stage`` (FoundingStage, FoundingDates),
``checks`` (FoundingRule, FoundingCheck with its level and article), ``plans`` (PlanTable, PlanLine).
The ministry's name is ``FoundingView.ministry`` (a setting; ``start.DEFAULT_MINISTRY`` only starts it).
A founding meeting is an ordinary meeting of the meetings services: its papers, results and signers
are read there (``services.meetings``), as for any meeting.
"""
