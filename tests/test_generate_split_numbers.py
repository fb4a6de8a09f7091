"""Numbers and formula lists the source breaks across lines are read whole.

A chemistry textbook's Markdown sets a times sign in MathML at the end of a line and the power of ten
on a line of its own, a space in, after a blank line; a list of ion formulas runs the same way, one
formula a line; and a glossary's definition goes on, indented, under its ': ' line. The texts are
written for these tests in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.clean import clean_text
from quizmg.generate.document import read_document

TIMES = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mo>×</mo></math>'


def ion(symbol: str, charge: str, after: str = ",") -> str:
    return (f'<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><msup><mtext>{symbol}</mtext>'
            f"<mtext>{charge}</mtext></msup><mo>{after}</mo></mrow></math>")


SPLIT = f"""---
title: "Tiny Numbers"
---

A drop of brine holds about 3.2 {TIMES}

 10<sup>20</sup> sodium ions at room temperature. Halides such as {ion("Cl", "−")}

 {ion("Br", "−")}

 and {ion("I", "−", ")")}

 pair with metal ions in salts, and the same ions appear in every sea. A closing sum is {ion("X", "+", ".")}

 The next sentence starts a thought of its own.
"""


def test_a_power_of_ten_on_its_own_line_stays_with_its_number() -> None:
    texts = [s.text for s in read_document(SPLIT, "tiny.md").sentences]
    assert "A drop of brine holds about 3.2 × 10²⁰ sodium ions at room temperature." in texts
    assert not any(text.rstrip().endswith("×") for text in texts)
    assert not any(text.startswith("10²⁰") for text in texts)


def test_a_list_of_formulas_over_several_lines_is_one_sentence() -> None:
    texts = [s.text for s in read_document(SPLIT, "tiny.md").sentences]
    assert any(text.startswith("Halides such as Cl⁻, Br⁻, and I⁻") and text.endswith("in every sea.")
               for text in texts)


def test_a_sentence_after_a_formula_that_ends_one_keeps_its_own_line() -> None:
    sentences = read_document(SPLIT, "tiny.md").sentences
    own = next(s for s in sentences if s.text.startswith("The next sentence"))
    assert own.line == 15  # where the teacher finds it, not the formula's line


def test_an_equation_alone_on_its_line_is_not_joined_to_the_prose_after_it() -> None:
    text = f"{ion('Y', '+', '')}\n\n The prose after an equation is a paragraph of its own."
    lines = clean_text(text).text.split("\n")
    assert lines[0] == "Y⁺" and lines[2].strip().startswith("The prose after")


GLOSSARY = f"""<div data-type="glossary" markdown="1">
### Glossary

counting constant
: how many particles make up one counting unit of a substance, equal to 4.1
  {TIMES}

  10<sup>12</sup> per unit
^

</div>
"""


def test_a_glossary_definition_indented_over_lines_is_read_whole() -> None:
    glossary = clean_text(GLOSSARY).glossary
    assert glossary["counting constant"] == ("how many particles make up one counting unit of a substance, "
                                             "equal to 4.1 × 10¹² per unit")


def test_a_power_of_ten_whose_minus_is_an_en_dash_keeps_its_sign() -> None:
    text = ("A flash this short lasts about 10<sup>–20</sup> second, and the ion Q<sup>–</sup> pairs with"
            " R<sup>2–</sup> in the model.")
    sentence = read_document(text, "flash.md").sentences[0].text
    assert "10⁻²⁰ second" in sentence  # not '10–20', which reads as a range from ten to twenty
    assert "Q⁻ pairs with R²⁻" in sentence


def symbol(letter: str) -> str:
    return f'<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>{letter}</mi></mrow></semantics></math>'


# Each symbol of the definition set on its own indented line, with whitespace-only lines between, as the
# physics book's Markdown does.
GAP = "  "
SYMBOLS = f"""<div data-type="glossary" markdown="1">
### Glossary

pull of the tide
: the force
  {symbol("T")}
{GAP}
  the Moon exerts on a body of water of mass
  {symbol("m")}
{GAP}
  ; it rises with the Moon's nearness
{{: #entry-one}}

</div>
"""


def test_a_glossary_definition_keeps_the_symbols_set_on_lines_of_their_own() -> None:
    # A symbol joined to its line emptied the line after it, which once ended the definition at '... of mass'.
    definition = clean_text(SYMBOLS).glossary["pull of the tide"]
    assert definition.startswith("the force T the Moon exerts on a body of water of mass m;"), definition
    assert definition.endswith("rises with the Moon's nearness")
