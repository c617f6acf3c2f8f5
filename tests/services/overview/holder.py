"""Another program with a co-op file open: it adds a member, keeps the change in the ``-wal``
(no checkpoint), says "ready", and holds the file open until its input ends."""

import datetime as dt
import sys

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import default_coop
from coopdesk.services.files import open_database
from coopdesk.services.members.member import add_member


def main(path: str, name: str) -> None:
    db = open_database(path)
    db.checkpoint_after_write = False  # the member stays in the -wal, not yet in the file
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    coop = default_coop(db)
    add_member(db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2025, 1, 1))
    print("ready", flush=True)
    sys.stdin.read()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
