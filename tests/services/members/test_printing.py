"""Printing the member register to a PDF file."""

import io

import pytest
from pypdf import PdfReader

from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.i18n import Translator
from coopdesk.services.demo import create_demo
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.printing import print_register
from coopdesk.services.printing import count_pages
from tests.conftest import TODAY


@pytest.fixture
def demo(db):
    return create_demo(db, 60, today=TODAY)


def pdf_text(path):
    reader = PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_register_pdf_holds_every_member(db, demo, tmp_path):
    result = print_register(db, demo.id, tmp_path / "명부.pdf", "ko", as_of=TODAY)
    reader, content = pdf_text(result.path)
    assert result.path == tmp_path / "명부.pdf"
    assert result.pages == len(reader.pages) >= 2
    assert demo.name in content
    assert Translator("ko").gettext("Member register") in content
    for row in list_members(db, demo.id, today=TODAY):
        assert row.name in content and row.phone in content


def test_the_rows_the_list_shows_are_the_rows_printed(db, demo, tmp_path):
    rows = list_members(db, demo.id, today=TODAY)
    shown = [r for r in rows if r.status is not MemberStatus.MEMBER]
    result = print_register(db, demo.id, tmp_path / "register.pdf", "en", as_of=TODAY, rows=shown)
    _, content = pdf_text(result.path)
    assert result.pages == 1
    printed = [r for r in rows if r.phone in content]
    assert printed == shown
    assert "Withdrawing" in content and "Deceased" in content


def test_pages_are_counted_from_the_pdf(db, demo, tmp_path):
    result = print_register(db, demo.id, tmp_path / "r.pdf", "en", as_of=TODAY)
    data = result.path.read_bytes()
    assert count_pages(data) == len(PdfReader(io.BytesIO(data)).pages) == result.pages


def test_a_cancelled_print_leaves_the_old_file_and_no_half_pdf(db, demo, tmp_path):
    folder = tmp_path / "prints"
    folder.mkdir()
    path = folder / "register.pdf"
    path.write_bytes(b"last year's register")
    with pytest.raises(Cancelled):
        print_register(db, demo.id, path, "en", as_of=TODAY, progress=lambda done, total: False)
    assert path.read_bytes() == b"last year's register"
    assert [p.name for p in folder.iterdir()] == ["register.pdf"]


def test_a_place_that_cannot_hold_the_pdf_is_refused(db, demo, tmp_path):
    folder = tmp_path / "prints"
    folder.mkdir()
    with pytest.raises(Refusal) as exc:
        print_register(db, demo.id, folder, "en", as_of=TODAY)
    assert exc.value.field == "path"
    with pytest.raises(Refusal) as exc:
        print_register(db, demo.id, folder / "no" / "such" / "folder.pdf", "en", as_of=TODAY)
    assert exc.value.field == "path"
    assert list(folder.iterdir()) == []
