"""Which card a study session shows next: the collection asked afresh each time, as time passes.

The collection is the only truth about what is due. Before each card the session asks it again,
so a card that falls due during the session is picked up whichever session or process made it
so (another terminal, a sync), and a card answered, suspended or buried elsewhere drops out.
The order is Anki's:

1. learning and relearning cards already due, earliest due first;
2. reviews and new cards, in the order the session planned when it began (new cards spread
   among the reviews); a new card that replaces one gone from the plan takes its place, other
   cards that became due later join at the end. The collection holds back a new card whose
   question gives away, or is given away by, one studied today, or whose mechanism has had its
   share of the day, while other new cards can take its place (quizmg.store.queue,
   `keep_apart`). Of the next few planned
   cards, the first that is not related to the cards just shown comes first (quizmg.model.related:
   no sibling or give-away within three cards, no two of one mechanism back to back when
   another card can go between);
3. only when nothing else is left, learning cards due within the learn-ahead limit
   (`learn_ahead_minutes`, 20 by default), earliest due first; a card due later than that is
   not shown early: the session ends and says when it falls due.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from quizmg.model.questions import QuestionBase
from quizmg.model.related import Relations, first_fit

# How far down the plan a card may be brought forward to keep related cards apart.
LOOK_AHEAD = 20
# Questions of one mechanism studied in a day before its other new cards wait for another day
# (while other new cards can take their place): a day's new cards then span enough mechanisms
# to be interleaved to the last one.
MECHANISM_PER_DAY = 3


@dataclass(frozen=True)
class Waiting:
    """A card waiting in the session: its key, deck, question, ordinal and why it is waiting."""

    key: str
    deck: str
    question_id: str
    ordinal: int
    reason: str  # "learning", "review" or "new"
    number: int = 0


class QueueSource(Protocol):
    """The parts of the collection the live queue asks."""

    def queue(
        self,
        now: datetime,
        decks: Iterable[str] | None = None,
        *,
        new_allowance: int | None = None,
        keep_apart: Callable[[str, str, Collection[str], Collection[str]], bool] | None = None,
    ) -> list[Any]: ...
    def learning_ahead(self, now: datetime, until: datetime, decks: Iterable[str] | None = None) -> list[Any]: ...


def waiting_of(queued: Any) -> Waiting:
    """A store's QueuedCard as a session entry."""
    return Waiting(queued.key, queued.deck, queued.question_id, queued.ordinal, queued.reason, queued.number)


class LiveQueue:
    """The session's plan for reviews and new cards, checked against the collection before each card."""

    def __init__(
        self,
        source: QueueSource,
        decks: Sequence[str],
        planned: Iterable[Waiting],
        learn_ahead: timedelta,
        question_of: Callable[[str, str], QuestionBase | None] = lambda deck, question_id: None,
    ) -> None:
        self._question = question_of
        self.relations = Relations()
        self._pairs: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
        self._mechanism_counts: dict[str, tuple[Collection[str] | None, set[str], dict[str, int]]] = {}
        self._shown: list[QuestionBase] = []
        self._next: set[str] = set()  # cards put back by an undo come first, whatever they follow
        self.source = source
        self.decks = list(decks)
        self.learn_ahead = learn_ahead
        self._plan: deque[Waiting] = deque(w for w in planned if w.reason != "learning")
        self._counts = {"learning": 0, "review": 0, "new": 0}

    def question_of(self, waiting: Waiting) -> QuestionBase | None:
        """The question a waiting card asks (None when its deck is not loaded)."""
        return self._question(waiting.deck, waiting.question_id)

    def keep_apart(self, deck: str, question_id: str, today: Collection[str], new_today: Collection[str]) -> bool:
        """True when `MECHANISM_PER_DAY` of the day's new questions ask about this question's
        mechanism already, or it gives away one of `today`'s questions of its deck, or one of
        them gives it away (siblings are the collection's business). Asked before every card:
        each pair of questions is judged once."""
        question = self._question(deck, question_id)
        if question is None:
            return False
        if question.mechanism is not None and self._mechanisms(deck, new_today).get(question.mechanism, 0) >= (
            MECHANISM_PER_DAY
        ):
            return True
        checked, related = self._pairs.setdefault((deck, question_id), (set(), set()))
        for other_id in set(today) - checked:
            checked.add(other_id)
            other = self._question(deck, other_id)
            if other is not None and (
                self.relations.gives_away(question, other) or self.relations.gives_away(other, question)
            ):
                related.add(other_id)
        return not related.isdisjoint(today)

    def _mechanisms(self, deck: str, new_today: Collection[str]) -> dict[str, int]:
        """How many of `new_today` ask about each mechanism. The collection grows one set while
        it gathers a queue: counted on from where it was, and afresh for another set."""
        held, counted, counts = self._mechanism_counts.get(deck, (None, set(), {}))
        if held is not new_today:
            counted, counts = set(), {}
        if len(counted) != len(new_today):
            for other_id in set(new_today) - counted:
                counted.add(other_id)
                other = self._question(deck, other_id)
                if other is not None and other.mechanism is not None:
                    counts[other.mechanism] = counts.get(other.mechanism, 0) + 1
        self._mechanism_counts[deck] = (new_today, counted, counts)
        return counts

    def counts(self) -> dict[str, int]:
        """Cards waiting at the last look: learning (due now or within the limit), review, new."""
        return dict(self._counts)

    def put_back(self, waiting: Waiting) -> None:
        """A card to show next (an undone answer); it stays only if the collection still has it due."""
        if waiting.reason != "learning":
            self._plan.appendleft(waiting)
            self._next.add(waiting.key)

    def take(self, now: datetime, new_allowance: int | None = None) -> Waiting | None:
        """The card to show now, or None when nothing is due now or within the learn-ahead limit."""
        learning, ahead = self.look(now, new_allowance)
        if learning:
            return self._shows(learning[0])
        if self._plan:
            index = first_fit(self._plan, self.question_of, self.relations, self._shown, look=LOOK_AHEAD)
            if self._plan[0].key in self._next:
                index = 0
                self._next.discard(self._plan[0].key)
            else:
                self._next.clear()
            waiting = self._plan[index]
            del self._plan[index]
            return self._shows(waiting)
        return self._shows(ahead[0]) if ahead else None

    def _shows(self, waiting: Waiting) -> Waiting:
        question = self.question_of(waiting)
        if question is not None:
            self._shown = [*self._shown[-4:], question]
        return waiting

    def look(self, now: datetime, new_allowance: int | None = None) -> tuple[list[Waiting], list[Waiting]]:
        """Ask the collection what is due: learning cards due now and those within the learn-ahead
        limit; the plan of reviews and new cards is brought up to date on the way."""
        fresh = self.source.queue(now, self.decks, new_allowance=new_allowance, keep_apart=self.keep_apart)
        learning = [waiting_of(q) for q in fresh if q.reason == "learning"]
        others = {q.key: waiting_of(q) for q in fresh if q.reason != "learning"}
        planned = {waiting.key for waiting in self._plan}
        arriving_new = deque(w for w in others.values() if w.reason == "new" and w.key not in planned)
        plan: deque[Waiting] = deque()
        for waiting in self._plan:
            current = others.pop(waiting.key, None)
            if current is None and waiting.reason == "new" and arriving_new:
                current = arriving_new.popleft()  # a new card in the place of one gone
                others.pop(current.key)
            if current is not None:
                plan.append(current)
        plan.extend(others.values())  # fell due since the session began, in the collection's order
        self._plan = plan
        ahead = self._ahead(now)
        self._counts = {
            "learning": len(learning) + len(ahead),
            "review": sum(w.reason == "review" for w in plan),
            "new": sum(w.reason == "new" for w in plan),
        }
        return learning, ahead

    def _ahead(self, now: datetime) -> list[Waiting]:
        if self.learn_ahead <= timedelta(0):
            return []
        return [waiting_of(q) for q in self.source.learning_ahead(now, now + self.learn_ahead, self.decks)]
