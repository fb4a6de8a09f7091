"""What the learner knows of each mechanism and tag: mean current recall probability (FSRS)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from quizmg.scheduling.scheduler import retrievability
from quizmg.scheduling.settings import Settings
from quizmg.store.records import CardRecord


@dataclass(frozen=True)
class QuestionInfo:
    """What a bank says about a question: its mechanism, its tags, how it reads."""

    deck: str
    question_id: str
    prompt: str
    mechanism: str | None
    mechanism_label: str | None
    tags: tuple[str, ...]


@dataclass(frozen=True)
class WeakQuestion:
    """A question the learner is most likely to have forgotten now."""

    deck: str
    question_id: str
    prompt: str
    retrievability: float  # mean over its seen cards
    lapses: int


@dataclass(frozen=True)
class MasteryRow:
    """One mechanism (or tag): its cards, how many were seen, their mean recall probability now."""

    name: str
    label: str
    cards: int
    seen: int
    retrievability: float | None  # mean over seen cards; None when none was seen
    weakest: list[WeakQuestion]

    @property
    def unseen(self) -> int:
        """Cards not studied yet (left out of the mean)."""
        return self.cards - self.seen


@dataclass(frozen=True)
class Mastery:
    """Mastery per deck, per mechanism, per tag, and the weakest questions overall."""

    by_deck: list[MasteryRow]
    by_mechanism: list[MasteryRow]
    by_tag: list[MasteryRow]
    weakest: list[WeakQuestion]
    unmapped_cards: int  # cards whose question no loaded bank knows (deck file gone or edited)


def _weakest(per_question: Mapping[tuple[str, str], list[float]], lapses: Mapping[tuple[str, str], int],
             questions: Mapping[tuple[str, str], QuestionInfo], count: int) -> list[WeakQuestion]:
    ranked = sorted(
        ((sum(values) / len(values), key) for key, values in per_question.items() if values),
        key=lambda item: (item[0], item[1]),
    )
    return [
        WeakQuestion(key[0], key[1], questions[key].prompt, value, lapses.get(key, 0))
        for value, key in ranked[:count]
    ]


def mastery(
    cards: Iterable[CardRecord],
    questions: Mapping[tuple[str, str], QuestionInfo],
    now: datetime,
    settings_for: Callable[[str], Settings],
    weakest: int = 3,
) -> Mastery:
    """Mastery rows from the cards' current states; `questions` maps (deck, question id) to its info.

    Unseen cards are left out of the mean and counted apart; retired cards are left out entirely.
    Rows are sorted weakest first, unseen-only groups last, so what to revisit comes first.
    """
    groups: dict[tuple[str, str], dict[tuple[str, str], list[float]]] = {}
    sizes: dict[tuple[str, str], int] = {}
    labels: dict[tuple[str, str], str] = {}
    all_questions: dict[tuple[str, str], list[float]] = {}
    lapses: dict[tuple[str, str], int] = {}
    unmapped = 0
    for card in cards:
        if card.retired:
            continue
        key = (card.deck, card.question_id)
        info = questions.get(key)
        if info is None:
            unmapped += 1
            continue
        value = retrievability(card.state, now, settings_for(card.deck))
        group_keys = [("deck", card.deck), *(("tag", tag) for tag in info.tags)]
        if info.mechanism:
            group_keys.append(("mechanism", info.mechanism))
            labels[("mechanism", info.mechanism)] = info.mechanism_label or info.mechanism
        all_questions.setdefault(key, [])
        lapses[key] = lapses.get(key, 0) + card.state.lapses
        if value is not None:
            all_questions[key].append(value)
        for group in group_keys:
            sizes[group] = sizes.get(group, 0) + 1
            per_question = groups.setdefault(group, {}).setdefault(key, [])
            if value is not None:
                per_question.append(value)

    def rows(kind: str) -> list[MasteryRow]:
        made = []
        for group, per_question in groups.items():
            if group[0] != kind:
                continue
            values = [value for question in per_question.values() for value in question]
            made.append(MasteryRow(
                name=group[1],
                label=labels.get(group, group[1]),
                cards=sizes[group],
                seen=len(values),
                retrievability=sum(values) / len(values) if values else None,
                weakest=_weakest(per_question, lapses, questions, weakest),
            ))
        return sorted(made, key=lambda row: (row.retrievability is None, row.retrievability or 0.0, row.name))

    overall = _weakest(all_questions, lapses, questions, 10)
    return Mastery(rows("deck"), rows("mechanism"), rows("tag"), overall, unmapped)


def question_infos(banks: Iterable[object]) -> dict[tuple[str, str], QuestionInfo]:
    """QuestionInfo for every question of some loaded banks (quizmg.bank.Bank objects)."""
    infos: dict[tuple[str, str], QuestionInfo] = {}
    for bank in banks:
        deck = bank.deck  # type: ignore[attr-defined]
        for question in bank.questions:  # type: ignore[attr-defined]
            mechanism = deck.mechanism(question.mechanism) if question.mechanism else None
            label = f"{mechanism.agent} {mechanism.action} {mechanism.target}" if mechanism else None
            infos[(deck.id, question.id)] = QuestionInfo(
                deck=deck.id,
                question_id=question.id,
                prompt=question.prompt_text(),
                mechanism=question.mechanism,
                mechanism_label=label,
                # The question's own tags (generated ones carry their mechanism's); the deck's
                # tags would put every card in one group, which the per-deck row already shows.
                tags=tuple(dict.fromkeys(question.tags)),
            )
    return infos
