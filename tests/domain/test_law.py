"""The law module: every value carries an article, and articles print in both languages."""

from fractions import Fraction

from coopdesk.domain import law
from coopdesk.domain.law_ref import Confidence, LawRef, Source, act


def test_every_law_value_names_its_article():
    values = [v for k, v in vars(law).items() if k.isupper() and isinstance(v, law.LawValue)]
    assert len(values) > 30
    for value in values:
        assert isinstance(value.ref, LawRef) and value.ref.article > 0


def test_article_labels():
    assert act(22, 2).label("en") == "Act 22②"
    assert act(22, 2).label("ko") == "법 제22조②"
    assert act(15, branch=2).label("ko") == "법 제15조의2"
    assert LawRef(Source.DECREE, 19, None, 1).label("en") == "Decree 19①"


def test_key_thresholds_match_the_act():
    assert law.MAX_SHARE_RATIO.value * 100 == 30
    assert law.MEETING_NOTICE_DAYS.value == 7
    assert law.MIN_FOUNDERS.value == 5
    assert law.MIN_DIRECTORS.value == 3
    assert law.MAX_OFFICER_TERM_YEARS.value == 4
    assert law.EXPULSION_NOTICE_DAYS.value == 10


def _law_values() -> dict[str, law.LawValue]:
    return {k: v for k, v in vars(law).items() if k.isupper() and isinstance(v, law.LawValue)}


def test_every_law_value_has_a_whole_reference_and_a_confidence():
    for name, value in _law_values().items():
        ref = value.ref
        assert isinstance(ref, LawRef) and isinstance(ref.source, Source), name
        assert isinstance(ref.article, int) and ref.article > 0, name
        assert ref.paragraph is None or 1 <= ref.paragraph <= 10, name  # printable as ①–⑩
        assert ref.branch is None or ref.branch > 1, name  # 제15조의2: the first branch is the article
        assert isinstance(value.confidence, Confidence), name
        assert ref.label("en") and ref.label("ko"), name


# Kinds the Act treats apart: a name with one of these endings states the rule for that kind.
_KIND_ENDINGS = ("_GENERAL", "_SOCIAL", "_FEDERATION", "_STANDARD")
# The rules LAW.md gives different values for each kind (its table of reserves, the federation cap).
_DIFFER_BY_KIND = {
    "NAME_WORD": {"협동조합", "사회적협동조합"},  # 협동조합 / 사회적협동조합
    "MAX_SHARE_RATIO": {Fraction(30, 100), Fraction(40, 100)},  # 30%, 40% in a federation
    "LEGAL_RESERVE_MIN": {Fraction(10, 100), Fraction(30, 100)},  # 10% general, 30% social
}
# The same rule under two names, each for its own reader (the founding minimum kept in view).
_SAME_RULE = (("MIN_FOUNDERS", "MIN_MEMBERS"),)


def _stem(name: str) -> str:
    for ending in _KIND_ENDINGS:
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def test_no_two_names_hold_the_same_rule_with_different_values():
    by_stem: dict[str, dict[str, object]] = {}
    for name, value in _law_values().items():
        by_stem.setdefault(_stem(name), {})[name] = value.value
    for stem, held in by_stem.items():
        if len(held) < 2:
            continue
        if stem in _DIFFER_BY_KIND:  # the kinds differ as LAW.md says, and only so
            assert set(held.values()) == _DIFFER_BY_KIND[stem], held
        else:
            assert len({repr(v) for v in held.values()}) == 1, f"one rule, several values: {held}"
    for names in _SAME_RULE:
        values = {name: _law_values()[name] for name in names}
        assert len({v.value for v in values.values()}) == 1, values
        assert len({v.ref for v in values.values()}) == 1, values


def test_rules_read_in_the_statute_are_marked_so():
    # LAW.md marks these [H]: their confidence follows it (an M here once hid a sure rule).
    for value in (law.FOUNDING_QUORUM, law.FOUNDING_MAJORITY, law.SOCIAL_REGISTRATION_DAYS_AFTER_AUTHORIZATION,
                  law.MAX_SHARE_RATIO, law.PROXY_PRINCIPALS_PER_HOLDER, law.EXPULSION_NOTICE_DAYS):
        assert value.confidence is Confidence.HIGH, value
    assert law.MAX_SHARE_RATIO.ref == act(22, 2) and law.PROXY_PRINCIPALS_PER_HOLDER.ref == act(23, 3)
    # LAW.md's practice, not law [L]: reminders only.
    for value in (law.REGISTRATION_WARNING_DAYS_LEFT, law.REFUND_LAPSE_WARNING_DAYS, law.OFFICER_TERM_WARNING_DAYS):
        assert value.confidence is Confidence.LOW, value


def test_rules_stated_twice_agree_with_the_law_module():
    from coopdesk.domain.founding.checks import FOUNDING_MATTERS
    from coopdesk.domain.meetings.kinds import Subject, required_by

    assert tuple(s.value for s in FOUNDING_MATTERS) == law.FOUNDING_MEETING_MATTERS.value
    assert required_by(Subject.EXPULSION) == law.EXPULSION_SPECIAL_RESOLUTION.ref
    assert required_by(Subject.LEAVER_REFUND) == law.LEAVER_REFUND_SPECIAL_RESOLUTION.ref
