"""Importing members from .xlsx and .csv files: all rows or none, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from coopdesk import i18n
from coopdesk.domain.errors import Cancelled, ImportRejected, Refusal
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.i18n import Translator, refusal_text
from coopdesk.services import audit
from coopdesk.services.coops import create_coop
from coopdesk.services.members.importing import (
    FIELD_KEYS,
    guess_mapping,
    import_members,
    parse_date,
    preview,
    read_headers,
)
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import get_member
from coopdesk.services.table_write import write_table
from tests.conftest import TODAY, sample_profile

D = dt.date
HEADERS = ["이름", "조합원 유형", "생년월일", "휴대폰", "이메일", "주소", "가입일", "비고"]
GOOD = [
    ["김민준", "소비자", "1980-05-01", "010-1234-5678", "minjun@example.kr", "서울특별시 마포구 성미산로 1", "2024-03-01", ""],
    ["이서연", "생산자", "1992-11-30", "010-2222-3333", "", "서울특별시 은평구 은평로 2", "2024-03-15", "발기인"],
    ["박지호", "소비자", "", "", "JIHO@Example.KR", "", "2025-01-10", ""],
]


def write_csv(path, rows, encoding="utf-8-sig", headers=HEADERS):
    lines = [",".join(headers)] + [",".join(r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path, rows, headers=HEADERS):
    """A workbook as a person makes one in Excel: dates as date cells, some cells numbers."""
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def count_rows(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def do_import(db, coop, path, **kw):
    mapping = kw.pop("mapping", None) or guess_mapping(read_headers(path, kw.get("encoding")))
    return import_members(db, coop.id, path, mapping, today=TODAY, **kw)


def listed(db, coop):
    return [(r.number, r.name, r.member_type, r.birth_date, r.phone, r.email, r.joined_on)
            for r in list_members(db, coop.id, today=TODAY)]


EXPECTED = [
    (1, "김민준", "소비자", D(1980, 5, 1), "010-1234-5678", "minjun@example.kr", D(2024, 3, 1)),
    (2, "이서연", "생산자", D(1992, 11, 30), "010-2222-3333", "", D(2024, 3, 15)),
    (3, "박지호", "소비자", None, "", "jiho@example.kr", D(2025, 1, 10)),
]


def test_an_excel_file_is_imported_with_numbers_from_the_program(db, coop, tmp_path):
    rows = [[name, kind, D.fromisoformat(born) if born else None, phone, email, address,
             D.fromisoformat(joined), notes] for name, kind, born, phone, email, address, joined, notes in GOOD]
    rows[1][3] = 1022223333  # typed as a number, Excel dropped the leading 0
    path = write_xlsx(tmp_path / "members.xlsx", rows)
    result = do_import(db, coop, path)
    assert (result.count, result.first_number, result.last_number) == (3, 1, 3)
    assert listed(db, coop) == [EXPECTED[0], (*EXPECTED[1][:4], "01022223333", *EXPECTED[1][5:]), EXPECTED[2]]
    second = get_member(db, coop.id, 2, today=TODAY)
    assert second.details.notes == "발기인"
    assert second.status is MemberStatus.MEMBER
    assert [e.kind for e in second.events] == [EventKind.ADMITTED]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp949"])
def test_csv_files_in_utf8_and_cp949_are_read(db, coop, tmp_path, encoding):
    path = write_csv(tmp_path / "members.csv", GOOD, encoding)
    assert preview(path).encoding in (("utf-8-sig",) if encoding != "cp949" else ("cp949",))
    assert do_import(db, coop, path).count == 3
    assert listed(db, coop) == EXPECTED


def test_an_encoding_can_be_given_and_a_wrong_one_is_refused(db, coop, tmp_path):
    path = write_csv(tmp_path / "members.csv", GOOD, "cp949")
    with pytest.raises(Refusal) as exc:
        preview(path, encoding="utf-8")
    assert exc.value.field == "encoding"
    assert do_import(db, coop, path, encoding="cp949").count == 3


def test_member_numbers_in_the_file_are_ignored_and_numbering_goes_on(db, coop, tmp_path):
    do_import(db, coop, write_csv(tmp_path / "a.csv", GOOD[:1]))
    path = write_csv(tmp_path / "b.csv", [["77"] + r for r in GOOD[1:]], headers=["번호"] + HEADERS)
    result = do_import(db, coop, path)
    assert (result.first_number, result.last_number) == (2, 3)
    assert [r[0] for r in listed(db, coop)] == [1, 2, 3]


def test_bad_rows_import_nothing_and_are_all_listed_with_their_line(db, coop, tmp_path):
    rows = [
        GOOD[0],                                                             # line 2
        ["최하은", "후원자", "", "", "", "", "2024-03-01", ""],              # line 3: no such type
        GOOD[1],                                                             # line 4
        ["", "", "", "", "", "", "", ""],                                    # line 5: empty, skipped
        ["정도윤", "소비자", "1990-02-30", "", "", "", "2024-03-01", ""],    # line 6: no such day
        ["강수아", "소비자", "", "", "not-an-address", "", "2024-03-01", ""],  # line 7: e-mail
        GOOD[2],                                                             # line 8
    ]
    path = write_csv(tmp_path / "members.csv", rows)
    entries = count_rows(db, "audit_entry")
    with pytest.raises(ImportRejected) as exc:
        do_import(db, coop, path)
    problems = exc.value.problems
    assert [(p.line, p.refusal.field) for p in problems] == [(3, "member_type"), (6, "birth_date"), (7, "email")]
    assert "후원자" in refusal_text(problems[0].refusal)
    assert "1990-02-30" in refusal_text(problems[1].refusal)
    assert "not-an-address" in refusal_text(problems[2].refusal)
    assert refusal_text(exc.value) == "Nothing was imported. Rows with problems: 3."
    assert (count_rows(db, "member"), count_rows(db, "member_event")) == (0, 0)
    assert count_rows(db, "audit_entry") == entries
    assert do_import(db, coop, write_csv(tmp_path / "ok.csv", GOOD)).first_number == 1  # no number was used


def test_problems_are_told_in_the_users_language(db, coop, tmp_path):
    path = write_csv(tmp_path / "members.csv", [["최하은", "후원자", "", "", "", "", "", ""]])
    with pytest.raises(ImportRejected) as exc:
        do_import(db, coop, path)
    refusal = exc.value.problems[0].refusal
    english = refusal_text(refusal)
    assert english.startswith("\u201c후원자\u201d is not a member type of this co-op")
    ko = Translator("ko")
    params = dict(refusal.params)
    i18n.set_language("ko")
    assert refusal_text(refusal) == ko.gettext(refusal.message, **params)
    assert refusal_text(exc.value) == ko.gettext(exc.value.message, count=1)


def test_one_member_twice_in_the_file_is_a_problem_naming_both_lines(db, coop, tmp_path):
    twin = ["김민준", "소비자", "1980-05-01", "01012345678", "", "", "2024-05-01", ""]
    path = write_csv(tmp_path / "members.csv", [GOOD[0], GOOD[1], twin])
    with pytest.raises(ImportRejected) as exc:
        do_import(db, coop, path)
    [problem] = exc.value.problems
    assert problem.line == 4
    assert problem.refusal.params == {"line": 2}
    assert "Line 2" in refusal_text(problem.refusal)
    # Same name, nothing else to tell them apart: two people, not one twice.
    namesakes = [["김민준", "소비자", "", "", "", "", "2024-05-01", ""]] * 2
    assert do_import(db, coop, write_csv(tmp_path / "b.csv", namesakes)).count == 2


def test_dates_are_read_in_every_accepted_form(db, coop, tmp_path):
    forms = ["2024-03-01", "2024.3.1", "2024. 3. 1.", "2024/03/01", "20240301", "2024년 3월 1일",
             "2024-03-01 00:00:00"]
    rows = [[f"조합원{i}", "소비자", "", "", "", "", form, ""] for i, form in enumerate(forms)]
    do_import(db, coop, write_csv(tmp_path / "dates.csv", rows))
    assert {r[-1] for r in listed(db, coop)} == {D(2024, 3, 1)}
    assert parse_date(20240301) == D(2024, 3, 1)  # a number in an Excel cell
    assert parse_date(D(2024, 3, 1)) == D(2024, 3, 1)


@pytest.mark.parametrize("bad", ["2024-02-30", "03/01/2024", "어제", "2024-13-01", "45352"])
def test_what_is_not_a_date_is_refused(bad):
    with pytest.raises(Refusal) as exc:
        parse_date(bad, "joined_on")
    assert exc.value.field == "joined_on"
    assert bad in refusal_text(exc.value)


def test_headers_are_recognised_in_korean_and_english():
    korean = ["번호", "성명", "조합원 유형", "생년월일", "휴대폰 번호", "E-Mail", "주소", "가입일자", "가입신청일", "비고",
              "개인정보 동의일"]
    assert guess_mapping(korean) == {
        "name": 1, "member_type": 2, "birth_date": 3, "phone": 4, "email": 5, "address": 6,
        "joined_on": 7, "applied_on": 8, "notes": 9, "privacy_consent_on": 10}
    english = ["Full name", "TYPE", "Date of birth", "Mobile", "e-mail", "Address", "Joined", "Notes", "Shoe size"]
    assert guess_mapping(english) == {
        "name": 0, "member_type": 1, "birth_date": 2, "phone": 3, "email": 4, "address": 5,
        "joined_on": 6, "applied_on": None, "notes": 7, "privacy_consent_on": None}
    assert guess_mapping(["연락처", "이름", "메모"]) == {
        **dict.fromkeys(FIELD_KEYS), "phone": 0, "name": 1, "notes": 2}


def test_a_mapping_that_cannot_work_is_refused_before_the_file_is_read(db, coop, tmp_path):
    missing = tmp_path / "not-there.csv"
    mapping = dict.fromkeys(FIELD_KEYS)
    with pytest.raises(Refusal) as exc:
        import_members(db, coop.id, missing, {**mapping, "joined_on": 1}, today=TODAY)
    assert exc.value.field == "name"
    with pytest.raises(Refusal) as exc:  # two member types, and no column says which
        import_members(db, coop.id, missing, {**mapping, "name": 0, "joined_on": 1}, today=TODAY)
    assert exc.value.field == "member_type"
    with pytest.raises(Refusal) as exc:
        import_members(db, coop.id, missing, {**mapping, "name": 0, "member_type": 0, "joined_on": 1},
                       today=TODAY)
    assert exc.value.field == "mapping"
    path = write_csv(tmp_path / "members.csv", GOOD)
    with pytest.raises(Refusal) as exc:
        import_members(db, coop.id, path, {**mapping, "name": 0, "member_type": 1, "joined_on": 12},
                       today=TODAY)
    assert exc.value.params == {"column": 13}
    assert count_rows(db, "member") == 0


def test_a_missing_type_is_the_only_type_of_a_one_type_co_op(db, tmp_path):
    coop = create_coop(db, sample_profile(member_types=("조합원",)), adopted_on=D(2025, 1, 1))
    path = write_csv(tmp_path / "members.csv", [["김민준", "2024-03-01"], ["이서연", "2024-04-01"]],
                     headers=["이름", "가입일"])
    assert do_import(db, coop, path).count == 2
    assert {r[2] for r in listed(db, coop)} == {"조합원"}


def test_a_type_is_found_whatever_its_spacing_or_case(db, tmp_path):
    coop = create_coop(db, sample_profile(member_types=("Consumer", "생산자 조합원")), adopted_on=D(2025, 1, 1))
    path = write_csv(tmp_path / "m.csv", [["김민준", "CONSUMER", "2024-03-01"], ["이서연", "생산자조합원", "2024-03-01"]],
                     headers=["name", "type", "joined"])
    do_import(db, coop, path)
    assert [r[2] for r in listed(db, coop)] == ["Consumer", "생산자 조합원"]


def test_an_application_without_admission_makes_an_applicant(db, coop, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["김민준", "소비자", "2026-11-01", ""], ["이서연", "소비자", "2024-01-02", "2024-01-20"]],
                     headers=["이름", "유형", "신청일", "가입일"])
    do_import(db, coop, path)
    rows = list_members(db, coop.id, today=TODAY)
    assert [r.status for r in rows] == [MemberStatus.APPLICANT, MemberStatus.MEMBER]
    assert [e.kind for e in get_member(db, coop.id, 2, today=TODAY).events] == [EventKind.APPLIED, EventKind.ADMITTED]


def test_line_numbers_count_empty_and_multi_line_rows(db, coop, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("이름,유형,가입일,비고\n\n김민준,소비자,2024-03-01,\"두 줄\n메모\"\n,,,\n이서연,없는유형,2024-03-01,\n",
                    encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        do_import(db, coop, path)
    assert [p.line for p in exc.value.problems] == [6]
    sheet = write_xlsx(tmp_path / "gaps.xlsx", [["김민준", "소비자", None, None, None, None, D(2024, 3, 1)],
                                                 [None] * 7, [None] * 7, ["이서연", "없는유형", None, None, None, None,
                                                                         D(2024, 3, 1)]])
    with pytest.raises(ImportRejected) as exc:
        do_import(db, coop, sheet)
    assert [p.line for p in exc.value.problems] == [5]


def test_the_preview_shows_the_first_rows_and_counts_them_all(tmp_path):
    rows = [[f"조합원{i}", "소비자", "", "", "", "", D(2024, 3, 1), ""] for i in range(30)]
    found = preview(write_xlsx(tmp_path / "members.xlsx", rows), rows=5)
    assert found.total == 30
    assert [line for line, _ in found.rows] == [2, 3, 4, 5, 6]
    assert found.rows[0][1] == ("조합원0", "소비자", "", "", "", "", "2024-03-01", "")
    assert found.mapping["joined_on"] == 6 and found.encoding is None


@pytest.mark.parametrize("name, content", [
    ("members.xlsx", b"this is not a workbook"),
    ("members.csv", b""),
    ("members.txt", b"name\n"),
    ("members.csv", b"\xff\xfe\x00\xd8garbage\x81"),
])
def test_a_file_that_is_not_a_table_is_refused_clearly(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(Refusal) as exc:
        preview(path)
    assert exc.value.field in ("path", "encoding")
    assert refusal_text(exc.value)


def test_a_cancelled_import_writes_nothing(db, coop, tmp_path):
    rows = [[f"조합원{i}", "소비자", "", "", "", "", "2024-03-01", ""] for i in range(5000)]
    path = write_csv(tmp_path / "members.csv", rows)
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 50

    with pytest.raises(Cancelled):
        do_import(db, coop, path, progress=progress)
    assert count_rows(db, "member") == 0
    assert seen and all(total == 100 for _, total in seen)
    assert do_import(db, coop, path).count == 5000


@pytest.mark.parametrize("writer", ["excel", "streaming"])
def test_progress_goes_up_to_100_in_order(db, coop, tmp_path, writer):
    rows = [[f"조합원{i}", "소비자", "", "", "", "", "2024-03-01", ""] for i in range(9000)]
    path = tmp_path / "m.xlsx"
    if writer == "excel":
        write_xlsx(path, rows)
    else:  # a workbook that does not say how many rows it has, as openpyxl's write-only mode makes
        write_table(path, HEADERS, rows, total=len(rows))
    seen = []
    do_import(db, coop, path, progress=lambda done, total: seen.append(done) or True)
    assert seen == sorted(seen) and seen[-1] == 100
    assert len([p for p in seen if p < 90]) >= 4  # the bar moves while the file is read


def test_an_import_is_one_audit_entry_and_the_chain_holds(db, coop, tmp_path):
    before = count_rows(db, "audit_entry")
    do_import(db, coop, write_csv(tmp_path / "members.csv", GOOD))
    assert count_rows(db, "audit_entry") == before + 1
    assert audit.recent(db, 1)[0].action == "member.import"
    assert audit.verify(db).intact


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_apostrophe_that_kept_a_formula_from_running_is_removed(db, coop, tmp_path, suffix):
    """As CoopDesk's CSV export, or another careful program, wrote them."""
    rows = [["'=HYPERLINK(\"http://x.example\",\"x\")", "소비자", "", "'+82 10 1234 5678", "", "'@SUM(1,1)",
             "2024-03-01", "'-2+3"],
            ["'김민준", "소비자", "", "", "", "'-", "2024-03-01", "it's"]]
    if suffix == ".csv":
        path = tmp_path / "m.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            import csv
            csv.writer(fh).writerows([HEADERS, *rows])
    else:
        path = write_xlsx(tmp_path / "m.xlsx", rows)
    do_import(db, coop, path)
    first, second = (get_member(db, coop.id, n, today=TODAY).details for n in (1, 2))
    assert (first.name, first.phone, first.address, first.notes) == (
        "=HYPERLINK(\"http://x.example\",\"x\")", "+82 10 1234 5678", "@SUM(1,1)", "-2+3")
    # An apostrophe before anything else is the member's own text.
    assert (second.name, second.address, second.notes) == ("'김민준", "'-", "it's")
    assert preview(path).rows[0][1][0] == "=HYPERLINK(\"http://x.example\",\"x\")"  # as it will be imported


# -- rows that are already on the register -------------------------------------------------

def test_importing_the_same_file_again_is_refused_naming_whom_each_row_matches(db, coop, tmp_path):
    from coopdesk.services.members.importing import AlreadyOnRegister

    path = write_csv(tmp_path / "members.csv", GOOD)
    do_import(db, coop, path)
    entries = count_rows(db, "audit_entry")
    with pytest.raises(AlreadyOnRegister) as exc:
        do_import(db, coop, path)
    problems = exc.value.problems
    assert [(p.line, p.refusal.params["number"], p.refusal.params["name"]) for p in problems] == [
        (2, 1, "김민준"), (3, 2, "이서연")]  # line 4 has neither birth date nor phone: nothing to match by
    assert refusal_text(problems[0].refusal) == (
        "Already on the register: member no. 1, 김민준 (same name and birth date).")
    assert refusal_text(exc.value) == (
        "Nothing was imported. Rows that match members already on the register: 2; new rows: 1.")
    assert isinstance(exc.value, ImportRejected)  # shown and reported as any rejected import is
    assert listed(db, coop) == EXPECTED and count_rows(db, "audit_entry") == entries


def test_the_matching_rows_can_be_skipped_or_imported_anyway(db, coop, tmp_path):
    from coopdesk.services.members.importing import Existing

    do_import(db, coop, write_csv(tmp_path / "first.csv", GOOD[:2]))
    path = write_csv(tmp_path / "members.csv", GOOD)
    skipped = do_import(db, coop, path, existing=Existing.SKIP)
    assert (skipped.count, skipped.first_number, skipped.last_number, skipped.skipped) == (1, 3, 3, 2)
    assert [r[1] for r in listed(db, coop)] == ["김민준", "이서연", "박지호"]
    anyway = do_import(db, coop, path, existing=Existing.ALLOW)
    assert (anyway.count, anyway.first_number, anyway.skipped) == (3, 4, 0)
    assert [r[1] for r in listed(db, coop)] == ["김민준", "이서연", "박지호"] * 2


def test_a_member_is_found_by_name_and_birth_date_or_by_phone_digits(db, coop, tmp_path):
    from coopdesk.services.members.importing import AlreadyOnRegister

    do_import(db, coop, write_csv(tmp_path / "first.csv", GOOD[:2]))
    rows = [
        ["김민준", "소비자", "1980-05-01", "", "", "", "2025-01-01", ""],        # line 2: name and birth date
        ["김 민준", "소비자", "", "010 2222 3333", "", "", "2025-01-01", ""],     # line 3: phone, written otherwise
        ["김민준", "소비자", "1980-05-02", "", "", "", "2025-01-01", ""],        # a namesake born another day
        ["이서연", "생산자", "", "", "", "", "2025-01-01", ""],                   # a name alone tells nothing
        ["박지호", "소비자", "1980-05-01", "010-9999-0000", "", "", "2025-01-01", ""],
    ]
    with pytest.raises(AlreadyOnRegister) as exc:
        do_import(db, coop, write_csv(tmp_path / "m.csv", rows))
    found = [(p.line, p.refusal.params["number"], p.refusal.field) for p in exc.value.problems]
    assert found == [(2, 1, "birth_date"), (3, 2, "phone")]
    assert refusal_text(exc.value.problems[1].refusal) == (
        "Already on the register: member no. 2, 이서연 (same phone number).")
    assert exc.value.params == {"count": 2, "new": 3}


def test_rows_with_problems_are_told_before_rows_already_on_the_register(db, coop, tmp_path):
    from coopdesk.services.members.importing import AlreadyOnRegister

    do_import(db, coop, write_csv(tmp_path / "first.csv", GOOD))
    bad = ["정도윤", "소비자", "1990-02-30", "", "", "", "2024-03-01", ""]
    with pytest.raises(ImportRejected) as exc:
        do_import(db, coop, write_csv(tmp_path / "m.csv", [*GOOD, bad]))
    assert not isinstance(exc.value, AlreadyOnRegister)
    assert [p.line for p in exc.value.problems] == [5]


def test_skipping_every_row_imports_nothing_and_writes_nothing(db, coop, tmp_path):
    from coopdesk.services.members.importing import Existing

    path = write_csv(tmp_path / "members.csv", GOOD[:2])
    do_import(db, coop, path)
    entries = count_rows(db, "audit_entry")
    result = do_import(db, coop, path, existing=Existing.SKIP)
    assert (result.count, result.skipped) == (0, 2)
    assert len(listed(db, coop)) == 2 and count_rows(db, "audit_entry") == entries
    assert do_import(db, coop, write_csv(tmp_path / "new.csv", GOOD[2:])).first_number == 3  # no number used


def test_the_register_is_read_once_whatever_the_number_of_rows(db, coop, tmp_path):
    """A query per row would make a 100,000-row import take minutes."""
    from sqlalchemy import event

    from coopdesk.services.members.importing import Existing

    def statements_for(rows, name):
        path = write_csv(tmp_path / name, rows)
        seen = []
        listen = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listen)
        try:
            do_import(db, coop, path, existing=Existing.ALLOW)
        finally:
            event.remove(db.engine, "before_cursor_execute", listen)
        return len([s for s in seen if "FROM member" in s and "SELECT" in s.upper()])

    def people(n, start):
        return [[f"조합원{i}", "소비자", "1980-01-01", f"010-{i:04d}-0000", "", "", "2024-03-01", ""]
                for i in range(start, start + n)]

    do_import(db, coop, write_csv(tmp_path / "register.csv", people(400, 0)))
    assert statements_for(people(5, 0), "few.csv") == statements_for(people(400, 0), "many.csv")
