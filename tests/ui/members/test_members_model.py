"""The member list's table model, without a window: columns, roles, sorting, filters, search."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from coopdesk import i18n
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.members.listing import MemberRow
from coopdesk.services.members.search import filter_rows
from coopdesk.ui.members.model import (
    JOINED,
    NAME,
    NUMBER,
    NUMBER_ROLE,
    ROW_ROLE,
    SORT_KEYS,
    STATUS,
    TYPE,
    MemberTableModel,
)

pytestmark = pytest.mark.usefixtures("qapp")  # the model makes its search keys in idle time

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DISPLAY = Qt.ItemDataRole.DisplayRole


def member(number: int, name: str, *, type_: str = "소비자", status: MemberStatus = MemberStatus.MEMBER,
           joined: dt.date | None = dt.date(2024, 3, 1), phone: str = "", email: str = "",
           left: dt.date | None = None) -> MemberRow:
    return MemberRow(number, name, type_, status, joined, left, None, phone, email, "")


ROWS = [
    member(1, "김민준", phone="010-1234-5678", email="minjun@example.kr", joined=dt.date(2021, 5, 1)),
    member(2, "이서연", type_="생산자", joined=dt.date(2020, 1, 15)),
    member(3, "박도윤", status=MemberStatus.WITHDRAWING, email="doyun.park@naver.com"),
    member(4, "Alice Kim", status=MemberStatus.WITHDRAWN, joined=dt.date(2019, 7, 7), left=dt.date(2025, 2, 1)),
    member(5, "최하은", status=MemberStatus.APPLICANT, joined=None, phone="02 333 4444"),
    member(12, "김서윤", type_="생산자", joined=dt.date(2023, 9, 9)),
]


@pytest.fixture
def model() -> MemberTableModel:
    m = MemberTableModel()
    m.set_rows(ROWS)
    return m


def numbers(m: MemberTableModel) -> list[int]:
    return [m.data(m.index(r, NUMBER), NUMBER_ROLE) for r in range(m.rowCount())]


def column_texts(m: MemberTableModel, column: int) -> list[str]:
    return [m.data(m.index(r, column), DISPLAY) for r in range(m.rowCount())]


def test_the_columns_show_number_name_type_status_and_joining_date(model: MemberTableModel) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())]
    assert headers == ["No.", "Name", "Type", "Status", "Joined"]
    first = [model.data(model.index(0, c), DISPLAY) for c in range(5)]
    assert first == ["1", "김민준", "소비자", "Member", "May 1, 2021"]
    assert model.data(model.index(4, JOINED), DISPLAY) == ""  # an applicant has not joined
    assert model.data(model.index(2, STATUS), DISPLAY) == "Withdrawing"


def test_the_status_is_shown_in_the_screen_language(model: MemberTableModel) -> None:
    i18n.set_language("ko")
    text = model.data(model.index(2, STATUS), DISPLAY)
    assert text == i18n._("Withdrawing")  # translated when the catalog has it
    assert model.data(model.index(0, JOINED), DISPLAY) == "2021. 5. 1."


def test_roles_give_the_member_and_its_number(model: MemberTableModel) -> None:
    index = model.index(3, NAME)
    assert model.data(index, ROW_ROLE) == ROWS[3]
    assert model.data(index, NUMBER_ROLE) == 4
    assert model.data(model.index(0, NUMBER), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(3, STATUS), Qt.ItemDataRole.ToolTipRole) == "Left on Feb 1, 2025"
    assert model.data(model.index(0, STATUS), Qt.ItemDataRole.ToolTipRole) is None


def test_members_who_left_are_greyed_out(qapp, model: MemberTableModel) -> None:
    foreground = Qt.ItemDataRole.ForegroundRole
    assert model.data(model.index(3, NAME), foreground) is not None  # withdrawn
    assert model.data(model.index(2, NAME), foreground) is None  # withdrawing: still a member


def test_sorting_by_each_column(model: MemberTableModel) -> None:
    model.sort(NAME, ASC)
    assert column_texts(model, NAME) == ["Alice Kim", "김민준", "김서윤", "박도윤", "이서연", "최하은"]
    model.sort(NAME, DESC)
    assert column_texts(model, NAME)[0] == "최하은"
    model.sort(JOINED, ASC)
    assert numbers(model) == [4, 2, 1, 12, 3, 5]  # the applicant, not yet joined, comes last
    model.sort(STATUS, ASC)
    assert numbers(model) == [5, 1, 2, 12, 3, 4]  # applicant, members, withdrawing, withdrawn
    model.sort(TYPE, ASC)
    assert numbers(model) == [2, 12, 1, 3, 4, 5]  # 생산자 before 소비자, then by number
    model.sort(NUMBER, DESC)
    assert numbers(model) == [12, 5, 4, 3, 2, 1]


def test_filters_by_status_and_type_and_counts(model: MemberTableModel) -> None:
    current = [s for s in MemberStatus if s.is_current]
    model.set_filters(statuses=current)
    assert numbers(model) == [1, 2, 3, 12]
    assert (model.shown, model.total) == (4, 6)
    model.set_filters(statuses=current, member_type="생산자")
    assert numbers(model) == [2, 12]
    model.set_filters(statuses=[MemberStatus.WITHDRAWN])
    assert numbers(model) == [4]
    model.set_filters()
    assert model.shown == 6


@pytest.mark.parametrize(("query", "expected"), [
    ("김", [1, 12]),
    ("kim", [4]),  # case does not matter
    ("12", [1, 12]),  # the number 12, and 010-1234-5678
    ("01012345678", [1]),  # phone digits without the dashes
    ("1234-5678", [1]),
    ("NAVER", [3]),
    ("  서   윤 ", []),  # spaces are tidied, not ignored: "서 윤" is not in "김서윤"
    ("nobody", []),
])
def test_search_looks_at_name_number_phone_and_email(model: MemberTableModel, query: str,
                                                     expected: list[int]) -> None:
    model.set_search(query)
    assert numbers(model) == expected


def test_typing_narrows_and_deleting_widens_again(model: MemberTableModel) -> None:
    seen = []
    for text in ("김", "김서", "김서윤", "김서", "김", "", "0", "01", "010"):
        model.set_search(text)
        seen.append(numbers(model))
    assert seen == [[1, 12], [12], [12], [12], [1, 12], [1, 2, 3, 4, 5, 12], [1, 5], [1], [1]]


def test_search_keeps_the_sort_and_the_filters(model: MemberTableModel) -> None:
    model.sort(NAME, DESC)
    model.set_filters(statuses=[MemberStatus.MEMBER])
    assert column_texts(model, NAME) == ["이서연", "김서윤", "김민준"]
    model.set_search("김")
    assert column_texts(model, NAME) == ["김서윤", "김민준"]
    assert model.visible_rows() == [ROWS[5], ROWS[0]]
    model.set_search("k")
    model.set_filters()
    assert column_texts(model, NAME) == ["박도윤", "김민준", "Alice Kim"]  # e-mails with a k too
    model.set_search("")
    assert column_texts(model, NAME) == ["최하은", "이서연", "박도윤", "김서윤", "김민준", "Alice Kim"]


def test_a_changed_or_new_member_is_placed_by_the_sort(model: MemberTableModel) -> None:
    model.sort(NAME, ASC)
    model.put_row(member(13, "Aaron Lee"))
    assert numbers(model)[0] == 13 and model.total == 7
    model.put_row(member(2, "황보이서연", type_="생산자"))
    assert numbers(model)[-1] == 2 and model.total == 7
    model.set_search("황보")
    assert numbers(model) == [2]


def test_the_display_row_of_a_member(model: MemberTableModel) -> None:
    model.sort(NUMBER, DESC)
    assert model.row_of_number(12) == 0
    assert model.row_of_number(1) == 5
    model.set_search("김")
    assert (model.row_of_number(1), model.row_of_number(2), model.row_of_number(99)) == (1, None, None)


def test_the_model_follows_qt_rules(qtmodeltester, model: MemberTableModel) -> None:
    qtmodeltester.check(model)
    model.set_search("김")
    qtmodeltester.check(model)


def test_search_keys_are_made_while_idle_after_a_load(qtbot) -> None:
    m = MemberTableModel()
    m.set_rows([member(n, f"조합원{n}", phone=f"010-0000-{n:04d}") for n in range(1, 12_001)])
    assert m.shown == 12_000  # shown at once, before any key exists
    qtbot.waitUntil(lambda: not m._key_timer.isActive())
    m.set_search("조합원1199")
    assert [r.number for r in m.visible_rows()] == [1199, *range(11990, 12000)]


def test_a_search_before_the_keys_are_made_finds_everything(qtbot) -> None:
    m = MemberTableModel()
    m.set_rows([member(n, f"조합원{n}") for n in range(1, 12_001)])
    m.set_search("조합원11999")  # no event loop has run: the keys are made now
    assert [r.number for r in m.visible_rows()] == [11999]


def test_signals_tell_the_view_about_every_change(qtbot, model: MemberTableModel) -> None:
    with qtbot.waitSignals([model.modelReset, model.filtered]):
        model.set_search("박")
    with qtbot.waitSignal(model.filtered):
        model.sort(NAME, DESC)


names = st.text(alphabet="김이박서연민준 aAbk", min_size=1, max_size=6)
phones = st.sampled_from(["", "010-1234-5678", "02 333 4444", "01099990000"])
statuses = st.sampled_from(list(MemberStatus))
row_values = st.lists(st.tuples(names, st.sampled_from(["소비자", "생산자"]), statuses, phones,
                                st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2026, 1, 1)))),
                      max_size=40)


@settings(max_examples=60, deadline=None)
@given(values=row_values, typed=st.text(alphabet="김이서민 ak01-", max_size=5),
       column=st.sampled_from([NUMBER, NAME, TYPE, STATUS, JOINED]), descending=st.booleans(),
       wanted=st.one_of(st.none(), st.sets(statuses, min_size=1)), data=st.data())
def test_the_model_shows_what_filter_rows_finds_in_the_sorted_order(values, typed, column, descending,
                                                                    wanted, data) -> None:
    rows = [member(n, name, type_=t, status=s, phone=p, joined=j)
            for n, (name, t, s, p, j) in enumerate(values, start=1)]
    m = MemberTableModel()
    m.set_rows(data.draw(st.permutations(rows)))  # in any order: ties still go by number
    m.sort(column, DESC if descending else ASC)
    m.set_filters(statuses=wanted)
    for end in range(len(typed) + 1):  # typed letter by letter, as the search box does
        m.set_search(typed[:end])
    expected = sorted((rows[i] for i in filter_rows(rows, text=typed, statuses=wanted)), key=SORT_KEYS[column])
    if descending:  # the same list, upside down
        expected.reverse()
    assert [r.number for r in m.visible_rows()] == [r.number for r in expected]


NAMES = ["김민준", "김하나", "이서연", "Alice Kim", "박도윤", "최하은"]
changes = st.lists(st.tuples(st.sampled_from([1, 2, 3, 4, 5, 12]), st.sampled_from(NAMES),
                             st.sampled_from(["소비자", "생산자"]),
                             st.sampled_from([MemberStatus.MEMBER, MemberStatus.WITHDRAWING])),
                   min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(changes=changes, column=st.sampled_from([NUMBER, NAME, TYPE, STATUS, JOINED]),
       order=st.sampled_from([ASC, DESC]), query=st.sampled_from(["", "김", "kim", "이서"]),
       only_members=st.booleans())
def test_changed_members_show_as_a_fresh_list_would(qapp, changes, column, order, query, only_members) -> None:
    statuses = [MemberStatus.MEMBER] if only_members else None
    changed = MemberTableModel()
    changed.set_rows(ROWS)
    changed.prepare_search()
    changed.sort(column, order)
    changed.set_filters(statuses=statuses)
    changed.set_search(query)
    rows = {r.number: r for r in ROWS}
    for number, name, type_, status in changes:
        rows[number] = member(number, name, type_=type_, status=status)
        changed.put_row(rows[number])
    fresh = MemberTableModel()
    fresh.set_rows(sorted(rows.values(), key=lambda r: r.number))
    fresh.sort(column, order)
    fresh.set_filters(statuses=statuses)
    fresh.set_search(query)
    assert changed.visible_rows() == fresh.visible_rows()
    assert [changed.row_of_number(n) for n in rows] == [fresh.row_of_number(n) for n in rows]


def test_a_member_changed_in_place_repaints_only_its_line(qtbot, model: MemberTableModel) -> None:
    model.prepare_search()
    resets, repainted = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last: repainted.append((first.row(), last.row())))
    model.put_row(member(3, "박도윤", status=MemberStatus.WITHDRAWING, phone="010-9999-0000"))
    assert resets == [] and repainted == [(2, 2)]  # sorted by number: member 3 is the third line
    model.set_search("9999")
    assert numbers(model) == [3]  # the new phone is searched at once
    model.put_row(member(3, "박도윤", status=MemberStatus.WITHDRAWING))  # it no longer matches the search
    assert resets and numbers(model) == []
