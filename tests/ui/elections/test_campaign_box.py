"""The campaign limits of Act 37 show from the day the election is announced."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from coopdesk import i18n
from coopdesk.domain.elections.campaign import campaign_rules
from coopdesk.ui.elections import CampaignBox

ANNOUNCED, ELECTION_DAY = dt.date(2026, 3, 6), dt.date(2026, 3, 28)


def words(box: CampaignBox) -> str:
    return "\n".join(label.text() for label in box.findChildren(QLabel))


def test_hidden_before_the_announcement_shown_from_that_day_to_election_day(qtbot):
    box = CampaignBox(campaign_rules(), None, dt.date(2026, 3, 1), ELECTION_DAY)
    qtbot.addWidget(box)
    assert not box.in_force  # no election announced yet
    box.set_dates(ANNOUNCED, dt.date(2026, 3, 5), ELECTION_DAY)
    assert not box.in_force  # the day before
    box.set_dates(ANNOUNCED, ANNOUNCED, ELECTION_DAY)
    assert box.in_force
    box.set_dates(ANNOUNCED, ELECTION_DAY, ELECTION_DAY)
    assert box.in_force
    box.set_dates(ANNOUNCED, ELECTION_DAY + dt.timedelta(days=1), ELECTION_DAY)
    assert not box.in_force  # the election is held: nothing left to limit


def test_it_lists_what_is_allowed_and_forbidden_with_the_articles(qtbot):
    box = CampaignBox(campaign_rules(), ANNOUNCED, ANNOUNCED)
    qtbot.addWidget(box)
    assert box.title() == "Campaign limits (Act 37)"
    text = words(box)
    assert "The election was announced on Mar 6, 2026." in text
    assert "✓  Posters" in text and "✓  Asking for support by phone, text message or e-mail" in text
    assert "✗  Visiting members at home (door to door)" in text and "✗  Gathering members in one place" in text
    assert "An election committee is optional" in text and "(Act 38)" in text


def test_in_korean(qtbot):
    i18n.set_language("ko")
    box = CampaignBox(campaign_rules(), ANNOUNCED, ANNOUNCED)
    qtbot.addWidget(box)
    assert box.title() == "선거운동의 제한 (법 제37조)"
    assert "✗  조합원의 집을 찾아가는 호별방문" in words(box)
