"""`coopdesk coop texts show | set`: the text parts of the bylaws (정관 문안), and the same
options for the amended words an amendment item carries (`meeting item add`).

The text parts are the co-op's own words: purpose, businesses (the Act's three are always
printed besides them), member qualifications, use by non-members, and the founders.  The
settings are not here: they change only by amendment (`meeting item add --subject
bylaws_amendment`).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from coopdesk.cli.common import (
    Context,
    UsageError,
    print_fields,
    print_json,
    say,
    whole_number,
)
from coopdesk.domain.bylaws.texts import PART_LABELS, BylawsTexts
from coopdesk.domain.coop import CoopKind
from coopdesk.i18n import N_, _, current

# (option, part, repeated, help)
_OPTIONS: tuple[tuple[str, str, bool, str], ...] = (
    ("--purpose", "purpose", False, N_("What follows \u201cThis co-op\u201d in the first article: its purpose")),
    ("--business", "businesses", True,
     N_("A business of the co-op (repeat for each; they replace the list). The three the Act requires are always "
        "printed besides them")),
    ("--main-business", "main_businesses", True,
     N_("A social co-op: a main public-benefit business (repeat for each; they replace the list)")),
    ("--qualifications", "qualifications", False, N_("Who may become a member")),
    ("--non-member-use", "non_member_use", False,
     N_("What non-members may use of the co-op's business (empty: the article is left out)")),
)


def add_text_options(parser: argparse.ArgumentParser | Any, founders: bool = False) -> None:
    """The options of the text parts; ``founders`` also names the founders (not by amendment)."""
    parser.add_argument("--texts-json", type=Path, metavar="FILE",
                        help=_("A JSON file of text parts, as \u201ccoopdesk --json coop texts show\u201d writes "
                               "them; the options below change them further"))
    for option, part, repeated, help_text in _OPTIONS:
        parser.add_argument(option, dest=f"text_{part}", action="append" if repeated else "store",
                            metavar="TEXT", help=_(help_text))
    if founders:
        parser.add_argument("--founder", dest="text_founders", action="append", metavar="NAME",
                            help=_("A founder whose name the original bylaws carry (repeat for each; they replace "
                                   "the list)"))


def texts_from_args(args: argparse.Namespace, current_texts: BylawsTexts) -> BylawsTexts | None:
    """The text parts given (a file, then the options), over ``current_texts``; None when none is given."""
    given: dict[str, Any] = {}
    if getattr(args, "texts_json", None) is not None:
        given |= _read(args.texts_json)
    for _option, part, repeated, _help in (*_OPTIONS, ("", "founders", True, "")):
        value = getattr(args, f"text_{part}", None)
        if value is not None:
            given[part] = tuple(value) if repeated else value
    if not given:
        return None
    return dataclasses.replace(current_texts, **given)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise UsageError(_("{file} is not a JSON file: {problem}", file=str(path), problem=str(exc))) from None
    if isinstance(data, dict) and isinstance(data.get("texts"), dict):
        data = data["texts"]
    if not isinstance(data, dict):
        raise UsageError(_("{file} holds no text parts.", file=str(path)))
    known = {f.name for f in dataclasses.fields(BylawsTexts)}
    lists = {"businesses", "main_businesses", "founders"}
    return {k: (tuple(str(x) for x in v) if k in lists else str(v)) for k, v in data.items() if k in known}


def texts_json(version: int, texts: BylawsTexts) -> dict[str, Any]:
    return {"version": version, "texts": {k: list(v) if isinstance(v, tuple) else v
                                          for k, v in dataclasses.asdict(texts).items()}}


# -- coopdesk coop texts ---------------------------------------------------------------------

def add_texts_parsers(verbs: argparse._SubParsersAction) -> None:
    texts = verbs.add_parser("texts", help=_("The bylaws' own words: purpose, businesses, member qualifications, "
                                             "use by non-members, founders"))
    tverbs = texts.add_subparsers(dest="texts_verb", required=True, metavar="VERB")
    show = tverbs.add_parser("show", help=_("Show the text parts of the bylaws in force (or of --version)"))
    show.add_argument("--version", dest="bylaws_version", type=whole_number(1, 10**6), metavar="N",
                      help=_("The version, as \u201ccoop bylaws\u201d lists it"))
    show.set_defaults(run=run_show)
    put = tverbs.add_parser("set", help=_(
        "Write down the text parts as the co-op's bylaws word them (the version in force, or --version). "
        "To change the bylaws, put an amendment to a general assembly"))
    put.add_argument("--version", dest="bylaws_version", type=whole_number(1, 10**6), metavar="N",
                     help=_("The version, as \u201ccoop bylaws\u201d lists it"))
    add_text_options(put, founders=True)
    put.set_defaults(run=run_set)


def run_show(ctx: Context) -> int:
    from coopdesk.services.bylaws.versions import get_version

    coop = ctx.coop()
    view = get_version(ctx.database(), coop.id, ctx.args.bylaws_version)
    assert view.texts is not None
    if ctx.json:
        print_json(texts_json(view.version, view.texts))
        return 0
    say(_("Text parts of the bylaws (version {version}):", version=current().number(view.version)))
    print_fields(_rows(view.texts, coop.kind))
    return 0


def _rows(texts: BylawsTexts, kind: CoopKind) -> list[tuple[str, str]]:
    rows = [(_(PART_LABELS["purpose"]), texts.purpose),
            (_(PART_LABELS["businesses"]), "\n".join(texts.businesses))]
    if kind is CoopKind.SOCIAL:
        rows.append((_(PART_LABELS["main_businesses"]), "\n".join(texts.main_businesses)))
    rows += [(_(PART_LABELS["qualifications"]), texts.qualifications),
             (_(PART_LABELS["non_member_use"]), texts.non_member_use or _("(none: the article is left out)")),
             (_(PART_LABELS["founders"]), ", ".join(texts.founders))]
    return rows


def run_set(ctx: Context) -> int:
    from coopdesk.services.bylaws.texts import get_texts, set_texts

    db, coop, a = ctx.database(), ctx.coop(), ctx.args
    texts = texts_from_args(a, get_texts(db, coop.id, a.bylaws_version))
    if texts is None:
        raise UsageError(_("Give the text parts to write down: --purpose, --business, --qualifications, "
                           "--non-member-use, --founder or --texts-json."))
    view = set_texts(db, coop.id, texts, a.bylaws_version)
    assert view.texts is not None
    if ctx.json:
        print_json(texts_json(view.version, view.texts))
    else:
        say(_("The text parts of version {version} of the bylaws are written down.",
              version=current().number(view.version)))
    return 0
