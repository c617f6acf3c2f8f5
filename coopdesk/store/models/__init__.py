"""The tables of a co-op file, as SQLAlchemy 2 typed models, one module per area.

The schema is created and changed only by the Alembic migrations in ``migrations/``;
a test checks that these models and the migrations agree.  Everything is importable from
here, as it was when the models were one module.
"""

from coopdesk.store.models.base import (  # noqa: F401
    NAMING, PARTIAL_INDEX_DIALECTS, Base, PartialUniqueIndex, _partial_unique, enum_column,
)
from coopdesk.store.models.coop import AuditEntry, AuditSeal, BylawsVersion, Coop  # noqa: F401
from coopdesk.store.models.members import Member, MemberEventRow, MemberType  # noqa: F401
from coopdesk.store.models.officers import OFFICER_PERSON_CHECK, OfficerTermRow  # noqa: F401
from coopdesk.store.models.meetings import (  # noqa: F401
    ATTENDEE_CHECK, AgendaItemRow, BallotRow, CheckInRow, ExclusionRow, MeetingNoticeRow, MeetingRegisterRow,
    MeetingRollRow, MeetingRow, MinuteSignerRow, ProxyRow, VoteRow,
)
from coopdesk.store.models.elections import (  # noqa: F401
    CandidateRow, ContestRow, ElectionBallotRow, ElectionRow, TallyEntryRow, VotedRow,
)
from coopdesk.store.models.education import (  # noqa: F401
    EDUCATION_ATTENDEE_CHECK, EducationAttendanceRow, EducationSessionRow,
)
from coopdesk.store.models.founding import FounderRow, FoundingLineRow, FoundingRow  # noqa: F401
from coopdesk.store.models.capital import (  # noqa: F401
    CapitalAccountRow, CapitalEntryRow, CapitalHoldRow, CapitalInstalmentRow, SurplusDividendRow,
    SurplusPatronageRow, SurplusYearRow,
)
from coopdesk.store.models.year import YearTaskRow  # noqa: F401
