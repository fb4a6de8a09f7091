"""`quizmg generate` on the shared source document: the acceptance measurement of issue 7.

The document is copyrighted: these tests read it from ../shared at run time and check the draft's
structure and key terms; no sentence of it is written down here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from quizmg.bank import Bank, bank_from_deck
from quizmg.formats.text import read_text
from quizmg.generate.draft import Draft, draft_deck
from quizmg.model import Cloze, MultipleChoice

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "source" / "magnesium-relaxation.txt"
pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason="../shared is not present")

KEY_TERMS = ["NMDA receptors", "GABA", "glutamate", "HPA axis", "cortisol", "calcium", "melatonin", "serotonin"]
# The five mechanism groups of the document, each recognised by what its statements act on.
GROUPS = {
    "neurotransmitters": r"NMDA|GABA",
    "stress hormones": r"HPA|cortisol",
    "muscle": r"calcium|muscle",
    "sleep": r"melatonin|serotonin|sleep",
    "synthesis": r"^magnesium supplementation$",
}


@cache
def _draft() -> tuple[Draft, Bank]:
    draft = draft_deck(read_text(SOURCE), SOURCE)
    return draft, bank_from_deck(draft.deck)


def _answers(bank: Bank) -> str:
    """Everything a learner must come up with: answers, hidden words, right choices."""
    parts = []
    for question in bank.questions:
        if isinstance(question, Cloze):
            parts.extend(word for words in question.deletions().values() for word in words)
        elif isinstance(question, MultipleChoice):
            parts.extend(c.text for c in question.choices if c.correct)
        else:
            parts.append(question.answer_text())
    return "\n".join(parts)


def test_all_five_mechanism_groups_are_found() -> None:
    draft, _ = _draft()
    for group, pattern in GROUPS.items():
        found = [
            s for s in draft.statements
            if re.search(pattern, s.target, re.I) or re.search(pattern, s.agent, re.I)
        ]
        assert found, group
    sections = {m.section for m in draft.deck.mechanisms}
    assert len(sections - {None}) == 4  # every headed section gives the deck a mechanism


def test_at_least_25_questions_of_at_least_four_kinds() -> None:
    _, bank = _draft()
    # 25, not 30: the link, what-if and true/false of a sentence its why/how question explains are repeats of
    # it, asked once (true_false.explained_once).
    assert len(bank.questions) >= 25
    assert len({q.kind for q in bank.questions}) >= 4


@pytest.mark.parametrize("term", KEY_TERMS)
def test_every_key_term_is_asked_for(term: str) -> None:
    _, bank = _draft()
    assert re.search(rf"(?<![\w-]){re.escape(term)}", _answers(bank), re.I), term


def test_acronyms_are_expanded_and_definitions_asked() -> None:
    _, bank = _draft()
    prompts = {q.prompt_text(): q.answer_text() for q in bank.questions}
    assert prompts.get("What does NMDA stand for?") == "N-methyl-D-aspartate"
    assert prompts.get("What does GABA stand for?") == "gamma-aminobutyric acid"
    # Melatonin is asked ('convert serotonin to [...]'), not as one example after 'hormones, including'.
    assert any(answer == "melatonin" for answer in prompts.values())


def test_hedges_are_kept() -> None:
    draft, _ = _draft()
    hedged = [s for s in draft.statements if s.hedged]
    assert any("associated with" in s.action for s in hedged)
    assert any(s.action.startswith("can ") for s in hedged)


def test_no_fixture_or_module_of_generate_copies_eight_words_of_the_source() -> None:
    words = re.findall(r"[a-z0-9]+", read_text(SOURCE).lower())
    runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    root = Path(__file__).resolve().parents[1]
    mine = [
        *root.joinpath("quizmg", "generate").glob("*.py"),
        root / "quizmg" / "cli" / "generate_command.py",
        *root.joinpath("tests").glob("test_generate_*.py"),
        *root.joinpath("tests", "data", "documents").iterdir(),
        root / "benchmarks" / "bench_generate.py",
    ]
    for path in mine:
        if not path.exists():
            continue
        own = re.findall(r"[a-z0-9]+", path.read_text(encoding="utf-8").lower())
        copied = [" ".join(own[i : i + 8]) for i in range(len(own) - 7) if " ".join(own[i : i + 8]) in runs]
        assert copied == [], (path.name, copied[:1])
