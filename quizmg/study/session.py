"""A study session's state machine: which card comes next, answering, rating, undo, suspend, bury.

The session never reads the clock: every step is given `now`. Each rating is written to the
collection (one committed transaction) before the next card is shown, so nothing answered is
ever lost. A graded answer is recorded at once with its proposed rating (quizmg.study.rating);
if the learner then picks another rating, the store replaces it in one transaction, so a
session killed at any moment keeps the answer with one rating or the other. Stopping at the
proposal keeps it (the answer was given), and the summary counts it and says so.

`undo` takes back the last action, whatever it was: an answer, a suspension or a burial.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from quizmg.scheduling.memory import CardPhase, Rating
from quizmg.study.asking import Asked, ask
from quizmg.study.grading import Grade
from quizmg.study.live_queue import LiveQueue, Waiting
from quizmg.study.rating import Proposal, propose
from quizmg.study.summary import Answered, Pending, Summary
from quizmg.words import plural

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.scheduling.settings import Settings

LEARNING_PHASES = (CardPhase.LEARNING, CardPhase.RELEARNING)
__all__ = [
    "Answered",
    "SessionOver",
    "StudySession",
    "Summary",
    "Waiting",
    "waiting_for_cram",
    "waiting_from_queue",
]


class StudyStore(Protocol):
    """The parts of the collection (quizmg.store.collection.Collection) a session uses."""

    def queue(
        self,
        now: datetime,
        decks: Iterable[str] | None = None,
        *,
        new_allowance: int | None = None,
        keep_apart: Callable[[str, str, Collection[str], Collection[str]], bool] | None = None,
    ) -> list[Any]: ...
    def learning_ahead(self, now: datetime, until: datetime, decks: Iterable[str] | None = None) -> list[Any]: ...
    def card(self, key: str) -> Any: ...
    def settings(self, deck: str | None = None) -> Settings: ...
    def record_answer(
        self,
        card_key: str,
        rating: int,
        now: datetime,
        *,
        mode: Any = "study",
        duration_ms: int = 0,
        answer: str | None = None,
        correct: bool | None = None,
    ) -> Any: ...
    def undo(self, now: datetime, review_id: int | None = None) -> Any: ...
    def replace_answer(self, review_id: int, rating: int, now: datetime, *, duration_ms: int = 0) -> Any: ...
    def set_suspended(self, keys: Iterable[str], suspended: bool) -> int: ...
    def bury(self, keys: Iterable[str], now: datetime) -> int: ...
    def unbury(self, keys: Iterable[str]) -> int: ...


class SessionOver(Exception):
    """No card to show: the queue is empty or a limit was reached."""


class StudySession:
    """The cards of one sitting and what happened to them."""

    def __init__(
        self,
        store: StudyStore,
        banks: dict[str, Bank],
        waiting: Sequence[Waiting],
        started: datetime,
        *,
        cram: bool = False,
        new_limit: int | None = None,
        card_limit: int | None = None,
        time_limit: timedelta | None = None,
    ) -> None:
        self.store = store
        self.banks = banks
        self.mode = "cram" if cram else "study"
        self.started = started
        self.new_limit = new_limit
        self.card_limit = card_limit
        self.time_limit = time_limit
        self.summary = Summary()
        # Cram: a fixed list (the schedule does not move). Study: the collection, asked afresh.
        self._queue: deque[Waiting] = deque(waiting)
        learn_ahead = timedelta(minutes=store.settings().learn_ahead_minutes)
        self._live = None if cram else LiveQueue(store, list(banks), waiting, learn_ahead, self._question_of)
        self._stale: datetime | None = started  # when set, counts() asks the collection again
        self._new_shown = 0
        self.current: Waiting | None = None
        self.asked: Asked | None = None
        self._pending: Pending | None = None
        # Every action, last last, for undo: ("answer" | "suspend" | "bury", card, answer).
        self._actions: list[tuple[str, Waiting, Answered | None]] = []
        self._undone_keys: set[str] = set()  # cards whose answer was undone: not "fast" again

    def _question_of(self, deck: str, question_id: str) -> Any:
        bank = self.banks.get(deck)
        return bank.question(question_id) if bank is not None else None

    # -- what is left --------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Cards left in each queue (the current card included)."""
        if self._live is not None:
            if self._stale is not None and self.current is None:  # changed since the last look
                self._live.look(self._stale, self._new_allowance())
                self._stale = None
            left = self._live.counts()
        else:
            left = {"learning": 0, "review": 0, "new": 0}
            for waiting in list(self._queue) + ([self.current] if self.current else []):
                left[waiting.reason] = left.get(waiting.reason, 0) + 1
        if self.new_limit is not None:
            left["new"] = min(left["new"], max(0, self.new_limit - self._new_shown))
        return left

    def limit_reached(self, now: datetime) -> str | None:
        """Why the session must stop now (card or time limit), or None."""
        if self.card_limit is not None and len(self.summary.answered) >= self.card_limit:
            return f"the limit of {plural(self.card_limit, 'card')}"
        if self.time_limit is not None and now - self.started >= self.time_limit:
            return f"the time limit of {plural(round(self.time_limit.total_seconds() / 60, 2), 'minute')}"
        return None

    # -- the next card ---------------------------------------------------------------------------

    def next_card(self, now: datetime) -> Asked:
        """Show the next card (the current one again if not yet answered); SessionOver if none."""
        if self.current is not None and self.asked is not None:
            return self.asked
        if self.limit_reached(now):
            raise SessionOver(self.limit_reached(now))
        waiting = self._take(now)
        if waiting is None:
            raise SessionOver("no more cards")
        self.current = waiting
        bank = self.banks[waiting.deck]
        question = bank.question(waiting.question_id)
        if question is None:  # the deck file lost this question since the last sync
            self.current = None
            return self.next_card(now)
        seed = len(self.summary.answered)  # a fresh layout each time a card comes back
        self.asked = ask(waiting.deck, question, waiting.ordinal, seed)
        if waiting.reason == "new":
            self._new_shown += 1
        return self.asked

    def _take(self, now: datetime) -> Waiting | None:
        if self._live is not None:
            self._stale = None
            return self._live.take(now, self._new_allowance())
        while self._queue:
            waiting = self._queue.popleft()
            new_full = self.new_limit is not None and self._new_shown >= self.new_limit
            if waiting.reason == "new" and new_full:
                continue
            return waiting
        return None

    def _new_allowance(self) -> int | None:
        return None if self.new_limit is None else max(0, self.new_limit - self._new_shown)

    def _put_back(self, waiting: Waiting) -> None:
        if self._live is not None:
            self._live.put_back(waiting)
        else:
            self._queue.appendleft(waiting)

    # -- answering -------------------------------------------------------------------------------

    def settings(self) -> Settings:
        """The settings of the current card's deck."""
        assert self.current is not None
        return self.store.settings(self.current.deck)

    def intervals(self, now: datetime) -> dict[int, datetime]:
        """When the current card would be due again after each rating (study mode only)."""
        from quizmg.scheduling.scheduler import preview

        assert self.current is not None
        if self.mode == "cram":
            return {}
        card = self.store.card(self.current.key)
        # With the proposed rating already in the log, preview from the state before it.
        state = self._pending.recorded.before if self._pending else card.state
        return {int(r): due for r, due in preview(state, now, self.settings(), card.number).items()}

    @property
    def proposal(self) -> Proposal | None:
        """The rating proposed for the answer just graded, and why; None for self-rated cards."""
        return self._pending.proposal if self._pending else None

    def grade_answer(self, given: str, seconds: float, now: datetime) -> tuple[Grade, int]:
        """Grade a typed answer, record it at once with the proposed rating; the grade and rating.

        Raises grading.Unreadable (nothing recorded) when the input is not an answer.
        """
        assert self.asked is not None and self.current is not None
        grade = self.asked.grade(given)
        settings = self.settings()
        proposal = propose(
            correct=grade.correct,
            near_miss=grade.correct and (bool(grade.diff) or grade.score < 1.0),
            seconds=seconds,
            hard_seconds=settings.hard_seconds,
            easy_seconds=settings.easy_seconds,
            phase=self.store.card(self.current.key).state.phase,
            kind=self.asked.kind,
            after_undo=self.current.key in self._undone_keys,
        )
        recorded = self.store.record_answer(
            self.current.key,
            proposal.rating,
            now,
            mode=self.mode,
            duration_ms=int(seconds * 1000),
            answer=given,
            correct=grade.correct,
        )
        answered = Answered(
            self.current.key, recorded.review_id, proposal.rating, grade.correct, self.current.reason, seconds
        )
        self._pending = Pending(answered, given, recorded, proposal)
        return grade, proposal.rating

    def rate(self, rating: int, seconds: float, now: datetime) -> Any:
        """Settle the current card's rating (recording it, or replacing the proposed one)."""
        assert self.current is not None
        rating = int(Rating(rating))
        pending = self._pending
        if pending is not None and pending.answered.rating == rating:
            recorded = pending.recorded
            answered = pending.answered
        elif pending is not None:
            # The learner overrode the proposed rating: one transaction replaces it.
            recorded = self.store.replace_answer(
                pending.answered.review_id, rating, now, duration_ms=int(seconds * 1000)
            )
            old = pending.answered
            answered = Answered(old.key, recorded.review_id, rating, old.correct, old.reason, seconds)
        else:
            recorded = self.store.record_answer(
                self.current.key, rating, now, mode=self.mode, duration_ms=int(seconds * 1000)
            )
            answered = Answered(self.current.key, recorded.review_id, rating, None, self.current.reason, seconds)
        self.summary.answered.append(answered)
        self._actions.append(("answer", self.current, answered))
        if self.mode == "cram" and rating == Rating.AGAIN:
            self._queue.append(self.current)  # crammed until recalled
        if getattr(recorded, "suspended", False):
            self.summary.suspended += 1
        self._finish_card()
        self._stale = now
        return recorded

    def keep_at_stop(self, now: datetime) -> bool:
        """The learner stops (q, Ctrl-C, end of input) at a proposal: the answer was given, so it
        is kept with its proposed rating (already in the log) and counted; True if there was one."""
        if self._pending is None:
            return False
        pending = self._pending.answered
        self.rate(pending.rating, pending.seconds, now)
        self.summary.kept_at_stop += 1
        return True

    def _finish_card(self) -> None:
        self.current = None
        self.asked = None
        self._pending = None

    # -- keys --------------------------------------------------------------------------------------

    def undo(self, now: datetime) -> tuple[str, str] | None:
        """Take back this session's last action (an answer, a suspension or a burial) and show
        that card again: (what was undone, the card's key), or None when there is nothing."""
        if self._pending is not None:
            # A graded answer whose rating is still open: take it back and ask the card again.
            assert self.current is not None
            self.store.undo(now, self._pending.answered.review_id)
            self._undone_keys.add(self.current.key)
            self._put_back(self.current)
            self._uncount_new(self.current)
            key = self.current.key
            self._finish_card()
            self._stale = now
            return ("answer", key)
        if not self._actions:
            return None
        kind, waiting, answered = self._actions.pop()
        if kind == "answer":
            assert answered is not None
            self.summary.answered.remove(answered)
            self.store.undo(now, answered.review_id)
            self._undone_keys.add(waiting.key)
        elif kind == "suspend":
            self.store.set_suspended([waiting.key], False)
            self.summary.suspended -= 1
        else:
            self.store.unbury([waiting.key])
            self.summary.buried -= 1
        if self.current is not None:
            self._put_back(self.current)
            self._uncount_new(self.current)
        self._put_back(waiting)
        self._uncount_new(waiting)
        self.current = None
        self.asked = None
        self._stale = now
        return (kind, waiting.key)

    def _uncount_new(self, waiting: Waiting) -> None:
        if waiting.reason == "new":
            self._new_shown = max(0, self._new_shown - 1)

    def suspend(self, now: datetime) -> str:
        """Suspend the current card: it leaves this session and every queue until unsuspended.
        Its key."""
        waiting = self._settle_for_leaving(now)
        self.store.set_suspended([waiting.key], True)
        self.summary.suspended += 1
        self._actions.append(("suspend", waiting, None))
        self._stale = now
        return waiting.key

    def bury(self, now: datetime) -> str:
        """Bury the current card until tomorrow's study day. Its key."""
        waiting = self._settle_for_leaving(now)
        self.store.bury([waiting.key], now)
        self.summary.buried += 1
        self._actions.append(("bury", waiting, None))
        self._stale = now
        return waiting.key

    def _settle_for_leaving(self, now: datetime) -> Waiting:
        """The current card; an answer already given is kept with its proposed rating."""
        assert self.current is not None
        waiting = self.current
        if self._pending is not None:
            pending = self._pending.answered
            self.rate(pending.rating, pending.seconds, now)
        else:
            self._uncount_new(waiting)
            self._finish_card()
        return waiting


def waiting_from_queue(queued: Iterable[Any], *, deck_order: bool = False) -> list[Waiting]:
    """The store's queued cards as session entries; grouped deck by deck when asked."""
    cards = [Waiting(q.key, q.deck, q.question_id, q.ordinal, q.reason, q.number) for q in queued]
    if deck_order:
        cards.sort(key=lambda w: w.deck)  # stable: the queue's order within each deck
    return cards


def waiting_for_cram(cards: Iterable[Any], now: datetime, *, deck_order: bool = False) -> list[Waiting]:
    """Every unsuspended card of the decks for a cram session, soonest due first, new ones last."""
    far = datetime.max.replace(tzinfo=now.tzinfo)
    chosen = [card for card in cards if not card.suspended and not card.retired]
    chosen.sort(key=lambda card: (card.deck if deck_order else "", card.state.due or far))
    return [
        Waiting(c.key, c.deck, c.question_id, c.ordinal, "new" if c.state.due is None else "review", c.number)
        for c in chosen
    ]
