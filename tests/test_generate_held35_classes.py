"""Classes of poor drafts a review of textbook sections found (held-out set 35), each fixed at its class:
glossary lines asked in the wrong shape, a definition cut to nothing, one concept asked in three word forms, an
answer shown inside a longer word, and blanks any member of a group fills. Every sentence is written for the test."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.blanks import ambiguous_blank
from quizmg.generate.built_on import built_on_answer
from quizmg.generate.contact_clauses import contact_clause
from quizmg.generate.contrasts import compared_blank
from quizmg.generate.definition_phrase import trim_definition
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.list_members import list_item
from quizmg.generate.questions import Candidate
from quizmg.generate.ranking import select
from quizmg.generate.short_answers import term_prompt, with_article
from quizmg.generate.term_finding import find_terms
from quizmg.generate.word_forms import ize_root
from quizmg.model import Cloze


def test_a_glossary_line_that_opens_on_a_verb_and_its_object_is_asked_with_that_verb() -> None:
    assert term_prompt("compares several shops at one time", "snapshot survey") == \
        "What compares several shops at one time?"
    assert term_prompt("weighs both loaves before baking", "proof scale") == "What weighs both loaves before baking?"
    # A plural noun and its relative clause is a noun phrase still, with 'that' or without it.
    assert term_prompt("shops that sell only bread", "bakeries") == "What is the term for shops that sell only bread?"
    assert term_prompt("rules some guilds set to keep prices high", "guild codes").startswith("What is the term for")


def test_a_noun_with_its_of_phrase_and_a_clause_without_that_is_a_noun_phrase() -> None:
    line = "the amount of salt one litre of sea water must hold to freeze below zero"
    assert contact_clause(line)
    assert term_prompt(line, "brine load") == f"What is the term for {line}?"
    assert not contact_clause("the sum of forces acting on a body at rest")
    assert not contact_clause("the means of shaping the loaf before it rises")  # a gerund and its object


def test_a_predicate_line_is_written_on_the_card_without_an_article() -> None:
    assert with_article("occurs because salt draws water out of the dough") == \
        "occurs because salt draws water out of the dough"
    text = (
        "# Dough\n\nBakers knead dough to build gluten. Proofing lets dough rise.\n\n"
        "## Glossary\n\nweeping\n: occurs because salt draws water out of the dough overnight\n"
    )
    draft = draft_deck(text, Path("dough.md"))
    backs = [q.explanation or "" for q in draft.deck.questions if q.kind == "short"]
    assert backs and all(" an occurs" not in back and " a occurs" not in back for back in backs)


def test_a_definition_whose_clause_was_cut_off_is_no_definition() -> None:
    assert trim_definition("flaws that appear when a loaf is cut before it cools") is None
    assert trim_definition("loaves that rise slowly when the kitchen is cold") == "loaves that rise slowly"
    assert trim_definition("a dough kneaded so long that even when it rests it springs back") is not None


def test_three_word_forms_of_one_verb_in_ize_are_one_answer() -> None:
    assert {ize_root(word) for word in ("generalize", "generalizing", "generalization", "generalized")} == \
        {"generali"}
    assert ize_root("organ") != ize_root("organize")
    assert ize_root("size") == "size" and ize_root("raise") == "raise"
    document = read_document(
        "Generalizing means applying one finding to many people. "
        "Small samples make it hard to generalize the findings. "
        "A survey asks many people the same questions.",
        Path("studies.txt"),
    )
    first, second, third = document.sentences

    def blank(sentence, answer: str, score: float) -> Candidate:
        text = sentence.text.replace(answer, f"{{{{c1::{answer}}}}}", 1)
        return Candidate(Cloze(id=f"c{sentence.index}", text=text), score,
                         frozenset({f"{sentence.index}:{answer}"}), answer, sentence)

    chosen = select([blank(first, "Generalizing", 3.0), blank(second, "generalize", 2.9),
                     blank(third, "survey", 1.0)], 2)
    assert [c.answer for c in chosen] == ["Generalizing", "survey"]


def test_an_answer_behind_a_short_prefix_of_its_sentence_gives_itself_away() -> None:
    assert built_on_answer("transfusion", "Before a ", ", pretransfusion tests are run.") == "pretransfusion"
    assert built_on_answer("species", "Each ", " may hold several subspecies.") == "subspecies"
    assert built_on_answer("portion", "A ", " of the flour is a small proportion.") is None  # 'pro' makes no word
    assert built_on_answer("synaptic vesicles", "Small sacs, called ", ", fuse with the presynaptic membrane.") is None


def test_blanks_that_any_member_of_a_group_fills() -> None:
    def why(before: str, hidden: str, after: str) -> str | None:
        context = before + hidden + after
        return ambiguous_blank(hidden, context, len(before), len(before) + len(hidden))

    assert "class named after it" in (why("While some ", "millers", " and others protested, prices rose.") or "")
    assert "example" in (why("Yeasts vary, such as different strains of ", "Saccharomyces", ".") or "")
    assert why("The bakers and ", "millers", " protested.") is None
    # Lists joined by 'and' alone, or set beside the subject with 'along with'.
    assert list_item("Mills, along with ", " and farms, closed early.")
    assert list_item("Seeds travel with other birds and various ", " and bats.")
    assert not list_item("The bakers and ", " protested.")
    # What a sentence compares with is often its point ('Archaea differ from [bacteria] in ...'): it stays.
    assert compared_blank("rye bread", "The crumb of wheat bread differs markedly from ") is None


def test_a_full_name_with_its_office_after_a_comma_is_a_person_and_no_term() -> None:
    text = (
        "# Grain Supply\n\n"
        "The city bought flour through a **grain board**. To prevent shortages, the mayor appointed "
        "Ada Lindqvist, the Secretary of Supply, to lead the grain board. A **ration card** allowed one loaf a day.\n"
    )
    terms = find_terms(read_document(text, Path("grain.md")))
    assert "ada lindqvist" not in terms.terms
    assert "grain board" in terms.terms and "ration card" in terms.terms
