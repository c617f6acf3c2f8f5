"""The ``assembly`` fixture: see helpers.py."""

import pytest

from tests.services.elections.helpers import add_members, hold_assembly, officers_before


@pytest.fixture
def assembly(db, coop):
    """(meeting id, election item id): 15 members, the officers before, 13 present (one by proxy)."""
    add_members(db, coop)
    officers_before(db, coop)
    return hold_assembly(db, coop, range(1, 13), {13: 1})
