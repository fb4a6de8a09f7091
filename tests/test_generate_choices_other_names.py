"""Multiple choice: a wrong choice is never a kind of the answer, nor the answer a kind of it, under any of
the names the text gives either (a bracket, 'also called'), nor by a glossary line that opens 'type of'.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from drafting import drafter as _drafter
from drafting import term

CHEESES = f"""---
title: "Cheeses of the Valley"
---

{term("Aged cheese")} is kept in cool cellars for a year or more before it is sold.
Aged (ripened) cheese has two kinds: {term("mountain cheese")} and {term("cave cheese")}.
{term("Ripened cheese")} loses water slowly while it waits on the wooden shelves.
{term("Fresh cheese")} is eaten within a week of making and keeps a mild taste.
Mountain cheese is pressed into large wheels on the summer farms above the village.
Cave cheese is also called {term("grotto cheese")} by the older farmers.
Grotto cheese takes its blue veins from the damp air of the limestone caves.
{term("Whey cheese")} is a type of fresh cheese made from what is left when the curds form.
{term("Smoked cheese")} hangs above a beech fire for a day and a night.
Fresh cheese and smoked cheese are sold at the Saturday market in the square.

<div data-type="glossary" markdown="1">
### Glossary
{{: data-type="glossary-title"}}

brine cheese
: type of fresh cheese kept in salted water until it is eaten
^

aged cheese
: cheese kept in a cellar for many months
</div>
"""


def _wrong(answer: str) -> list[str]:
    drafter, terms = _drafter(CHEESES)
    return [w.lower() for w in drafter.distractors(terms.get(answer), count=8)]  # type: ignore[attr-defined]


def test_the_class_under_its_other_name_is_no_wrong_choice_for_a_member() -> None:
    # 'Aged (ripened) cheese has two kinds: mountain cheese and ...': ripened cheese holds mountain cheese too.
    wrong = _wrong("mountain cheese")
    assert "ripened cheese" not in wrong, wrong
    assert "aged cheese" not in wrong, wrong
    assert "smoked cheese" in wrong or "fresh cheese" in wrong, wrong


def test_a_member_under_its_other_name_is_no_wrong_choice_for_the_class() -> None:
    # Cave cheese is a kind of aged cheese; grotto cheese is cave cheese by another name.
    wrong = _wrong("ripened cheese")
    assert "grotto cheese" not in wrong, wrong
    assert "cave cheese" not in wrong, wrong


def test_a_glossary_line_that_opens_type_of_names_the_class() -> None:
    # 'brine cheese: type of fresh cheese ...': fresh cheese is right for it as well.
    wrong = _wrong("brine cheese")
    assert "fresh cheese" not in wrong, wrong


def test_a_member_the_text_files_under_another_class_stays_a_wrong_choice() -> None:
    # Aged cheese is a class the text fills, and whey cheese shares its head noun, but the text calls
    # whey cheese a type of fresh cheese: it is no guess at one more aged cheese.
    wrong = _wrong("aged cheese")
    assert "whey cheese" in wrong, wrong
