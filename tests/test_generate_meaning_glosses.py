"""'What is meant by X?' is answered by X's gloss only where the gloss says what X is: not an example
('e.g. a bee sting'), a comparison ('a milder illness than ...') or a graded role ('an important vitamin in
dairy foods', 'the main vitamin in milk')."""

from __future__ import annotations

from quizmg.generate.definition_checks import says_no_meaning
from quizmg.generate.draft import draft_deck

ASTHMA = "Air pollution worsens **asthma**, a disease in which the airways narrow and swell.\n"


def _meant(line: str) -> dict[str, str]:
    deck = draft_deck(f"# Food and air\n\n{line}\n{ASTHMA}", "notes.md", keep_all=True).deck
    return {q.prompt_text(): q.answer_text() for q in deck.questions if q.prompt_text().startswith("What is meant")}


def test_a_graded_role_is_no_meaning_to_ask() -> None:
    for line in ("Sulfur dioxide degrades **riboflavin**, an important vitamin in dairy foods.",
                 "Ultraviolet light breaks down **riboflavin**, the main vitamin in milk."):
        asked = _meant(line)
        assert "What is meant by riboflavin?" not in asked, asked
        assert asked["What is meant by asthma?"] == "A disease in which the airways narrow and swell."


def test_examples_and_comparisons_say_no_meaning() -> None:
    assert says_no_meaning("e.g. a bee sting or a peanut")
    assert says_no_meaning("for example, a bee sting")
    assert says_no_meaning("a milder illness than measles")
    assert says_no_meaning("a larger bone than the radius")
    assert says_no_meaning("an important vitamin in dairy foods")
    assert not says_no_meaning("a disease in which the airways narrow and swell")
    assert not says_no_meaning("the primary structure of a protein")  # 'primary' names a kind here
    assert not says_no_meaning("the capacity of a surface to resist breaking")
