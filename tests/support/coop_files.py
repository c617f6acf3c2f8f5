"""Co-op files as the program leaves them when closed, for the tests of many co-ops at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.databases import copy_sqlite_template


def make_coop_file(path: Path, template: Path, *names: str, members: int = 3) -> Path:
    """A co-op file (a copy of the migrated template) with the co-ops ``names``, ``members`` members each."""
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.coops import create_coop
    from coopdesk.services.files import open_database
    from coopdesk.services.members.member import add_member
    from tests.conftest import sample_profile

    copy_sqlite_template(template, path)
    db = open_database(path)
    try:
        for name in names:
            coop = create_coop(db, sample_profile(name=name), adopted_on=dt.date(2025, 1, 1))
            for i in range(members):
                add_member(db, coop.id, MemberDetails(f"{name} 조합원{i}", "소비자"), joined_on=dt.date(2025, 2, 1))
    finally:
        db.close()
    return path
