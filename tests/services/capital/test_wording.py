"""A check's label states the law's own numbers, in either language (an amendment changes law.py only)."""

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.checks import CapitalRule
from coopdesk.domain.capital.rules import growing_checks
from coopdesk.domain.coop import BylawsSettings
from coopdesk.i18n import Translator
from coopdesk.services.capital.wording import check_text


@pytest.mark.parametrize("language, words", [("en", "No member over 30% of all shares"),
                                             ("ko", "총 출자좌수의 30% 이내")])
def test_the_cap_label_states_the_laws_percentage(language, words):
    over = [c for c in growing_checks(1, 31, 100, BylawsSettings()) if c.rule is CapitalRule.SHARE_CAP]
    assert len(over) == 1 and not over[0].passed
    text = check_text(over[0], Translator(language))
    assert words in text and "{" not in text
    assert ("Act 22②" if language == "en" else "법 제22조②") in text


def test_every_label_number_is_the_law_value():
    numbers = CapitalRule.SHARE_CAP.label_params
    assert numbers["cap"] == law.MAX_SHARE_RATIO.value * 100
    assert numbers["rate"] == law.CAPITAL_DIVIDEND_MAX_RATE.value * 100
    assert numbers["share"] == law.PATRONAGE_DIVIDEND_MIN_SHARE.value * 100
    assert numbers["years"] == law.REFUND_CLAIM_LAPSE_YEARS.value
    for rule in CapitalRule:
        for language in ("en", "ko"):
            assert "{" not in Translator(language).gettext(rule.label, **rule.label_params)
