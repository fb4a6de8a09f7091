"""Ranking a teacher can trust: a score per question from its checks, best first, a threshold, --all."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from quizmg.bank import bank_from_deck
from quizmg.cli import cli
from quizmg.formats.text import read_text
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.questions import Candidate
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate
from quizmg.model import Cloze, Short

DOCUMENTS = Path(__file__).parent / "data" / "documents"
SCORE = re.compile(r"Draft score (\d+)/100: (.+)\.$")


def _scores(questions: list) -> list[int]:
    found = [SCORE.search(q.explanation) for q in questions]
    assert all(found), [q.explanation for q, m in zip(questions, found, strict=True) if not m]
    return [int(m.group(1)) for m in found if m]


def test_every_drafted_question_shows_its_score_and_the_deck_is_written_best_first() -> None:
    path = DOCUMENTS / "painkillers.md"
    draft = draft_deck(read_text(path), path)
    questions = bank_from_deck(draft.deck).questions
    scores = _scores(list(draft.deck.questions))
    assert scores == sorted(scores, reverse=True)
    assert min(scores) >= THRESHOLD
    # The deck's questions are written out in that order; the mechanisms add nothing before them.
    assert [q.id for q in questions] == [q.id for q in draft.deck.questions]
    everything = draft_deck(read_text(path), path, keep_all=True)
    assert len(everything.deck.questions) == len(draft.deck.questions) + draft.left_out


def _candidate(question, answer: str, sentence) -> Candidate:
    return Candidate(question, 1.0, frozenset(), answer, sentence)


def test_redundant_generic_and_unsupported_answers_score_low() -> None:
    text = "Troponin binds calcium in the fibre. Tropomyosin covers the binding sites. Light reaches the fibre."
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    first, second, third = document.sentences
    good = _candidate(Short(id="a", prompt="Which protein binds calcium in the fibre?", answer="troponin"),
                      "troponin", first)
    again = _candidate(Short(id="b", prompt="Which protein in the fibre binds calcium?", answer="troponin"),
                       "troponin", first)
    generic = _candidate(Cloze(id="c", text="{{c1::Light}} reaches the fibre."), "Light", third)
    made_up = _candidate(Short(id="d", prompt="What covers the fibre?", answer="myoglobin"), "myoglobin", second)
    rated = rate([good, again, generic, made_up], terms, text)
    assert rated[0].score == 100 and "answer in the source at line 1" in rated[0].reasons
    assert rated[1].score < THRESHOLD and "nearly repeats a higher-ranked question" in rated[1].reasons
    assert rated[2].score < THRESHOLD and any("everyday word" in r for r in rated[2].reasons)
    assert rated[3].score < THRESHOLD and any("not found" in r for r in rated[3].reasons)
    assert rated[0].note().startswith("Draft score 100/100: answer in the source")


def test_show_answers_prints_each_score_and_all_keeps_the_low_ones(tmp_path: Path) -> None:
    output = tmp_path / "deck.yaml"
    document = DOCUMENTS / "wolves-and-rivers.txt"
    result = CliRunner().invoke(cli, ["generate", str(document), "-o", str(output)])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(cli, ["show", str(output), "--answers"])
    assert shown.exit_code == 0 and shown.output.count("Draft score") >= 8
    kept = CliRunner().invoke(cli, ["generate", str(document), "-o", str(output), "--force", "--all"])
    assert kept.exit_code == 0 and "Left out" not in kept.output


def test_a_mechanism_about_an_everyday_word_scores_under_the_threshold() -> None:
    from quizmg.model import Basic, Mechanism

    text = "Competitive inhibitors regulate enzymes. Statins inhibit HMG-CoA reductase."
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    vague = Mechanism(id="vague", agent="competitive inhibitors", action="regulate", target="enzymes")
    sharp = Mechanism(id="sharp", agent="statins", action="inhibit", target="HMG-CoA reductase")
    questions = [
        Candidate(Basic(id=f"{m.id}.recall", prompt=f"What do {m.agent} do to {m.target}?", answer="x",
                        mechanism=m.id), 1.0, frozenset(), "x", sentence, mechanism=m.id, template="recall")
        for m, sentence in ((vague, document.sentences[0]), (sharp, document.sentences[1]))
    ]
    low, high = rate(questions, terms, text, {"vague": vague, "sharp": sharp})
    assert low.score < THRESHOLD and "the target 'enzymes' is an everyday word" in low.reasons
    assert high.score >= THRESHOLD
