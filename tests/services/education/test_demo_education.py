"""The demo co-op shows education: the founders' course, an orientation, this year's member education."""

from coopdesk.domain.education.sessions import SessionKind
from coopdesk.services.demo import create_demo
from coopdesk.services.education.attendance import list_attendees
from coopdesk.services.education.sessions import list_sessions
from tests.conftest import TODAY


def test_the_demo_holds_sessions_with_people_on_their_lists(db):
    coop = create_demo(db, 15, today=TODAY)
    sessions = {s.details.kind: s for s in list_sessions(db, coop.id)}
    assert set(sessions) == {SessionKind.FOUNDING_COURSE, SessionKind.ORIENTATION, SessionKind.MEMBER_EDUCATION}
    founders = list_attendees(db, coop.id, sessions[SessionKind.FOUNDING_COURSE].id)
    assert [p.member_number for p in founders] == [1, 2, 3, 4, 5]
    assert all(s.attendees and s.details.held_on <= TODAY for s in sessions.values())
