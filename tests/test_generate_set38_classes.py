"""Classes of poor question found in a review of sealed textbook sections (set 38): 'either X, or Y' read as a
second name, a glossary line that points at its term ('this armed conflict ... occurred'), a name's possessive
after an article ('an alexis de Tocqueville's phrase'), 'living being' left without its article, a renaming that
repeats the answer's first word ('a chelating ligand ... also known as a [chelating agent]'), and a second question
on a sentence already asked written among the first ones."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.assemble import REPEAT_NOTE
from quizmg.generate.definition_shapes import defines_nothing
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.give_aways import renamed_with_its_word
from quizmg.generate.questions import Candidate
from quizmg.generate.ranking import select
from quizmg.generate.short_answers import accepted_forms, term_prompt, with_article
from quizmg.generate.terms import Term, TermIndex, fold
from quizmg.model import Cloze, Short

UNEMPLOYMENT = """# Unemployment

The causes of unemployment can be sorted in two ways: either cyclical unemployment caused by the economy being \
in a **recession**, or the natural rate of unemployment caused by factors in labor markets, such as rules on \
hiring. A **recession** is a period of falling output. Long spells of **cyclical unemployment** follow a deep \
**recession**.
"""


def test_either_or_offers_a_choice_and_names_nothing() -> None:
    deck = draft_deck(UNEMPLOYMENT, "jobs.md", keep_all=True).deck
    prompts = {q.prompt: q.answer for q in deck.questions if isinstance(q, Short)}
    assert not [p for p, answer in prompts.items() if "natural rate of unemployment" in p and answer == "recession"]


def test_a_glossary_line_that_points_at_its_term_defines_nothing() -> None:
    assert defines_nothing("this armed conflict between cowboys and ranchers occurred in Clay County, Texas")
    assert defines_nothing("these laws were passed after the war")
    assert not defines_nothing("a conflict between cowboys and ranchers over grazing land")


def test_a_name_and_a_living_being_are_asked_as_they_read() -> None:
    assert term_prompt("Alexis de Tocqueville’s phrase warning of the dangers of democracy") == (
        "What is the term for Alexis de Tocqueville’s phrase warning of the dangers of democracy?")
    assert with_article("living being that has a cellular structure") == "a living being that has a cellular structure"
    assert with_article("thing that moves") == "a thing that moves"
    # A gerund with its object is still an action, with no article.
    assert with_article("moving in a circle") == "moving in a circle"


def test_a_renaming_that_repeats_the_answers_first_word_gives_it_away() -> None:
    assert renamed_with_its_word("chelating agent", "A chelating ligand is also known as a ") == "chelating"
    assert renamed_with_its_word("intrinsic spin", "Electrons have an intrinsic angular momentum called ")
    # The head word alone shared leaves the question what sets the name apart.
    assert renamed_with_its_word("simple epithelia", "Epithelia of a single layer of cells are called ") is None
    assert renamed_with_its_word("tactile corpuscles", "Meissner’s corpuscles, also known as ") is None
    document = ("# Ligands\n\nA **chelating ligand** bonds to a metal through two or more donor atoms. A chelating "
                "ligand is also known as a **chelating agent**. A **donor atom** gives a pair of electrons to "
                "the metal.\n")
    texts = [q.text for q in draft_deck(document, "ligands.md", keep_all=True).deck.questions if isinstance(q, Cloze)]
    assert not [t for t in texts if "{{c1::chelating agent" in t]


def _blank(sentence, answer: str, score: float) -> Candidate:
    text = sentence.text.replace(answer, "{{c1::" + answer + "}}", 1)
    question = Cloze(id=f"c-{len(answer)}-{int(score)}", text=text)
    return Candidate(question, score, frozenset({f"{sentence.index}:{answer}"}), answer, sentence)


def test_a_repeat_is_marked_and_written_after_every_new_question() -> None:
    document = read_document("Ice grinds the valley floor into a U shape. Moraines are ridges of debris.",
                             Path("ice.txt"))
    first, second = document.sentences
    chosen = select([_blank(first, "valley", 5.0), _blank(first, "U shape", 4.0), _blank(second, "Moraines", 1.0)],
                    3)
    assert [(c.answer, c.repeat) for c in chosen] == [("valley", False), ("Moraines", False), ("U shape", True)]
    # In a drafted deck, no question on a sentence already asked comes before one on a sentence not yet asked.
    path = Path(__file__).parent / "data" / "documents" / "painkillers.md"
    draft = draft_deck(path.read_text(encoding="utf-8"), path, keep_all=True)
    seen: set[int] = set()
    new_after_repeat = []
    repeated = False
    for question in draft.deck.questions:
        sentence = draft.sources.get(question.id or "")
        if sentence is None:
            continue
        if sentence.index in seen:
            repeated = True
            assert REPEAT_NOTE in question.explanation  # the note says why it comes after higher scores
        elif repeated:
            new_after_repeat.append(question.id)
        seen.add(sentence.index)
    assert new_after_repeat == []


def test_another_name_of_a_term_is_accepted_as_its_answer() -> None:
    names = [Term("contractionary monetary policy", group="cmp"), Term("tight monetary policy", group="cmp"),
             Term("CMP", group="cmp"), Term("fiscal policy", group="fp")]
    index = TermIndex({fold(term.text): term for term in names})
    # Another name of the same shape is accepted; the letters are not a phrase's other name.
    assert accepted_forms(names[0], index) == ["tight monetary policy"]


def test_a_numbered_member_and_a_whereby_clause_read_with_their_articles() -> None:
    assert term_prompt("stage three of the general adaptation syndrome") == (
        "What is the term for stage three of the general adaptation syndrome?")
    assert term_prompt("type I hypersensitivity reaction") == "What is the term for a type I hypersensitivity reaction?"
    assert term_prompt("process whereby the borders of a wound are drawn together") == (
        "What is the term for a process whereby the borders of a wound are drawn together?")
