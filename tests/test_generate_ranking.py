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
from quizmg.generate.ranking import select
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate
from quizmg.model import Cloze, Short, TrueFalse

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
    assert shown.exit_code == 0 and shown.output.count("Draft score") >= 7  # a 400-word text
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
        Candidate(Basic(id=f"{m.id}.recall", prompt=f"What do {m.agent} do to {m.target}?", answer=m.target,
                        mechanism=m.id), 1.0, frozenset(), m.target, sentence, mechanism=m.id, template="recall")
        for m, sentence in ((vague, document.sentences[0]), (sharp, document.sentences[1]))
    ]
    low, high = rate(questions, terms, text, {"vague": vague, "sharp": sharp})
    assert low.score < THRESHOLD and "the target 'enzymes' is an everyday word" in low.reasons
    assert high.score >= THRESHOLD


def _blank(sentence, answer: str, score: float) -> Candidate:
    """A cloze over `answer` in `sentence`, with the score the drafter would have given it."""
    text = sentence.text.replace(answer, f"{{{{c1::{answer}}}}}", 1)
    return Candidate(Cloze(id=f"c{sentence.index}-{answer.lower()}", text=text), score,
                     frozenset({f"{sentence.index}:{answer}"}), answer, sentence)


_GLACIERS = (
    "A cirque is a bowl carved by a glacier at the head of a valley. "
    "Ice flowing out of a cirque grinds the valley floor into a U shape. "
    "Two cirques cut back to back leave a sharp ridge called an arete. "
    "Moraines are ridges of rock debris that a glacier drops at its edges."
)


def test_each_answer_and_each_sentence_is_asked_once_while_others_remain() -> None:
    document = read_document(_GLACIERS, Path("glaciers.txt"))
    first, second, third, fourth = document.sentences
    cirque_again = _blank(second, "cirque", 4.5)  # the same answer from another sentence
    valley = _blank(first, "valley", 4.0)  # a second blank in the sentence already asked
    arete = _blank(third, "arete", 2.0)
    moraines = _blank(fourth, "Moraines", 1.5)
    candidates = [_blank(first, "cirque", 5.0), cirque_again, valley, arete, moraines]
    chosen = select(candidates, 4)
    assert [c.answer for c in chosen[:3]] == ["cirque", "arete", "Moraines"]  # then the repeats
    # With nothing else left, a repeat still fills the deck rather than leaving it short.
    assert [c.answer for c in select(candidates[:2], 2)] == ["cirque", "cirque"]


def test_two_names_of_one_thing_count_as_one_answer() -> None:
    document = read_document(
        "The arete (AR) is a knife-edged ridge. An AR forms between two glaciers. Eskers are winding ridges.",
        Path("ridges.txt"),
    )
    first, second, third = document.sentences
    candidates = [_blank(first, "arete", 3.0), _blank(second, "AR", 2.9), _blank(third, "Eskers", 1.0)]
    names = {"ar": "arete"}
    chosen = select(candidates, 2, answer_group=lambda answer: names.get(answer.lower(), answer))
    assert [c.answer for c in chosen] == ["arete", "Eskers"]


def test_a_prompt_that_shows_another_chosen_answer_of_its_sentence_comes_last() -> None:
    document = read_document(
        "A glacier scrapes bedrock into striations and polishes it smooth. Eskers are winding ridges of sand.",
        Path("ice.txt"),
    )
    first, second = document.sentences
    striations = _blank(first, "striations", 3.0)
    # The same sentence as a true/false statement shows 'striations' word for word.
    shows_it = Candidate(TrueFalse(id="tf", statement=first.text, answer=True), 2.9,
                         frozenset({"0:statement"}), "True", first)
    eskers = _blank(second, "Eskers", 1.0)
    chosen = select([striations, shows_it, eskers], 3)
    assert [c.answer for c in chosen] == ["striations", "Eskers", "True"]


def test_an_acronym_and_its_spelled_out_form_are_one_answer_to_the_ranking() -> None:
    from quizmg.generate.draft import answer_group

    document = read_document(
        "Floods from a glacial lake outburst flood (GLOF) reach the valley within minutes. "
        "Sirens in the valley warn of a coming GLOF. A GLOF follows the failure of a moraine.",
        Path("glof.txt"),
    )
    group = answer_group(find_terms(document))
    assert group("glacial lake outburst flood") == group("GLOF") != group("moraine")


def test_a_blank_whose_answer_an_earlier_question_on_its_sentence_shows_comes_last() -> None:
    from quizmg.model import Basic

    document = read_document(
        "Outwash plains and eskers record the meltwater of a retreating glacier, which spreads sand and gravel "
        "in wide braided streams far beyond the ice front each summer. Drumlins are oval hills of till.",
        Path("outwash.txt"),
    )
    first, second = document.sentences
    asks = Candidate(Basic(id="what", prompt="What do outwash plains and eskers record?", answer="meltwater"),
                     3.0, frozenset({"chain"}), "Where the ice melted back.", first)
    eskers = _blank(first, "eskers", 2.9)  # its answer is in the question above
    drumlins = _blank(second, "Drumlins", 1.0)
    chosen = select([asks, eskers, drumlins], 3)
    assert [c.answer for c in chosen][:2] == ["Where the ice melted back.", "Drumlins"]


def test_a_second_question_on_one_answer_scores_under_the_threshold() -> None:
    """A teacher deletes the second question on an answer already asked: it is left out of the deck
    (kept with --all), so a short document gives a short deck rather than repeats."""
    from quizmg.model import Basic

    text = "Bees carry pollen between flowers. Pollen holds the male cells of a plant."
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    first, second = (
        Candidate(Basic(id=f"q{index}", prompt=prompt, answer="pollen"), 1.0, frozenset(), "pollen", sentence)
        for index, (prompt, sentence) in enumerate(
            (("What do bees carry between flowers?", document.sentences[0]),
             ("What holds the male cells of a plant?", document.sentences[1]))
        )
    )
    kept, repeat = rate([first, second], terms, text)
    assert kept.score >= THRESHOLD
    assert repeat.score < THRESHOLD and "its answer is also asked 1× above" in repeat.reasons


def test_a_blank_that_is_one_item_of_a_list_is_refused() -> None:
    """'Glands such as [...], the thyroid, and the adrenals' has three right answers: a blank on one
    item of a list of three or more is refused; the head of the list, a pair the sentence defines, and
    a clause after a comma are not lists."""
    from quizmg.generate.list_members import list_item

    assert list_item("Glands such as ", ", the thyroid, and the adrenals release hormones.")
    assert list_item("Symptoms include fever, cough, ", ", and fatigue.")
    assert list_item("Symptoms include fever, cough, and ", ".")
    assert list_item("Symptoms include fever, sore throat and ", ".")  # items of one or two words here
    assert not list_item("Sap rises through xylem, phloem, and other ", " of the stem.")
    assert not list_item("There are two kinds of tissue: xylem and ", ".")
    assert not list_item("As the ", ", the piston pushes, the gas expands.")
    assert not list_item("Once the sun sets, the air cools and ", " forms on the grass.")
    assert not list_item("Splitting water releases ", " and hydrogen ions.")


def test_a_second_blank_in_a_sentence_already_blanked_scores_under_the_threshold() -> None:
    text = ("Troponin binds calcium in the muscle fibre once a nerve signal reaches it. "
            "Tropomyosin covers the binding sites on actin while the muscle is at rest.")
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    first, second = document.sentences
    one = _candidate(Cloze(id="a", text="{{c1::Troponin}} binds calcium in the muscle fibre once a nerve signal "
                                        "reaches it."), "Troponin", first)
    two = _candidate(Cloze(id="b", text="Troponin binds {{c1::calcium}} in the muscle fibre once a nerve signal "
                                        "reaches it."), "calcium", first)
    fresh = _candidate(Cloze(id="c", text="{{c1::Tropomyosin}} covers the binding sites on actin while the muscle "
                                          "is at rest."), "Tropomyosin", second)
    rated = rate([one, two, fresh], terms, text)
    assert "its sentence is also blanked above" in rated[1].reasons
    assert rated[2].score >= THRESHOLD > rated[1].score  # one fact read twice: only --all writes it


def test_a_long_sentence_gives_no_second_blank_either() -> None:
    text = ("The spinning rotor of a wind turbine drives a gearbox that raises the shaft speed enough for the "
            "generator in the nacelle to make electricity. Anemometers on the tower measure the speed of the wind "
            "every second.")
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    first, second = document.sentences
    words = first.text.split()
    assert len(words) >= 20
    one = _candidate(Cloze(id="a", text=first.text.replace("gearbox", "{{c1::gearbox}}")), "gearbox", first)
    two = _candidate(Cloze(id="b", text=first.text.replace("nacelle", "{{c1::nacelle}}")), "nacelle", first)
    fresh = _candidate(Cloze(id="c", text="{{c1::Anemometers}} on the tower measure the speed of the wind every "
                                          "second."), "Anemometers", second)
    rated = rate([one, two, fresh], terms, text)
    assert "its sentence is also blanked above" in rated[1].reasons
    assert rated[2].score >= THRESHOLD > rated[1].score  # read twice however long: only --all writes it


def test_an_answer_that_holds_or_is_part_of_one_asked_above_scores_under_the_threshold() -> None:
    text = ("A moraine is a ridge of rock debris left by a glacier. A terminal moraine marks the farthest advance "
            "of the ice before it melted back. Striations are scratches that moving ice cuts into bedrock "
            "as it grinds past.")
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    first, second, third = document.sentences
    wide = _candidate(Cloze(id="a", text="A {{c1::moraine}} is a ridge of rock debris left by a glacier."),
                      "moraine", first)
    narrow = _candidate(Cloze(id="b", text="A {{c1::terminal moraine}} marks the farthest advance of the ice before "
                                           "it melted back."),
                        "terminal moraine", second)
    other = _candidate(Cloze(id="c", text="{{c1::Striations}} are scratches that moving ice cuts into bedrock as "
                                          "it grinds past."), "Striations", third)
    rated = rate([wide, narrow, other], terms, text)
    assert "its answer overlaps one asked above ('moraine')" in rated[1].reasons
    assert rated[0].score >= THRESHOLD > rated[1].score
    assert rated[2].score >= THRESHOLD  # a word of its own: new
    # The other way round: the part after the whole.
    rated = rate([narrow, wide], terms, text)
    assert rated[1].score < THRESHOLD and "overlaps one asked above ('terminal moraine')" in rated[1].reasons[-1]


def _asked(questions: list) -> dict[str, str]:
    """Each question's answer -> its score note."""
    return {q.answer_text(): q.explanation for q in questions}


SUBSCRIPTS = """# Equilibrium

When a reaction reaches equilibrium, its reaction quotient stops changing. This value is called the
**equilibrium constant**{: data-type="term"} of the reaction at that temperature. Written with concentrations,
the constant is called *K<sub>c</sub>*.
A **homogeneous equilibrium**{: data-type="term"} has every reactant and product in one phase.
A **heterogeneous equilibrium**{: data-type="term"} has its components in two or more phases.
A large value of *K<sub>c</sub>* means that the products are favoured at equilibrium.
A small value of *K<sub>c</sub>* means that little product forms before equilibrium.
"""


def test_an_answer_written_with_markup_in_the_source_is_in_the_source() -> None:
    # A symbol set in HTML ('*K<sub>c</sub>*') is no longer drafted as an answer (html_symbols.py); the score
    # still finds such an answer in the source as a reader sees it.
    document = read_document(SUBSCRIPTS, Path("equilibrium.md"))
    sentence = next(s for s in document.sentences if "large value of Kc" in s.text)
    cloze = Cloze(id="a", text="A large value of {{c1::Kc}} means that the products are favoured at equilibrium.")
    read = "\n".join(s.text for s in document.sentences)  # the source as a reader sees it, as assemble.py passes it
    (trust,) = rate([_candidate(cloze, "Kc", sentence)], find_terms(document), f"{SUBSCRIPTS}\n{read}")
    assert not any("not found word for word" in reason for reason in trust.reasons), trust.reasons
    assert any("answer in the source" in reason for reason in trust.reasons), trust.reasons
    assert "Kc" not in _asked(list(draft_deck(SUBSCRIPTS, "equilibrium.md").deck.questions))


def test_an_equation_read_as_an_acronym_is_no_answer() -> None:
    text = "The decay follows Nt = N0e−kt for every sample of the isotope. Decay slows as the sample shrinks."
    document = read_document(text, Path("t.txt"))
    terms = find_terms(document)
    odd = _candidate(Short(id="a", prompt="What does NtN0 stand for?", answer="Nt = N0e−kt"), "Nt = N0e−kt",
                     document.sentences[0])
    (trust,) = rate([odd], terms, text)
    assert trust.score < THRESHOLD and any("an equation, not a term" in reason for reason in trust.reasons)
