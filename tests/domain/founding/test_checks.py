"""The founding rules as checks: the numbers and articles of Act 15, 22, 61, 93, 106, Decree 19."""

import datetime as dt

from coopdesk.domain import law
from coopdesk.domain.founding.checks import (
    FOUNDING_MATTERS, Level, course_check, founders_check, matters_check, notice_check, notice_contents_check,
    public_benefit_check, registration_check, share_cap_check, stakeholders_check,
)
from coopdesk.domain.founding.stage import FoundingDates, FoundingStage, stage_of
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import rules_for

D = dt.date


def test_five_founders_at_least():
    assert founders_check(4).level is Level.UNMET and founders_check(5).level is Level.MET
    assert founders_check(5).article == law.MIN_FOUNDERS.ref


def test_the_notice_has_seven_clear_days_neither_day_counted():
    held = D(2026, 9, 5)
    assert notice_check(D(2026, 8, 28), held).level is Level.MET  # 8 days apart: 7 clear days
    late = notice_check(D(2026, 8, 29), held)
    assert (late.level, late.article, late.kwargs["latest"]) == (Level.UNMET, law.FOUNDING_NOTICE_DAYS.ref,
                                                                 D(2026, 8, 28))
    assert notice_check(None, held).level is Level.UNMET


def test_the_notice_says_date_place_qualifications_and_matters():
    whole = notice_contents_check(place="게시판", held_on=D(2026, 9, 5), meeting_place="회관",
                                  qualifications="주민", matters=FOUNDING_MATTERS)
    assert whole.level is Level.MET
    lacking = notice_contents_check(place="", held_on=D(2026, 9, 5), meeting_place="회관", qualifications="",
                                    matters=FOUNDING_MATTERS[:2])
    assert lacking.level is Level.UNMET
    assert lacking.kwargs["missing"] == ("where it is posted", "the membership qualifications",
                                         "the matters to decide")


def test_the_four_matters():
    assert matters_check(FOUNDING_MATTERS).level is Level.MET
    missing = matters_check((Subject.BYLAWS_ADOPTION,))
    assert missing.kwargs["missing"] == ("the business plan and budget", "the election of officers",
                                         "the founding expenses")


def test_the_course_is_practice_not_law_so_only_a_warning():
    assert course_check(None, D(2026, 9, 5)).level is Level.WARNING
    assert course_check(D(2026, 9, 6), D(2026, 9, 5)).level is Level.WARNING
    assert course_check(D(2026, 8, 20), D(2026, 9, 5)).article is None


def test_the_cap_over_all_subscriptions_exactly():
    assert share_cap_check(1, 30, 100).level is Level.MET  # 30% is allowed
    assert share_cap_check(1, 31, 100).level is Level.UNMET
    assert share_cap_check(0, 0, 0).level is Level.UNMET


def test_a_social_coop_needs_two_stakeholder_types_and_forty_percent_public_benefit():
    assert stakeholders_check(["소비자", "소비자"]).level is Level.UNMET
    assert stakeholders_check(["소비자", "생산자"]).article == law.SOCIAL_MIN_STAKEHOLDER_TYPES.ref
    assert public_benefit_check(40, 100).level is Level.MET
    assert public_benefit_check(39, 100).level is Level.UNMET
    assert public_benefit_check(0, 0).level is Level.UNMET


def test_registration_within_fourteen_days_of_the_capital_paid_warned_from_day_ten():
    paid = D(2026, 10, 1)
    assert registration_check(social=False, start=None, on=paid) is None
    assert registration_check(social=False, start=paid, on=D(2026, 10, 10)).level is Level.MET  # day 9
    warned = registration_check(social=False, start=paid, on=D(2026, 10, 11))  # day 10
    assert (warned.level, warned.kwargs["left"], warned.article) == (Level.WARNING, 4,
                                                                     law.REGISTRATION_DAYS_AFTER_PAYMENT.ref)
    assert registration_check(social=False, start=paid, on=D(2026, 10, 15)).level is Level.WARNING  # the last day
    late = registration_check(social=False, start=paid, on=D(2026, 10, 16))
    assert (late.level, late.kwargs["late"]) == (Level.UNMET, 1)
    social = registration_check(social=True, start=paid, on=D(2026, 11, 20))
    assert (social.level, social.article) == (Level.MET, law.SOCIAL_REGISTRATION_DAYS_AFTER_AUTHORIZATION.ref)


def test_the_stage_follows_the_dates():
    assert stage_of(FoundingDates()) is FoundingStage.PREPARING
    assert stage_of(FoundingDates(notice_on=D(2026, 8, 25), meeting_on=D(2026, 9, 5))) is FoundingStage.MEETING_HELD
    assert stage_of(FoundingDates(registered_on=D(2026, 10, 15))) is FoundingStage.REGISTERED


def test_the_founding_meeting_names_its_items_by_the_resolution_it_applies():
    founding, assembly = rules_for(MeetingKind.FOUNDING), rules_for(MeetingKind.ORDINARY_ASSEMBLY)
    assert founding.kind_label(ResolutionKind.ORDINARY) == "Founding resolution: two thirds of those present"
    assert founding.kind_label(ResolutionKind.ELECTION) == "Election: two thirds of those present"
    assert founding.kind_label(ResolutionKind.REPORT) == "Report only"
    assert assembly.kind_label(ResolutionKind.ORDINARY) == "Ordinary resolution"
    assert founding.uniform_majority.ref == law.FOUNDING_MAJORITY.ref and assembly.uniform_majority is None
