"""The election announcement (선거 공고) read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coopdesk.documents.elections.announcement import render_announcement
from coopdesk.documents.elections.data import CandidateLine, ContestLine
from coopdesk.domain import law
from coopdesk.domain.coop import ELECTION_MAJORITY_LABELS, TIE_LABELS
from coopdesk.domain.elections.campaign import campaign_rules
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.officers.terms import VACANCY_REST_OF_TERM, Office
from coopdesk.i18n import Translator
from tests.documents.elections.samples import AUDITOR, DIRECTORS, ELECTION, TERM
from tests.documents.meetings.test_papers import all_text, assert_nanum_embedded, flat, pdf

LANGUAGES = ["ko", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_announcement_states_offices_seats_terms_dates_place_and_committee(language):
    t = Translator(language)
    reader = pdf(render_announcement(ELECTION, language))
    text = flat(all_text(reader))
    assert len(reader.pages) == 1
    offices = [t.ngettext("{office}: {seats} seat", "{office}: {seats} seats", 3, office=t.gettext("Director"),
                          seats="3"),
               t.ngettext("{office}: {seats} seat", "{office}: {seats} seats", 1, office=t.gettext("Auditor"),
                          seats="1")]
    for fact in (t.gettext("Notice of officer election"), *offices, t.date(TERM[0], "long"), t.date(TERM[1], "long"),
                 t.date(ELECTION.candidacy_from, "long"), t.date(ELECTION.candidacy_to, "long"),
                 t.date(ELECTION.meeting.date, "full"), "14:00", ELECTION.meeting.place, ELECTION.meeting.title,
                 t.date(ELECTION.announced_on, "long"), ELECTION.convener, ELECTION.main_office,
                 *ELECTION.committee, t.gettext("Secret ballot on paper ballots; two tellers count them."),
                 t.gettext(ELECTION_MAJORITY_LABELS[ELECTION.majority]), t.gettext(TIE_LABELS[ELECTION.tie_rule])):
        assert flat(fact) in text, fact
    for name, number, _ in (*DIRECTORS, AUDITOR):  # the candidates, in ballot order
        assert flat(t.gettext("{name} (member {number})", name=name, number=str(number))) in text
    assert [text.index(name) for name, _, _ in DIRECTORS] == sorted(text.index(name) for name, _, _ in DIRECTORS)
    assert_nanum_embedded(reader)


@pytest.mark.parametrize("language", LANGUAGES)
def test_announcement_prints_the_campaign_limits_of_act_37_and_who_may_stand(language):
    t = Translator(language)
    text = flat(all_text(pdf(render_announcement(ELECTION, language))))
    rules = campaign_rules()
    assert flat(t.gettext("{heading} ({article})", heading=t.gettext(rules.heading),
                          article=law.CAMPAIGN_MEANS_ALLOWED.ref.label(language))) in text
    for means in rules.allowed + rules.forbidden:
        assert flat(t.gettext(means)) in text, means
    assert flat(t.gettext(rules.forbidden_heading)) in text
    assert flat(t.gettext("Members of the co-op, as its bylaws provide.")) in text
    assert flat(law.AUDITOR_NOT_DIRECTOR.ref.label(language)) in text  # no one stands for director and auditor
    assert flat(law.ONE_MEMBER_ONE_VOTE.ref.label(language)) in text


def test_without_a_committee_the_announcement_says_it_is_optional_under_act_38():
    t = Translator("ko")
    election = dataclasses.replace(ELECTION, committee=(), on_paper=False, eligibility="가입 후 6개월이 지난 조합원")
    text = flat(all_text(pdf(render_announcement(election, "ko"))))
    assert flat(t.gettext("None: the co-op has not set one up; it is optional ({article}).",
                          article=law.ELECTION_COMMITTEE_OPTIONAL.ref.label("ko"))) in text
    assert flat("가입 후 6개월이 지난 조합원") in text  # the bylaws' own words replace the general one
    assert flat(t.gettext("Members of the co-op, as its bylaws provide.")) not in text
    assert flat(t.gettext("Secret ballot on the co-op's laptop, one voter at a time.")) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_before_candidacy_the_announcement_has_no_candidates_and_a_vacancy_says_so(language):
    t = Translator(language)
    contests = (ContestLine(Office.DIRECTOR, 1, term_start=dt.date(2026, 3, 28), term_end=dt.date(2027, 3, 27),
                            vacancy=True),
                ContestLine(Office.CHAIR, 1))
    text = flat(all_text(pdf(render_announcement(dataclasses.replace(ELECTION, contests=contests), language))))
    assert flat(t.gettext("Candidates, in ballot order")) not in text
    assert flat(t.gettext("(the rest of a predecessor's term, {article})",
                          article=VACANCY_REST_OF_TERM.label(language))) in text
    assert flat(t.date(dt.date(2027, 3, 27), "long")) in text
    assert flat(t.gettext("The chair is elected from among the directors ({article}).",
                          article=law.CHAIR_FROM_DIRECTORS.ref.label(language))) in text


def test_cancel_stops_the_announcement():
    with pytest.raises(Cancelled):
        render_announcement(ELECTION, "ko", progress=lambda done, total: False)


def test_a_candidate_who_is_not_a_member_is_marked_so():
    t = Translator("en")
    contests = (ContestLine(Office.AUDITOR, 1, (CandidateLine("Kim Accountant"),)),)
    text = flat(all_text(pdf(render_announcement(dataclasses.replace(ELECTION, contests=contests), "en"))))
    assert flat(t.gettext("{name} (not a member)", name="Kim Accountant")) in text
