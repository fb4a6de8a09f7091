"""Glosses: a marked term's meaning given in the same breath ('**vertigo** (a sense of spinning)') is a
definition a teacher asks for, with the same checks as any other; a bracket or a comma that holds
something else (a citation, another name, a scene) is not."""

from __future__ import annotations

import re
from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.short_answers import term_prompt
from quizmg.generate.term_finding import find_terms
from quizmg.model import Short

TERM = '{: data-type="term"}'

GLOSSED = f"""# The inner ear and money

Ménière's disease brings on attacks of **vertigo**{TERM} (a sense of spinning), ringing in the ears and a loss
of hearing that comes and goes.

A firm that sells abroad can **hedge**{TERM}, which means using a financial transaction to protect itself against
a risk from one of its investments (in this case, currency risk).

Some small economies decided to **dollarize**{TERM}—that is, to use the U.S. dollar as their own currency. In
winter some bats **hibernate**{TERM}—that is, to pass the cold months in a deep sleep with a slow heart.

People raised in an **individualistic culture**{TERM}, that is, a culture that focuses on individual achievement
and autonomy, explain behaviour by traits more often.

The ossicles are the **malleus**{TERM} (or hammer), the incus and the stapes.

Stress management through the **relaxation response**{TERM} (Greenberg, 2006) lowers blood pressure.

In **positive reinforcement**{TERM}, a desirable stimulus is added to increase a behaviour.

The hot water later produced **immunosuppression**{TERM} (a conditioned response) in the rats.

Heat breaks the **hydrogen bonds**{TERM} and **ionic bonds**{TERM} (and, where there are any, the disulfide bridges) of
a folded chain. Days before the fever come the **prodromal signs**{TERM} (fatigue, headache, irritability, and poor
sleep) that a nurse learns to spot.

Two moulds, **Penicillium roqueforti**{TERM} (found in blue cheese) and **Penicillium camemberti**{TERM} (grown on
soft cheese rinds), ripen cheese.
"""


def _glosses(text: str) -> dict[str, str]:
    terms = find_terms(read_document(text, Path("ear.md")))
    return {t.text: t.definition or "" for t in terms.terms.values() if t.definition_source == "gloss"}


def test_a_marked_terms_gloss_is_read_as_its_definition() -> None:
    glosses = _glosses(GLOSSED)
    assert glosses["vertigo"] == "a sense of spinning"
    assert glosses["hedge"] == (
        "using a financial transaction to protect itself against a risk from one of its investments"
    )
    assert glosses["dollarize"] == "to use the U.S. dollar as their own currency"
    assert glosses["hibernate"] == "to pass the cold months in a deep sleep with a slow heart"
    assert glosses["individualistic culture"] == "a culture that focuses on individual achievement and autonomy"


def test_a_bracket_or_comma_that_holds_no_meaning_is_no_gloss() -> None:
    glosses = _glosses(GLOSSED)
    # Another name, a citation, a scene opened by 'In X,', and a class too wide to pick the term out.
    # A bracket that adds to the sentence ('and, where there are any, ...') or lists the term's members.
    for term in (
        "malleus", "relaxation response", "positive reinforcement", "immunosuppression", "ionic bonds",
        "prodromal signs",
        # a participle and its preposition: where the term is found, no thing it names ('a found in blue cheese')
        "Penicillium roqueforti", "Penicillium camemberti",
    ):
        assert term not in glosses, (term, glosses.get(term))


def test_an_unmarked_words_bracket_is_no_gloss() -> None:
    text = GLOSSED.replace(f"**vertigo**{TERM}", "vertigo")
    assert "vertigo" not in _glosses(text)


def test_glosses_become_recall_questions() -> None:
    draft = draft_deck(GLOSSED, Path("ear.md"), max_questions=40)
    asked = {q.prompt: q.answer for q in draft.deck.questions if isinstance(q, Short)}
    assert asked.get("What is the term for a sense of spinning?") == "vertigo", asked
    assert asked.get("Which verb means to pass the cold months in a deep sleep with a slow heart?") == "hibernate"
    # The same checks as any definition: one that shows the term's telling word gives it away.
    assert "dollarize" not in asked.values() and "individualistic culture" not in asked.values(), asked
    assert not any(answer in {"malleus", "relaxation response", "positive reinforcement"}
                   for answer in asked.values()), asked


def test_a_plural_gloss_with_not_in_it_takes_no_article() -> None:
    # '**xenobiotics** (substances not naturally produced or found in living organisms)': 'not' opens the
    # clause after the noun, so the plural 'substances' is the head and takes no 'a'.
    assert term_prompt("substances not naturally produced or found in living organisms") == (
        "What is the term for substances not naturally produced or found in living organisms?"
    )


ALIASES = f"""# Skin and blood

A fungus of the feet, **tinea pedis**{TERM} (commonly known as athlete's foot), spreads in damp changing rooms.

The nurse wraps a **sphygmomanometer**{TERM} (usually called a blood pressure cuff) around the upper arm.

Patients with **chronic low mood**{TERM} (previously known as a mild form of melancholy) feel sad on most days.

A **neonatal jaundice**{TERM} (sometimes referred to as yellow baby syndrome) fades within two weeks.

An old name for a cough, **pertussis**{TERM} (once termed the hundred-day cough), still helps in the clinic.
"""


def test_a_bracket_that_gives_another_name_is_no_gloss() -> None:
    # 'known as', 'called', 'referred to as', 'termed' after a word of when or how often: a second name for the
    # term, not its meaning. Read as a gloss it drafted 'What is the term for a commonly known as ...?'.
    glosses = _glosses(ALIASES)
    for term in ("tinea pedis", "sphygmomanometer", "chronic low mood", "neonatal jaundice", "pertussis"):
        assert term not in glosses, (term, glosses.get(term))
    draft = draft_deck(ALIASES, Path("skin.md"), max_questions=40, keep_all=True)
    prompts = [q.prompt for q in draft.deck.questions if isinstance(q, Short)]
    assert not any(re.search(r"term for an? (?:\w+ly |once )", prompt) for prompt in prompts), prompts

