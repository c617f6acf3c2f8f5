"""The co-op profile: name, law, member types and bylaws settings, checked with their articles."""

import dataclasses

import pytest

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings, CoopKind, GoverningLaw, check_bylaws, check_name, check_profile
from coopdesk.domain.errors import Refusal
from tests.conftest import sample_profile


@pytest.mark.parametrize("name, kind", [
    ("햇살협동조합", CoopKind.GENERAL),
    ("마포 돌봄 사회적협동조합", CoopKind.SOCIAL),
    ("사회적협동조합 함께", CoopKind.GENERAL),  # contains 협동조합 too
])
def test_names_the_act_accepts(name, kind):
    check_name(name, kind)


@pytest.mark.parametrize("name, kind, word", [
    ("햇살상회", CoopKind.GENERAL, "협동조합"),
    ("햇살협동조합", CoopKind.SOCIAL, "사회적협동조합"),
    ("Sunshine Cooperative", CoopKind.GENERAL, "협동조합"),
])
def test_names_the_act_refuses_cite_article_3(name, kind, word):
    with pytest.raises(Refusal) as exc:
        check_name(name, kind)
    assert exc.value.params["word"] == word
    assert exc.value.article == law.NAME_WORD_GENERAL.ref
    assert exc.value.field == "name"


def test_only_the_framework_act_is_supported():
    for other in GoverningLaw:
        profile = sample_profile(governing_law=other)
        if other is GoverningLaw.FRAMEWORK_ACT:
            check_profile(profile)
        else:
            with pytest.raises(Refusal, match="only the Framework Act"):
                check_profile(profile)


def test_a_social_coop_needs_two_stakeholder_types():
    with pytest.raises(Refusal) as exc:
        check_profile(sample_profile(name="돌봄사회적협동조합", kind=CoopKind.SOCIAL, member_types=("소비자",)))
    assert exc.value.params["n"] == 2 and exc.value.article == law.SOCIAL_MIN_STAKEHOLDER_TYPES.ref
    check_profile(sample_profile(name="돌봄사회적협동조합", kind=CoopKind.SOCIAL, member_types=("소비자", "직원")))


def test_duplicate_or_blank_member_types_are_refused():
    with pytest.raises(Refusal, match="same name"):
        check_profile(sample_profile(member_types=("소비자", "소비자 ")))
    with pytest.raises(Refusal):
        check_profile(sample_profile(member_types=("소비자", "  ")))


@pytest.mark.parametrize("change, field, limit", [
    ({"min_shares": 0}, "min_shares", law.MIN_SHARES_PER_MEMBER),
    ({"directors_min": 2}, "directors_min", law.MIN_DIRECTORS),
    ({"auditors": 0}, "auditors", law.MIN_AUDITORS),
    ({"officer_term_years": 5}, "officer_term_years", law.MAX_OFFICER_TERM_YEARS),
    ({"notice_days": 6}, "notice_days", law.MEETING_NOTICE_DAYS),
])
def test_bylaws_settings_below_the_act_are_refused_with_the_article(change, field, limit):
    with pytest.raises(Refusal) as exc:
        check_bylaws(dataclasses.replace(BylawsSettings(), **change))
    assert exc.value.field == field
    assert exc.value.article == limit.ref


def test_bylaws_at_the_exact_limits_are_accepted():
    check_bylaws(BylawsSettings(min_shares=1, directors_min=3, directors_max=3, auditors=1,
                                officer_term_years=4, notice_days=7))


def test_share_price_must_be_positive():
    with pytest.raises(Refusal) as exc:
        check_bylaws(BylawsSettings(share_price=0))
    assert exc.value.field == "share_price"


@pytest.mark.parametrize("changes, field", [
    (dict(name="햇살\x1b협동조합"), "name"),
    (dict(name="햇살협동조합\x00"), "name"),
    (dict(main_office="서울특별시 \u202e마포구"), "main_office"),
    (dict(main_office="서" * 201), "main_office"),
    (dict(member_types=("소비자\x07", "생산자")), "member_types"),
    (dict(member_types=("소" * 51,)), "member_types"),
])
def test_the_profile_s_text_must_be_printable_and_fit_its_column(changes, field):
    with pytest.raises(Refusal) as exc:
        check_profile(sample_profile(**changes))
    assert exc.value.field == field
    check_profile(sample_profile(main_office="서" * 200, member_types=("소" * 50,)))
