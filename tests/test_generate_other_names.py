"""A name the text gives in brackets inside another ('Light-driven (photic) reactions') is a second name
of the same thing: offered as a wrong choice beside the other, it is a second right answer."""

from __future__ import annotations

from drafting import drafter, term

from quizmg.generate.bracketed_names import bracketed_names

TEXT = f"""---
title: "Leaf Chemistry"
---

Three families of reactions run in a leaf: synthesis reactions, repair reactions, and photic reactions.
{term("Light-driven (photic) reactions")} are those in which a pigment absorbs a photon and passes on an electron.
{term("Synthesis reactions")} build sugars from carbon dioxide in the stroma of the chloroplast.
{term("Repair reactions")} rebuild the damaged proteins of the thylakoid after strong sun.
{term("Storage reactions")} turn spare sugar into starch grains for the night.
Photic reactions slow down in the shade, while synthesis reactions go on for a while.
Botanists study photic reactions with pulses of laser light in a dark room.
Repair reactions run all night in a leaf that was burnt by the sun the day before.
Storage reactions, synthesis reactions, and repair reactions all need enzymes of the stroma.
"""


def test_a_word_in_brackets_names_the_thing_a_second_time() -> None:
    assert ("light-driven reactions", "photic reactions") in bracketed_names(
        "light-driven (photic) reactions are fast")
    assert ("carbonate", "CO3") in bracketed_names("a carbonate (CO3) ion")


def test_the_other_name_in_brackets_is_never_a_wrong_choice() -> None:
    draft, terms = drafter(TEXT, "leaf.md")
    for answer_name, other_name in (("photic reactions", "light-driven"), ("light-driven reactions", "photic")):
        answer = terms.get(answer_name)  # type: ignore[attr-defined]
        assert answer is not None
        wrong = draft.distractors(answer, count=5)
        assert "repair reactions" in wrong, wrong  # the other reactions still make wrong choices
        assert not any(other_name in choice.lower() for choice in wrong), wrong
    # Nor are the two names wrong choices side by side: one would rule the other out.
    wrong = draft.distractors(terms.get("synthesis reactions"), count=5)  # type: ignore[attr-defined]
    assert "repair reactions" in wrong, wrong
    assert not ({"photic reactions", "light-driven reactions"} <= set(wrong)), wrong
