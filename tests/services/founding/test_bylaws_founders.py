"""The bylaws of a co-op founded in CoopDesk name its founders (부칙: 발기인) as the Founding area
records them, unless the bylaws text names them itself."""

import dataclasses

from coopdesk.services.bylaws.papers import bylaws_paper
from coopdesk.services.bylaws.texts import get_texts, set_texts
from tests.services.founding.helpers import FOUNDERS, gather, name, start


def test_the_founders_recorded_are_printed_in_the_bylaws(db):
    coop_id = start(db).coop_id
    assert bylaws_paper(db, coop_id).facts.texts.founders == ()
    gather(db, coop_id)
    assert bylaws_paper(db, coop_id).facts.texts.founders == tuple(name(n) for n in range(1, FOUNDERS + 1))


def test_founders_written_in_the_bylaws_text_come_first(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    set_texts(db, coop_id, dataclasses.replace(get_texts(db, coop_id), founders=("홍길동", "김철수")))
    assert bylaws_paper(db, coop_id).facts.texts.founders == ("홍길동", "김철수")
