"""A separate program that keeps adding members to a co-op file, for the crash tests.

It prints each member number once its transaction has committed.
"""

import datetime as dt
import sys

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import default_coop
from coopdesk.services.files import open_database
from coopdesk.services.members.member import add_member


def main(path: str, count: int, tag: str) -> None:
    db = open_database(path)
    coop = default_coop(db)
    for i in range(count):
        view = add_member(db, coop.id, MemberDetails(f"{tag}{i}", "소비자", address="서울 " * 20),
                          joined_on=dt.date(2025, 1, 1))
        print(view.number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
