"""Where a blank stands in its sentence: on the term the sentence names or defines, or on a term it uses."""

from __future__ import annotations

import sys
from pathlib import Path

from quizmg.generate.defining_blanks import blank_shape, defining_blank

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from blank_shapes import filled, table
from score_review import Shown


def _shape(sentence: str, answer: str) -> str:
    start = sentence.index(answer)
    return blank_shape(sentence, start, start + len(answer))


def test_a_verb_of_naming_or_a_definition_of_the_subject_makes_a_defining_blank() -> None:
    assert _shape("A tapeworm causes a serious infection known as hydatid disease.", "hydatid disease") == "naming"
    assert _shape("The innermost layer is a delicate membrane called the pia mater.", "pia mater") == "naming"
    assert _shape("Reliability refers to the ability to consistently produce a given result.",
                  "Reliability") == "definition"
    assert _shape("The bond yield is the rate of return that a bond promises to pay.", "bond yield") == "definition"
    assert _shape("A demand curve is a graph that shows the quantity bought at each price.",
                  "demand curve") == "definition"
    assert _shape("Charles's law states that the volume of a gas grows with its temperature.",
                  "Charles's law") == "definition"
    assert _shape("An isotope (Is) is one of two or more forms of an element.", "isotope") == "definition"
    # A gloss right after the blank, wherever it stands.
    assert _shape("The toll is a sliding charge, which means that heavy trucks pay more.", "sliding charge") == (
        "definition")
    assert _shape("Such ions are monatomic, that is, made of single atoms.", "monatomic") == "definition"


def test_a_term_used_or_named_in_passing_makes_no_defining_blank() -> None:
    assert _shape("Diagnosis of infectious arthritis requires a sample of joint fluid.",
                  "infectious arthritis") == "inside"
    assert _shape("Tapeworms use their scolex to attach to the intestinal wall.", "Tapeworms") == "subject"
    for sentence, answer in [
        ("The meter reads +0.46 V, this is called the cell potential.", "cell potential"),
        ("We then find ourselves in what Keynes termed a recessionary gap.", "recessionary gap"),
        ("Sulfur dioxide is a gas at room temperature.", "Sulfur dioxide"),
        ("Heart disease is one such condition.", "Heart disease"),
        ("Electron spin is a different kind of property.", "Electron spin"),
        ("Endomorphs are the opposite of ectomorphs.", "Endomorphs"),
    ]:
        start = sentence.index(answer)
        assert not defining_blank(sentence, start, start + len(answer)), sentence


def test_a_reviewed_fill_in_is_put_back_together_and_counted_by_shape() -> None:
    cloze = Shown("a.md", 1, "cloze", "Fog is common. A wind from the sea is called a [...].", "sea breeze")
    text, start, end = filled(cloze) or ("", 0, 0)
    assert (text, text[start:end]) == ("A wind from the sea is called a sea breeze.", "sea breeze")
    choice = Shown("a.md", 2, "mcq", "Which completes the sentence? “_____ refers to the skill of tact.”",
                   "*Diplomacy | Tone | Pitch")
    assert blank_shape(*(filled(choice) or ("", 0, 0))) == "definition"
    assert filled(Shown("a.md", 3, "short", "What does CF stand for?", "cystic fibrosis")) is None
    lines = table([("s1", "naming", True, cloze), ("s1", "inside", False, choice), ("s2", "inside", True, choice)])
    assert lines[-1].split()[:5] == ["all", "1/1", "100%", "0/0", "0/0"]
    assert "1/2" in lines[-1] and "50%" in lines[-1]
