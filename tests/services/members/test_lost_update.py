"""No lost update: a form saved over a newer change is refused, and two changes of different
fields at once both land — on SQLite and PostgreSQL, and from two processes."""

import datetime as dt
import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.members.member import add_member, edit_member, get_member

D = dt.date


@pytest.fixture
def member(db, coop):
    return add_member(db, coop.id, MemberDetails("김민준", "소비자", phone="010-1111-2222"), joined_on=D(2025, 1, 1))


def test_a_form_saved_over_a_newer_change_is_refused_and_changes_nothing(db, coop, member):
    opened = get_member(db, coop.id, 1)  # the window's form, opened now
    newer = edit_member(db, coop.id, 1, MemberDetails("김민준", "소비자", phone="010-9999-0000"), version=opened.version)
    assert newer.version == opened.version + 1
    with pytest.raises(Refusal, match="changed meanwhile"):
        edit_member(db, coop.id, 1, MemberDetails("김민준", "소비자", phone="010-1111-2222",
                                                  email="old@form.kr"), version=opened.version)
    now = get_member(db, coop.id, 1)
    assert (now.details.phone, now.details.email, now.version) == ("010-9999-0000", "", newer.version)


def test_a_command_changes_only_the_fields_it_was_asked_to(db, coop, member):
    read_before = get_member(db, coop.id, 1).details  # what a command read, before another change
    edit_member(db, coop.id, 1, MemberDetails("김민준", "소비자", phone="010-3333-4444"))
    import dataclasses

    edit_member(db, coop.id, 1, dataclasses.replace(read_before, email="minjun@example.kr"), only=["email"])
    now = get_member(db, coop.id, 1).details
    assert (now.phone, now.email) == ("010-3333-4444", "minjun@example.kr")  # neither change lost


def test_two_laptops_saving_the_same_member_at_once(db, coop, member):
    """PostgreSQL lets both read the same version; the second UPDATE finds it gone and is refused."""
    if db.is_sqlite:
        pytest.skip("SQLite runs one writer at a time: the second reads the first's version and is refused")
    read = get_member(db, coop.id, 1)
    outcome = {}
    with db.engine.connect() as other:
        other.begin()
        other.execute(text("UPDATE member SET phone = '010-5555-6666', version = version + 1 WHERE number = 1"))

        def save():
            try:
                outcome["value"] = edit_member(db, coop.id, 1, MemberDetails("김민준", "소비자", phone="010-7777-8888"),
                                               version=read.version)
            except Exception as exc:  # noqa: BLE001  (the test asserts which)
                outcome["error"] = exc
        thread = threading.Thread(target=save)
        thread.start()
        thread.join(timeout=1.0)
        other.commit()
        thread.join(timeout=20)
    assert isinstance(outcome.get("error"), Refusal), outcome
    assert get_member(db, coop.id, 1).details.phone == "010-5555-6666"


def test_two_commands_editing_one_member_at_once_both_land(tmp_path):
    """`member edit 1 --email` and `member edit 1 --phone` as two processes at once, several times."""
    path = tmp_path / "coop.coopdesk"
    env = {**os.environ, "LANG": "C.UTF-8", "COOPDESK_HOME": str(tmp_path / "home")}

    def coopdesk(*args):
        return subprocess.Popen([sys.executable, "-m", "coopdesk", "--db", str(path), *args], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    assert coopdesk("init", "--name", "햇살협동조합", "--office", "서울", "--member-type", "소비자").wait() == 0
    assert coopdesk("member", "add", "--name", "김민준", "--type", "소비자", "--joined", "2025-01-01").wait() == 0
    for round_ in range(3):
        email, phone = f"m{round_}@example.kr", f"010-0000-000{round_}"
        both = [coopdesk("member", "edit", "1", "--email", email), coopdesk("member", "edit", "1", "--phone", phone)]
        assert [p.wait(timeout=120) for p in both] == [0, 0], [p.stderr.read() for p in both]
        shown = subprocess.run([sys.executable, "-m", "coopdesk", "--db", str(path), "--json", "member", "show", "1"],
                               env=env, capture_output=True, text=True, check=True).stdout
        assert email in shown and phone in shown, round_
