"""The law module: every value carries an article, and articles print in both languages."""

from coopdesk.domain import law
from coopdesk.domain.law_ref import LawRef, Source, act


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
