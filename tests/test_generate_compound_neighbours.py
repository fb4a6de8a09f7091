"""A word beside a blank that is a verb, an adverb, a preposition or the verb that names the blank is no
half of a compound noun (compound_neighbours.py, used by quality.bad_blank).

Seen on the astronomy, sociology, economics and physics books: 'tiny grains that we call [X]', 'the
predictions of [X] agree with ...', '[X] consist of ...' were refused as 'hides part of the compound'.
The sentences below are made up.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.compound_neighbours import not_noun_after, not_noun_before
from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex

_TEXT = (
    "A **tide pool** is a hollow in the rock that keeps seawater at low tide. "
    "The **splash zone** lies above the highest tide. "
    "**Limpets** cling to rocks in the splash zone. "
    "A **tide pool** warms quickly in the sun."
)


def _terms() -> TermIndex:
    return find_terms(read_document(_TEXT, Path("shore.md")))


def _why(context: str, hidden: str) -> str | None:
    start = context.index(hidden)
    return bad_blank(hidden, context, start, start + len(hidden), _terms())


def test_the_naming_word_before_a_blank_is_no_half_of_a_compound() -> None:
    for context in ("The rock holds small hollows of seawater that we call tide pools.",
                    "Divers call tide pools the nurseries of the shore."):
        hidden = "tide pools" if "tide pools" in context else "tide pool"
        why = _why(context, hidden)
        assert why is None or "compound" not in why, (context, why)
    # A describing word before the blank still makes it half of a name.
    why = _why("A rocky splash zone dries out between the highest tides.", "splash zone")
    assert why is not None and "compound" in why


def test_a_verb_or_adverb_after_a_blank_is_its_predicate_not_a_head_noun() -> None:
    for context in ("Limpets consist of a soft body under a cone-shaped shell.",
                    "Limpets seem to return to the same spot on the rock after feeding.",
                    "The splash zone doesn’t stay wet between tides.",
                    "The splash zone today holds fewer limpets than it did."):
        hidden = "Limpets" if context.startswith("Limpets") else "splash zone"
        why = _why(context, hidden)
        assert why is None or "compound" not in why, (context, why)
    # A noun after the blank is still the head of a compound.
    why = _why("Limpets shells protect the soft body from the sun.", "Limpets")
    assert why is not None and "compound" in why


def test_the_word_lists() -> None:
    assert not_noun_after("consists", " consists of two layers.")
    # A past tense not made with -ed mostly tells a story: left to the compound check.
    assert not not_noun_after("took", " took place at night.")
    assert not_noun_after("isn", " isn't warm.")
    assert not_noun_after("together", " together with the rocks.")
    assert not not_noun_after("shells", " shells protect ...")
    assert not not_noun_after("remains", " remains of the animal")  # a noun as often as a verb
    # A blank that itself ends in such a verb is a clause cut in two.
    assert not not_noun_after("together", " together to form groups", "galaxies came")
    assert not_noun_before("call", "Divers call ")
    assert not_noun_before("find", "In the deep water we find ")
    # 'the term [X] refers to ...' is asked as 'What is the term for ...?' (naming.py), not blanked.
    assert not not_noun_before("term", "They use the term ")
    assert not not_noun_before("rocky", "A rocky ")
    assert not not_noun_before("short", "a very short ")
