"""Every change the services record in the audit log can be said in words, in both languages."""

import ast
from pathlib import Path

import pytest

from coopdesk import i18n
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.audit_labels import ACTION_LABELS, ENTITY_LABELS, action_words

SOURCE = Path(__file__).resolve().parents[2] / "coopdesk"


def _recorded() -> tuple[set[str], set[str]]:
    """The action and entity codes passed to ``audit.record`` or ``add_members_in`` anywhere in the code."""
    actions, entities = set(), set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "record":
                for kw in node.keywords:
                    if kw.arg in ("action", "entity") and isinstance(kw.value, ast.Constant):
                        (actions if kw.arg == "action" else entities).add(kw.value.value)
            elif name == "add_members_in" and isinstance(node.args[-1], ast.Constant):
                actions.add(node.args[-1].value)
    return actions, entities


def test_every_recorded_action_and_record_has_words():
    actions, entities = _recorded()
    assert len(actions) > 25 and "meeting.signers" in actions  # the scan sees the services
    assert actions - set(ACTION_LABELS) == set()
    assert entities - set(ENTITY_LABELS) == set()


@pytest.mark.parametrize("language, signers, withdrawn", [
    ("ko", "의사록 서명인 선정", "이력 기록: 탈퇴"),
    ("en", "Minute signers chosen", "Event recorded: Withdrawal"),
])
def test_codes_are_said_in_the_readers_language(language, signers, withdrawn):
    t = i18n.Translator(language)
    message, params = action_words("meeting.signers")
    assert t.gettext(message, **params) == signers
    message, params = action_words(f"member.{EventKind.WITHDRAWN.value}")
    assert t.gettext(message, **{k: t.gettext(v) for k, v in params.items()}) == withdrawn
    assert action_words("future.thing") == ("{action}", {"action": "future.thing"})
