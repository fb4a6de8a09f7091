"""A box or an exercise block whose closing tag is missing ends at the next heading as high as its own.

A textbook exported in pieces is often cut short inside its last box (an exercise list, a glossary),
and a teacher who puts several chapters into one file then has that open box swallowing every chapter
after it. Each text here is written for the test, shaped like an open textbook's Markdown source.
"""

from __future__ import annotations

from quizmg.generate.clean import clean_text
from quizmg.generate.draft import draft_deck

CHAPTER_ONE = """# Chapter 1

### Ionic Lattices

A crystal of table salt is held together by **ionic bonds**{: data-type="term"} between sodium and chloride ions.

### End of Chapter Exercises

<div data-type="exercise">
<div data-type="problem" markdown="1">
Explain why salt dissolves in water but not in oil.

</div>
</div>

<div data-type="glossary" markdown="1">
"""

CHAPTER_TWO = """# Chapter 2

### Metallic Solids

The electrons of a metal move freely through a **sea of electrons**{: data-type="term"} around fixed cations.
A metal conducts electricity because these electrons carry charge from one end of a wire to the other.
"""


def test_an_unclosed_glossary_div_does_not_swallow_the_next_chapter() -> None:
    text = clean_text(CHAPTER_ONE + "\n" + CHAPTER_TWO).text
    assert "sea of electrons" in text
    assert "conducts electricity" in text
    assert "Explain why salt dissolves" not in text  # the exercise itself is still left out

    draft = draft_deck(CHAPTER_ONE + "\n" + CHAPTER_TWO, "two-chapters.md")
    assert any("these electrons carry charge" in sentence.text for sentence in draft.document.sentences)


def test_a_heading_deeper_than_the_box_does_not_end_it() -> None:
    # A worked example with a sub-heading of its own stays left out up to its closing tag.
    text = """### Reaction Rates

The **rate constant**{: data-type="term"} links the rate of a reaction to the concentrations of its reactants.

<div data-type="example" markdown="1">
#### Worked example: a rate from two measurements

Divide the change in concentration by the time it took.

</div>

A catalyst raises the rate of a reaction without being used up.
"""
    cleaned = clean_text(text).text
    assert "Divide the change in concentration" not in cleaned
    assert "A catalyst raises the rate" in cleaned


def test_an_unclosed_note_box_ends_at_the_next_section_heading() -> None:
    text = """## Gases

### Pressure

<div data-type="note" markdown="1">
A diver feels the pressure of the water grow with every metre of depth.

### Temperature

Temperature measures the average kinetic energy of the particles of a gas.
"""
    cleaned = clean_text(text)
    lines = text.splitlines()
    diver = next(number for number, line in enumerate(lines, 1) if line.startswith("A diver"))
    kinetic = next(number for number, line in enumerate(lines, 1) if line.startswith("Temperature measures"))
    assert diver in cleaned.box_lines
    assert kinetic not in cleaned.box_lines
