"""Choosing cards by a search, the way Anki's browser reads one: `is:due tag:sleep -mech:hpa gaba`.

A search is words, all of which must hold (AND); `-word` negates one; `"two words"` is one word.

    is:new | is:learning | is:review | is:due | is:suspended | is:buried | is:leech | is:retired
    deck:NAME      mech:ID      tag:NAME      kind:KIND      (NAME and ID may use * as a wildcard)
    card:KEY       deck/question or deck/question/ordinal, the way cards are named elsewhere
    anything else  text in the question's prompt or id (case and accents ignored)

The card columns are searched in SQLite; what only the deck file knows (prompt, tags, mechanism,
kind) comes from `facts` the caller passes in, so this module never reads a file.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from quizmg.errors import QuizmgError
from quizmg.scheduling.days import day_start, study_day
from quizmg.store.card_rows import CARD_COLUMNS, card_from_row
from quizmg.store.collection import Collection
from quizmg.store.database import to_ms
from quizmg.store.records import CardRecord

STATES = ("new", "learning", "review", "due", "suspended", "buried", "leech", "retired")
FIELDS = ("is", "deck", "mech", "tag", "kind", "card")
SORTS = ("deck", "due", "interval", "stability", "difficulty", "lapses", "reps", "card")

# Column expressions the searches and sorts use (c = cards, d = decks).
_INTERVAL = "CASE WHEN c.phase = 2 THEN (c.due - c.last_review) / 86400000.0 END"
_SORT_SQL = {
    "deck": "d.name, c.position",
    "due": "c.due IS NULL, c.due, d.name, c.position",
    "interval": f"{_INTERVAL} IS NULL, {_INTERVAL}, d.name, c.position",
    "stability": "c.stability IS NULL, c.stability, d.name, c.position",
    "difficulty": "c.difficulty IS NULL, c.difficulty, d.name, c.position",
    "lapses": "c.lapses, d.name, c.position",
    "reps": "c.reps, d.name, c.position",
    "card": "c.key",
}


@dataclass(frozen=True)
class QuestionFacts:
    """What the deck file says of a question: enough to show and search its cards."""

    prompt: str
    kind: str
    mechanism: str | None = None
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Term:
    """One word of a search: a field (or "" for free text), its value, and whether it is negated."""

    field: str
    value: str
    negated: bool = False

    def __str__(self) -> str:
        text = f"{self.field}:{self.value}" if self.field else self.value
        return f"-{text}" if self.negated else text


@dataclass(frozen=True)
class CardQuery:
    """A parsed search: every term must hold."""

    terms: tuple[Term, ...] = ()
    text: str = ""

    @property
    def needs_facts(self) -> bool:
        """Whether a term asks what only the deck file knows (prompt text, tags, mechanism, kind)."""
        return any(term.field in ("", "mech", "tag", "kind") for term in self.terms)

    @property
    def card_names(self) -> tuple[Term, ...]:
        """The cards named outright (card:KEY, deck/question, deck/question/ordinal)."""
        return tuple(term for term in self.terms if term.field == "card" and not term.negated)


def parse_query(words: Iterable[str] | str) -> CardQuery:
    """A search from the words a user typed (one string, or the shell's words)."""
    if isinstance(words, str):
        try:
            words = shlex.split(words)
        except ValueError as error:
            raise QuizmgError(f"cannot read the search {words!r}: {error}.") from None
    words = [word for word in words if word.strip()]
    terms = [_term(word) for word in words]
    return CardQuery(tuple(terms), " ".join(words))


def _term(word: str) -> Term:
    negated = word.startswith("-") and len(word) > 1
    body = word[1:] if negated else word
    name, colon, value = body.partition(":")
    if colon and name.lower() in FIELDS:
        name = name.lower()
        if not value:
            raise QuizmgError(f"{word!r}: say what to search for after '{name}:'.")
        if name == "is" and value.lower() not in STATES:
            raise QuizmgError(f"{word!r}: 'is:' takes one of {', '.join(STATES)}.")
        return Term(name, value.lower() if name == "is" else value, negated)
    if colon and name.isalpha() and "/" not in body:
        raise QuizmgError(
            f"{word!r}: unknown search field {name + ':'!r}. Known: "
            f"{', '.join(f + ':' for f in FIELDS)}; other words search the question text."
        )
    if "/" in body and " " not in body:
        return Term("card", body, negated)
    return Term("", body, negated)


@dataclass
class _Sql:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, params: Iterable[Any], negated: bool) -> None:
        # coalesce: a NULL column (no due date, never buried) reads as "no", negated or not.
        self.where.append(f"NOT coalesce(({clause}), 0)" if negated else f"coalesce(({clause}), 0)")
        self.params.extend(params)


def _deck_days(collection: Collection, now: datetime) -> list[tuple[int, str, int, int]]:
    """Each deck's id, name, today's date ordinal and the start of its next study day in ms."""
    days = []
    for deck_id, name in collection.connection.execute("SELECT id, name FROM decks"):
        settings = collection.settings(name)
        today = study_day(now, settings)
        tomorrow = to_ms(day_start(today + timedelta(days=1), settings))
        days.append((deck_id, name, today.toordinal(), tomorrow))
    return days


def _state_clause(state: str, now_ms: int, days: list[tuple[int, str, int, int]]) -> tuple[str, list[Any]]:
    if state == "new":
        return "c.phase = 0", []
    if state == "learning":
        return "c.phase IN (1, 3)", []
    if state == "review":
        return "c.phase = 2", []
    if state == "suspended":
        return "c.suspended = 1", []
    if state == "leech":
        return "c.leech = 1", []
    if state == "retired":
        return "c.retired = 1", []
    if state == "buried":
        parts = ["(c.deck_id = ? AND coalesce(c.buried_until, 0) > ?)" for _ in days] or ["0"]
        return " OR ".join(parts), [value for d in days for value in (d[0], d[2])]
    # due: what the queue would show if there were no daily limits (Anki's is:due).
    reviews = ["(c.deck_id = ? AND c.due < ?)" for _ in days] or ["0"]
    buried = ["(c.deck_id = ? AND coalesce(c.buried_until, 0) > ?)" for _ in days] or ["0"]
    clause = (
        "c.suspended = 0 AND c.retired = 0 AND c.phase > 0 "
        f"AND NOT ({' OR '.join(buried)}) "
        f"AND ((c.phase IN (1, 3) AND c.due <= ?) OR (c.phase = 2 AND ({' OR '.join(reviews)})))"
    )
    params: list[Any] = [value for d in days for value in (d[0], d[2])]
    params.append(now_ms)
    params.extend(value for d in days for value in (d[0], d[3]))
    return clause, params


def _like(pattern: str) -> str:
    """A * wildcard pattern as an SQL GLOB pattern (exact unless it has a *)."""
    return pattern.replace("[", "[[]").replace("?", "[?]")


def _card_clause(name: str) -> tuple[str, list[Any]]:
    parts = name.split("/")
    if len(parts) >= 3 and parts[-1].isdigit():
        return "c.key = ?", [name]
    deck, _, question = name.partition("/")
    return "d.name = ? AND c.question_id = ?", [deck, question]


def fold(text: str) -> str:
    """Text for searching: lower case, accents and other marks removed."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def searchable_texts(questions: Mapping[str, QuestionFacts | None]) -> dict[str, str]:
    """Each question's id and prompt, folded once for every text word of a search (the two are
    kept apart by a newline, so a word never matches across them)."""
    return {
        question_id: f"{fold(question_id)}\n{fold(found.prompt) if found is not None else ''}"
        for question_id, found in questions.items()
    }


def _questions_matching(
    term: Term, questions: Mapping[str, QuestionFacts | None], texts: Mapping[str, str] | None = None
) -> set[str]:
    """The questions (by id) one term that needs the deck file holds for, negation aside
    (`texts`: searchable_texts(questions), when already made).

    Tags, mechanisms and kinds are few: each distinct value is tested once against the pattern,
    then the questions holding a chosen value are taken, so a search costs a pass or two over
    the questions, not a pattern match per card."""
    if term.field == "":
        needle = fold(term.value)
        return {question_id for question_id, text in (texts or searchable_texts(questions)).items() if needle in text}
    pattern = re.compile(fnmatch.translate(term.value.casefold()))
    if term.field == "tag":
        tags = {tag for found in questions.values() if found for tag in found.tags}
        chosen_tags = {tag for tag in tags if pattern.match(tag.casefold())}
        return {
            question_id
            for question_id, found in questions.items()
            if found is not None and not chosen_tags.isdisjoint(found.tags)
        }
    if term.field == "mech":
        # Without the deck file, a generated question's id starts with its mechanism's id.
        mechanisms = {
            question_id: found.mechanism if found else question_id.split(".")[0]
            for question_id, found in questions.items()
        }
        chosen = {name for name in set(mechanisms.values()) if name and pattern.match(name.casefold())}
        return {question_id for question_id, name in mechanisms.items() if name in chosen}
    kinds = {found.kind for found in questions.values() if found}
    chosen_kinds = {kind for kind in kinds if pattern.match(kind)}
    return {
        question_id
        for question_id, found in questions.items()
        if found is not None and found.kind in chosen_kinds
    }


FactsOf = Callable[[str], "Mapping[str, QuestionFacts] | None"]


@dataclass(frozen=True)
class Selection:
    """What a search chose: how many cards in all, and the first of them (all without a limit)."""

    total: int
    cards: list[CardRecord]

    @property
    def keys(self) -> list[str]:
        """The chosen cards' keys, in order."""
        return [card.key for card in self.cards]


def select_cards(
    collection: Collection,
    query: CardQuery,
    now: datetime,
    *,
    facts_of: FactsOf | None = None,
    sort: str = "deck",
    reverse: bool = False,
    limit: int | None = None,
) -> Selection:
    """The cards a search chooses, sorted: their number, and the first `limit` of them.

    `facts_of(deck)` gives a deck's question facts by question id (None when the deck file
    cannot be read); it is called only when a term needs them. Retired cards are left out unless
    the search asks for `is:retired`."""
    if sort not in _SORT_SQL:
        raise QuizmgError(f"cannot sort by {sort!r}: use one of {', '.join(SORTS)}.")
    sql = _Sql()
    now_ms = to_ms(now)
    days: list[tuple[int, str, int, int]] | None = None
    if not any(t.field == "is" and t.value == "retired" and not t.negated for t in query.terms):
        sql.where.append("c.retired = 0")
    for term in query.terms:
        if term.field == "is":
            if days is None:
                days = _deck_days(collection, now)
            clause, params = _state_clause(term.value, now_ms, days)
            sql.add(clause, params, term.negated)
        elif term.field == "deck":
            sql.add("d.name GLOB ?", [_like(term.value)], term.negated)
        elif term.field == "card":
            clause, params = _card_clause(term.value)
            sql.add(clause, params, term.negated)
    order = _SORT_SQL[sort]
    if reverse:
        # Cards without the value (new cards have no stability) stay last either way.
        order = ", ".join(
            part if part.endswith("IS NULL") else f"{part} DESC" for part in order.split(", ")
        )
    db = collection.connection
    source = "FROM cards c JOIN decks d ON d.id = c.deck_id"
    fact_terms = [t for t in query.terms if t.field in ("", "mech", "tag", "kind")]
    if fact_terms:
        clause, params = _choose_questions(collection, query, fact_terms, facts_of)
        sql.add(clause, params, False)
    where = f"WHERE {' AND '.join(sql.where)}" if sql.where else ""
    total = db.execute(f"SELECT count(*) {source} {where}", sql.params).fetchone()[0]
    bounded = "" if limit is None else f" LIMIT {int(limit)}"
    rows = db.execute(f"SELECT {CARD_COLUMNS} {source} {where} ORDER BY {order}{bounded}", sql.params)
    return Selection(total, [card_from_row(row) for row in rows])


def _choose_questions(
    collection: Collection, query: CardQuery, terms: list[Term], facts_of: FactsOf | None
) -> tuple[str, list[Any]]:
    """An SQL condition (and its parameters) choosing the cards whose questions pass the terms
    only the deck file can answer: each question is tested once, whatever its number of cards,
    and SQLite then counts, sorts and pages the cards as for any other search."""
    db = collection.connection
    retired_too = any(t.field == "is" and t.value == "retired" and not t.negated for t in query.terms)
    kept_by_deck: dict[int, set[str]] = {}
    failed_by_deck: dict[int, set[str]] = {}
    for deck_id, deck in db.execute("SELECT id, name FROM decks").fetchall():
        facts = (facts_of(deck) if facts_of else None) or {}
        questions: Mapping[str, QuestionFacts | None] = facts
        if not facts or retired_too:  # no deck file, or retired questions asked for
            questions = {
                row[0]: facts.get(row[0])
                for row in db.execute("SELECT DISTINCT question_id FROM cards WHERE deck_id = ?", (deck_id,))
            }
        kept = set(questions)
        texts = searchable_texts(questions) if any(term.field == "" for term in terms) else None
        for term in terms:
            matching = _questions_matching(term, questions, texts)
            kept = kept - matching if term.negated else kept & matching
        kept_by_deck[deck_id] = kept
        failed_by_deck[deck_id] = set(questions) - kept
    # A card whose question the deck file lacks is retired (sync retires it), so either list
    # chooses the same cards: the shorter is handed over. SQLite turns `IN (SELECT value FROM
    # json_each(?))` into one ephemeral index, built once, probed per card; nothing is written.
    keep = retired_too or sum(map(len, kept_by_deck.values())) <= sum(map(len, failed_by_deck.values()))
    listed = kept_by_deck if keep else failed_by_deck
    parts = ["(c.deck_id = ? AND c.question_id IN (SELECT value FROM json_each(?)))" for _ in listed]
    params: list[Any] = []
    for deck_id, ids in listed.items():
        params += [deck_id, json.dumps(list(ids))]
    clause = " OR ".join(parts) or "0"
    return (clause if keep else f"NOT ({clause})"), params


def check_names(collection: Collection, query: CardQuery) -> None:
    """A QuizmgError for a card named outright that the collection does not hold (a typo should
    not quietly choose nothing)."""
    for term in query.card_names:
        clause, params = _card_clause(term.value)
        found = collection.connection.execute(
            f"SELECT 1 FROM cards c JOIN decks d ON d.id = c.deck_id WHERE {clause} LIMIT 1", params
        ).fetchone()
        if found is None:
            raise QuizmgError(
                f"no card {term.value!r} in the collection: name a card as deck/question "
                "(all its cards) or deck/question/ordinal; `quizmg cards DECK` lists them."
            )
