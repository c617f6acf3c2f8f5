"""Migration 0011 on a file CoopDesk 0.1 wrote (schema 0004, ``tests/data/coop-0004.coopdesk``): both
versions of its bylaws get the model wording and template 1, and the amendment adopted there
before text parts were kept still prints its comparison table and its bylaws."""

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from coopdesk.domain.meetings.kinds import Subject
from coopdesk.store import schema

DATA = Path(__file__).resolve().parents[1] / "data" / "coop-0004.coopdesk"
COOP = 1


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "햇살마을.coopdesk"
    shutil.copyfile(DATA, path)
    from coopdesk.services.files import open_database

    db = open_database(path)
    yield db
    db.close()


def test_every_version_gets_the_model_wording_of_its_kind_and_template_1(old_file):
    from coopdesk.services.bylaws import list_versions
    from coopdesk.store.models import AgendaItemRow, BylawsVersion

    assert schema.current_revision(old_file.engine) == schema.HEAD
    with old_file.read() as s:
        rows = s.execute(select(BylawsVersion.version, BylawsVersion.texts, BylawsVersion.template)).all()
        amendment = s.execute(select(AgendaItemRow.new_bylaws_texts, AgendaItemRow.bylaws_base_version)
                              .where(AgendaItemRow.subject == Subject.BYLAWS_AMENDMENT)).one()
    assert [(v, t) for v, _texts, t in rows] == [(1, 1), (2, 1)]
    assert all(texts["purpose"].endswith("목적으로 한다.") and texts["businesses"] for _v, texts, _t in rows)
    assert tuple(amendment) == (None, None)  # the item keeps what 0.1 wrote; the base is found from its day
    assert list_versions(old_file, COOP)[0].texts.qualifications.startswith("조합의 설립 목적에 동의")


def test_the_old_amendment_prints_its_comparison_table_and_its_bylaws(old_file):
    from coopdesk.services.bylaws.papers import comparison_paper
    from coopdesk.services.bylaws.printing import render_bylaws, render_comparison
    from coopdesk.services.meetings.agenda import list_items

    amendment = next(i for i in list_items(old_file, COOP, 2) if i.title == "Amendment of the bylaws")
    paper = comparison_paper(old_file, COOP, amendment.id)
    assert paper.adopted and paper.before.history[-1].version == 1 and paper.after.history[-1].version == 2
    assert paper.changed  # the settings it changed, read from the item as 0.1 stored them
    table = "".join("".join(p.extract_text().split())
                    for p in PdfReader(io.BytesIO(render_comparison(old_file, COOP, amendment.id, "ko"))).pages)
    assert "신구조문대비표" in table and "부칙(2026.9.19.)" in table
    bylaws = "".join("".join(p.extract_text().split())
                     for p in PdfReader(io.BytesIO(render_bylaws(old_file, COOP, "ko", 2))).pages)
    assert "제정" in bylaws and "개정2026.9.19." in bylaws
