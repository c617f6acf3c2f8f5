"""Every user-visible message is translated into Korean and English, placeholders intact."""

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import coopdesk
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


def test_no_message_hides_from_the_extractor(source):
    """Babel drops a literal nested in another translation call (``gettext(d.get(k, N_("x")))``):
    every literal given to a translation function must reach the catalog."""
    found = _ids(source)
    hidden = []
    for path in sorted(Path(coopdesk.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _called(node) in {"_", "N_", "gettext"} and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                    if first.value not in found:
                        hidden.append(f"{path.name}:{node.lineno} {first.value[:40]}")
    assert hidden == []


def _called(node):
    return getattr(node.func, "id", None) or getattr(node.func, "attr", None)


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
