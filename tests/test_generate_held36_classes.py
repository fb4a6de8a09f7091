"""Classes of poor drafts from the review of held-out set 36, fixed at their class: two glossary terms with one
definition, and a singular noun in -s read as a plural ('The pancreas release ...'). Every sentence is written for
the test."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.draft import draft_deck
from quizmg.generate.mechanism_links import agree
from quizmg.generate.words import is_plural_phrase


def test_a_definition_two_terms_share_asks_neither() -> None:
    text = (
        "# Grains\n\n"
        "Wheat and rye are grown across the plains. Millers grind both into flour for bread.\n\n"
        "## Glossary\n\n"
        "spelt\n: kind of ancient wheat grown in Europe; its husk clings to the grain\n\n"
        "emmer\n: kind of ancient wheat grown in Europe; its grains are long\n\n"
        "rye\n: a cereal grass grown for its grain in cold climates\n"
    )
    prompts = [q.prompt_text() for q in draft_deck(text, Path("grains.md"), keep_all=True).deck.questions]
    assert not any("ancient wheat" in prompt for prompt in prompts)  # spelt or emmer: either answers it
    assert any("cereal grass" in prompt for prompt in prompts)


def test_a_word_whose_s_is_no_plural_takes_a_singular_verb() -> None:
    for word in ("pancreas", "diabetes", "measles", "the pancreas"):
        assert not is_plural_phrase(word), word
    for word in ("areas", "ideas", "ovaries", "testes", "osteoclasts", "islets of the pancreas", "wolves", "knives",
                 "indices", "crises"):
        assert is_plural_phrase(word), word
    assert agree("release glucagon", "the pancreas") == "releases glucagon"
