"""Every user-visible message is translated into Korean and English, placeholders intact."""

import pytest
from babel.messages.pofile import read_po

from coopdesk.catalog import extract, placeholders, po_path
from coopdesk.i18n import LANGUAGES, Translator


def _catalog(language):
    with po_path(language).open("rb") as fh:
        return read_po(fh, locale=language)


def _ids(catalog):
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


@pytest.fixture(scope="module")
def source():
    return extract()


def test_the_source_has_messages_to_check(source):
    assert len(_ids(source)) > 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_holds_every_message_of_the_source(source, language):
    missing = sorted(_ids(source) - _ids(_catalog(language)))
    assert missing == [], f"run `python -m coopdesk.catalog` and translate: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(source, language):
    catalog = _catalog(language)
    wanted = _ids(source)
    untranslated = [m.id for m in catalog if m.id and _ids_of(m) in wanted and (not _all_strings(m) or m.fuzzy)]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_the_same_in_every_translation(language):
    wrong = []
    for m in _catalog(language):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, (tuple, list)) else (m.id,)
        strings = m.string if isinstance(m.string, (tuple, list)) else (m.string,)
        expected = set().union(*(placeholders(i) for i in ids))
        optional = {"n"} if len(ids) > 1 else set()  # a plural form may leave the count out
        for s in strings:
            found = placeholders(s)
            if s and (found - expected or expected - optional - found):
                wrong.append((ids[0], s))
    assert wrong == []


def test_korean_is_really_korean():
    t = Translator("ko")
    assert t.gettext("Members") != "Members"
    assert any("\uac00" <= ch <= "\ud7a3" for ch in t.gettext("Members"))


def _ids_of(m):
    return m.id if isinstance(m.id, str) else m.id[0]


def _all_strings(m):
    return all(m.string) if isinstance(m.string, (tuple, list)) else bool(m.string)
