"""An election result in words: the sentences the minutes and the result announcement print.

"이사 3인 선출: 김하나 9표, 이두리 8표, 박세나 7표, 최네모 2표 — 김하나·이두리·박세나 당선"
"Election of 3 directors: Kim Hana 9 votes, … — Kim Hana, Lee Duri, and Park Sena elected"

Pure text (no reportlab): the minutes renderer calls ``election_sentences`` with its own
``Translator``, the screen and the CLI may too.  Every word is a message id translated by
``t``; numbers go through Babel (``t.number``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coopdesk.documents.elections.data import CandidateResult, ContestResult
from coopdesk.domain.elections.deciding import AppliedRule, TieBreak, TieKind
from coopdesk.domain.elections.lots import lot_digest
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_, Explanation
from coopdesk.i18n import Translator

__all__ = [
    "ballots_text", "contest_heading", "contest_sentence", "election_sentences", "join_names", "rule_text",
    "say", "tie_break_lines", "votes_text",
]

_CHAIR_ELECTION = N_("Election of the chair")
_CHAIR_RUNOFF = N_("Run-off for chair")

# The bylaws settings a rule may come from, by field of ``BylawsSettings`` (the screen's labels).
SETTING_LABELS = {
    "tie_rule": N_("Tie in an election"),
    "election_majority": N_("An officer candidate needs"),
}


def say(t: Translator, sentence: Explanation) -> str:
    """A domain sentence in ``t``'s language, its numbers in that language's format."""
    return t.gettext(sentence.message, **{k: t.number(v) for k, v in sentence.params})


def join_names(names: Iterable[str], t: Translator) -> str:
    """"김하나·이두리·박세나" in Korean (the middle dot of Korean lists of names), "Kim, Lee, and
    Park" in English (Babel's list pattern)."""
    names = list(names)
    if t.language == "ko":
        return "·".join(names)
    from babel.lists import format_list  # Babel is imported on first use (see coopdesk.i18n)

    return format_list(names, locale=t.locale) if names else ""


def contest_heading(office: Office, seats: int, round: int, t: Translator) -> str:
    """"이사 3인 선출" / "Election of 3 directors"; a later round: "이사 결선투표(1인)".
    One message per office, so that the office is translated with its sentence."""
    n = t.number(seats)
    if office is Office.CHAIR:
        return t.gettext(_CHAIR_RUNOFF if round > 1 else _CHAIR_ELECTION)
    if round > 1:
        if office is Office.DIRECTOR:
            return t.ngettext("Run-off for {seats} director seat", "Run-off for {seats} director seats", seats, seats=n)
        return t.ngettext("Run-off for {seats} auditor seat", "Run-off for {seats} auditor seats", seats, seats=n)
    if office is Office.DIRECTOR:
        return t.ngettext("Election of {seats} director", "Election of {seats} directors", seats, seats=n)
    return t.ngettext("Election of {seats} auditor", "Election of {seats} auditors", seats, seats=n)


def votes_text(candidate: CandidateResult, t: Translator) -> str:
    """"김하나 9표" / "Kim Hana 9 votes"; a yes-or-no vote: "최하은 찬성 10표·반대 2표"."""
    if candidate.against is not None:
        return t.gettext("{name} {yes} yes, {no} no", name=candidate.name, yes=t.number(candidate.votes),
                         no=t.number(candidate.against))
    return t.ngettext("{name} {votes} vote", "{name} {votes} votes", candidate.votes, name=candidate.name,
                      votes=t.number(candidate.votes))


def contest_sentence(result: ContestResult, t: Translator) -> str:
    """One contest (one round) in a sentence: the heading, every candidate's votes, the result."""
    votes = ", ".join(votes_text(c, t) for c in result.candidates)
    return t.gettext("{contest}: {votes} — {result}",
                     contest=contest_heading(result.office, result.seats, result.round, t),
                     votes=votes, result="; ".join(_result_parts(result, t)))


def election_sentences(contests: Sequence[ContestResult], t: Translator) -> tuple[str, ...]:
    """The minutes' election section: one sentence per contest, in the order they were held."""
    return tuple(contest_sentence(c, t) for c in contests)


def _result_parts(result: ContestResult, t: Translator) -> list[str]:
    names = [c.name for c in result.elected]
    if names:
        parts = [t.gettext("{names} elected", names=join_names(names, t))]
    else:
        parts = [t.gettext("no one elected")]
    parts += [_tie_note(step, t) for step in result.tie_breaks if step.winners]  # age alone may choose none
    pending = result.pending
    if pending is not None:
        tied, seats = join_names((c.name for c in pending.tied), t), pending.seats
        if pending.kind is TieKind.RUNOFF:
            parts.append(t.ngettext("{names} tied for the {seats} seat left: a run-off round follows",
                                    "{names} tied for the {seats} seats left: a run-off round follows",
                                    seats, names=tied, seats=t.number(seats)))
        else:
            parts.append(t.ngettext("{names} tied for the {seats} seat left: lots are to be drawn",
                                    "{names} tied for the {seats} seats left: lots are to be drawn",
                                    seats, names=tied, seats=t.number(seats)))
    if result.unfilled:
        parts.append(t.ngettext("{count} seat left unfilled", "{count} seats left unfilled", result.unfilled,
                                count=t.number(result.unfilled)))
    return parts


def _tie_note(step: TieBreak, t: Translator) -> str:
    """How a tie was broken, in a few words: "박세나·최네모 동점 — 추첨(시드 3f9c…)"."""
    tied = join_names((c.name for c in step.tied), t)
    if step.kind is TieKind.OLDER:
        return t.gettext("tie between {names} broken by age: the older candidate", names=tied)
    if step.by_hand:
        return t.gettext("tie between {names} broken by lots drawn by hand", names=tied)
    return t.gettext("tie between {names} broken by lots (seed {seed})", names=tied, seed=step.seed or "")


def ballots_text(result: ContestResult, t: Translator) -> str:
    """"투표수 10표(백지 1표, 무효 0표)" / "Ballots: 10 (blank 1, invalid 0)"."""
    return t.gettext("Ballots: {ballots} (blank {blank}, invalid {invalid})", ballots=t.number(result.ballots),
                     blank=t.number(result.blank), invalid=t.number(result.invalid))


def rule_text(rule: AppliedRule, t: Translator) -> str:
    """A rule applied, with where it comes from: "(법 제23조①)" or "(정관 설정: …)"."""
    text = say(t, rule.explanation)
    if rule.ref is not None:
        text += " " + t.gettext("({article})", article=rule.ref.label(t.language))
    elif rule.setting is not None:
        label = SETTING_LABELS.get(rule.setting)
        setting = t.gettext(label) if label else rule.setting
        text += " " + t.gettext("(bylaws setting: {setting})", setting=setting)
    return text


def tie_break_lines(step: TieBreak, t: Translator) -> tuple[str, ...]:
    """A tie break as the result announcement prints it: what was done and whom it chose, then
    what anyone needs to check it (birth dates; for a draw by seed, each digest)."""
    tied = join_names((c.name for c in step.tied), t)
    winners = join_names((c.name for c in step.winners), t) or t.gettext("no one")
    head = t.ngettext("{names} were tied for {seats} seat.", "{names} were tied for {seats} seats.", step.seats,
                      names=tied, seats=t.number(step.seats))
    if step.kind is TieKind.RUNOFF:
        return (head + " " + t.gettext("A run-off round is held between them."),)
    if step.kind is TieKind.OLDER:
        # Age may decide only part of it (an unknown or a shared birth date): lots follow, as the note says.
        lines = [head + " " + t.gettext("The older candidate is elected: {winners}.", winners=winners)
                 if step.winners else head]
        lines += [t.gettext("{name}: born {date}", name=c.name, date=t.date(c.birth_date, "long"))
                  for c in step.tied if c.birth_date is not None]
        if step.note is not None:
            lines.append(say(t, step.note))
        return tuple(lines)
    if step.by_hand or step.seed is None:
        return (head + " " + t.gettext("Lots were drawn by hand in the room: {winners}.", winners=winners),)
    lines = [head + " " + t.gettext("Lots were drawn with the seed {seed}: {winners}.", seed=step.seed,
                                    winners=winners),
             t.gettext("Anyone can check the draw: for each tied candidate, the SHA-256 digest of the seed, "
                       "a colon and the candidate's number; the smallest digests are chosen.")]
    lines += [t.gettext("{name} ({number}): {digest}", name=c.name, number=str(c.key),
                        digest=lot_digest(step.seed, c.key)) for c in step.tied]
    return tuple(lines)
