"""The comparison of the bylaws before and after an amendment (신구조문 대비표).

Articles are matched by their key, not their number, so an article that moved because
another was added before it is recognised as the same.  A row is given for every article
whose text changes, is added or is removed, with the facts (settings, text parts) behind
the change; articles that only moved are listed apart, as the filing lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from coopdesk.domain.bylaws.render import (
    RenderedArticle,
    RenderedBylaws,
    RenderedSupplement,
)
from coopdesk.domain.bylaws.texts import PART_LABELS, BylawsTexts
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.text import N_

# What an amendment may change, by name, as the reasons column says it ("출자 1좌의 금액 변경").
CHANGE_REASONS: dict[str, str] = {
    "share_price": N_("Price of one share changed"),
    "min_shares": N_("Minimum shares per member changed"),
    "max_shares_per_member": N_("Limit on one member's shares changed"),
    "instalments_allowed": N_("Payment of shares in instalments changed"),
    "membership_starts": N_("When membership starts changed"),
    "directors_min": N_("Number of directors changed"),
    "directors_max": N_("Number of directors changed"),
    "auditors": N_("Number of auditors changed"),
    "officer_term_years": N_("Officers' term changed"),
    "notice_method": N_("How members are notified changed"),
    "notice_days": N_("Notice period of the general assembly changed"),
    "withdrawal_notice_days": N_("Withdrawal notice period changed"),
    "non_use_months_for_expulsion": N_("Non-use period for expulsion changed"),
    "tie_rule": N_("Rule for a tie in an election changed"),
    "orientation_required": N_("Orientation of new members changed"),
    "ordinary_assembly_within_months": N_("Time limit of the ordinary assembly changed"),
    "election_majority": N_("Votes an officer needs changed"),
    "dividends_as_capital": N_("Dividends credited as capital changed"),
    "refund_less_losses": N_("Losses borne by leavers changed"),
    "purpose": N_("Purpose changed"),
    "businesses": N_("Businesses changed"),
    "main_businesses": N_("Main public-benefit businesses changed"),
    "qualifications": N_("Member qualifications changed"),
    "non_member_use": N_("Use by non-members changed"),
    "founders": N_("Founders changed"),
}
ADDED = N_("New article")
REMOVED = N_("Article deleted")
REFERENCES = N_("Numbers of the articles referred to updated")
WORDING = N_("Wording brought into line with the model bylaws")
SUPPLEMENT = N_("Date the amendment comes into force")


@dataclass(frozen=True, slots=True)
class ArticleChange:
    key: str
    before: RenderedArticle | None  # None: a new article
    after: RenderedArticle | None  # None: a deleted article
    reasons: tuple[str, ...]  # message ids, said in the document's language


@dataclass(frozen=True, slots=True)
class Comparison:
    changes: tuple[ArticleChange, ...]
    moved: tuple[tuple[RenderedArticle, RenderedArticle], ...]  # (before, after): only the number changed
    supplement: RenderedSupplement  # the amendment's own 부칙, new in the amended bylaws
    changed: tuple[str, ...]  # the settings and text parts the amendment changes


def changed_facts(before: BylawsSettings, after: BylawsSettings, texts_before: BylawsTexts,
                  texts_after: BylawsTexts) -> tuple[str, ...]:
    """The names of the settings and text parts that differ, in the order of their declaration."""
    settings = [f.name for f in fields(BylawsSettings) if getattr(before, f.name) != getattr(after, f.name)]
    parts = [name for name in PART_LABELS if getattr(texts_before, name) != getattr(texts_after, name)]
    return tuple(settings + parts)


def compare(before: RenderedBylaws, after: RenderedBylaws, changed: tuple[str, ...]) -> Comparison:
    """Rows for the articles that differ, in the order of the amended bylaws; a deleted article
    where it stood."""
    old = {a.key: a for a in before.articles()}
    new = {a.key: a for a in after.articles()}
    rows: list[ArticleChange] = []
    moved: list[tuple[RenderedArticle, RenderedArticle]] = []
    for key, article in new.items():
        previous = old.get(key)
        if previous is None:
            rows.append(ArticleChange(key, None, article, (ADDED, *_reasons(article, changed))))
        elif _body(previous) != _body(article):
            rows.append(ArticleChange(key, previous, article, _why(previous, article, changed)))
        elif previous.number != article.number:
            moved.append((previous, article))
    order = list(new)
    for n, (key, article) in enumerate(old.items()):
        if key not in new:
            before_keys = [k for k in list(old)[:n] if k in new]
            at = order.index(before_keys[-1]) + 1 if before_keys else 0
            rows.append(ArticleChange(key, article, None, (REMOVED, *_reasons(article, changed))))
            order.insert(at, key)
    rows.sort(key=lambda r: order.index(r.key))
    return Comparison(tuple(rows), tuple(moved), after.supplements[-1], changed)


def _body(article: RenderedArticle) -> tuple[str, str]:
    return article.title, article.text


def _reasons(article: RenderedArticle, changed: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for name in changed:
        reason = CHANGE_REASONS.get(name)
        if name in article.sources and reason is not None and reason not in found:
            found.append(reason)
    return tuple(found)


def _why(before: RenderedArticle, after: RenderedArticle, changed: tuple[str, ...]) -> tuple[str, ...]:
    reasons = _reasons(after, changed) or _reasons(before, changed)
    if reasons:
        return reasons
    if before.skeleton == after.skeleton and before.title == after.title:
        return (REFERENCES,)
    return (WORDING,)
