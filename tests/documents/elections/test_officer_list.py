"""The officer list (임원 명부) for the change registration, read back with pypdf."""

from __future__ import annotations

import dataclasses

import pytest
from reportlab.lib.pagesizes import A4, landscape

from coopdesk.documents.elections.data import OFFICER_STATUS_LABELS, OfficerLine, OfficerStatus
from coopdesk.documents.elections.officers import COLUMNS, render_officer_list
from coopdesk.domain.errors import Cancelled
from coopdesk.domain.officers.terms import OFFICE_LABELS, Office
from coopdesk.i18n import Translator
from tests.documents.elections.samples import OFFICERS, TERM
from tests.documents.meetings.test_papers import all_text, assert_nanum_embedded, flat, pdf

LANGUAGES = ["ko", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_officer_list_prints_every_officer_chair_first_with_birth_date_address_and_term(language):
    t = Translator(language)
    reader = pdf(render_officer_list(OFFICERS, language))
    text = all_text(reader)
    compact = flat(text)
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == tuple(round(x) for x in landscape(A4))
    for heading, _ in COLUMNS:
        assert flat(t.gettext(heading)) in compact, heading
    for o in OFFICERS.officers:
        for fact in (o.name, o.address, t.date(o.birth_date, "medium"), t.date(o.term_start, "medium"),
                     t.date(o.term_end, "medium")):
            assert flat(fact) in compact, fact
    lines = text.splitlines()
    # numbered rows, the chair first, then the directors as given, then the auditor
    order = [(line, lines[i + 1], lines[i + 2]) for i, line in enumerate(lines) if line in {"1", "2", "3", "4", "5"}]
    offices = [t.gettext(OFFICE_LABELS[o]) for o in (Office.CHAIR, Office.DIRECTOR, Office.DIRECTOR,
                                                      Office.DIRECTOR, Office.AUDITOR)]
    assert order == list(zip(["1", "2", "3", "4", "5"], offices, ["김하나", "이두리", "박세나", "홍길동", "정다섯"]))
    for status in OfficerStatus:
        assert t.gettext(OFFICER_STATUS_LABELS[status]) in lines
    assert flat(t.gettext("We certify that the persons above are the officers of {coop} as of {date}.",
                          coop=OFFICERS.coop_name, date=t.date(OFFICERS.as_of, "long"))) in compact
    assert flat(t.gettext("{role} {name} (seal)", role=t.gettext("Chair"), name=OFFICERS.certifier)) in compact
    assert flat(OFFICERS.meeting.title) in compact
    assert_nanum_embedded(reader)


def test_a_long_list_repeats_its_headings_on_every_page():
    t = Translator("en")
    start, end = TERM
    many = tuple(OfficerLine(Office.DIRECTOR, f"이사{n:02d}", start, end, OfficerStatus.NEW,
                             address="서울특별시 마포구 성미산로 10") for n in range(1, 41))
    reader = pdf(render_officer_list(dataclasses.replace(OFFICERS, officers=many), "en"))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert t.gettext("Term ends") in page.extract_text().splitlines()
    assert {f"이사{n:02d}" for n in range(1, 41)} <= set(all_text(reader).splitlines())


def test_cancel_stops_the_officer_list():
    with pytest.raises(Cancelled):
        render_officer_list(OFFICERS, "ko", progress=lambda done, total: done < 3)
