"""`quizmg generate` on formulas written in MathML the way a physics textbook's Markdown source writes them.

Each formula carries a second encoding for another editor (a StarMath annotation) that is never displayed,
fractions, scripts on both sides, and display equations set between paragraphs. The texts are written for
these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.clean import clean_text
from quizmg.generate.definition_checks import askable_definition
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.mathml import formula_text, without_annotations
from quizmg.generate.terms import simplify
from quizmg.model import Cloze, Short


def _formula(body: str, note: str = "") -> str:
    annotation = f'<annotation encoding="StarMath 5.0"> {note} </annotation>' if note else ""
    return (f'<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>{body}</mrow>{annotation}'
            "</semantics></math>")


HALF = "<mfrac><mn>1</mn><mn>2</mn></mfrac>"
RHO_V_SQUARED = "<mi>ρ</mi><msup><mi>v</mi><mn>2</mn></msup>"


def test_a_formula_reads_as_it_is_shown_and_its_annotation_never_reaches_the_text() -> None:
    formula = _formula(HALF + RHO_V_SQUARED, "size 12{ { {1} over {2} } ρv rSup { size 8{2} } } {}")
    line = f"So {formula} is the kinetic energy carried by each unit volume of the moving fluid."
    text = clean_text(line).text
    assert text == "So 1/2ρv² is the kinetic energy carried by each unit volume of the moving fluid."
    assert "size" not in text and "{" not in text


def test_a_fraction_brackets_a_part_made_of_several_terms() -> None:
    power = _formula("<mi>P</mi><mo>=</mo><mfrac><msup><mi>V</mi><mn>2</mn></msup><mi>R</mi></mfrac>")
    assert formula_text(power) == "P=V²/R"
    mean = _formula("<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>")
    assert formula_text(mean) == "(a+b)/2"


def test_scripts_on_both_sides_roots_and_decorated_symbols_read_as_text() -> None:
    speed = _formula("<msubsup><mi>v</mi><mn>1</mn><mn>2</mn></msubsup>")
    assert formula_text(speed) == "v₁²"
    root = _formula("<msqrt><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></msqrt>")
    assert formula_text(root) == "√(x+1)"
    vector = _formula("<mover><mi>F</mi><mo>→</mo></mover><mo>=</mo><mi>m</mi><mover><mi>a</mi><mo>→</mo></mover>")
    assert formula_text(vector) == "F=ma"
    nuclide = _formula("<msubsup><mrow /><mn>6</mn><mn>14</mn></msubsup><mtext>C</mtext>")
    assert formula_text(nuclide) == "¹⁴C"


def test_a_formula_that_is_not_well_formed_is_read_without_its_tags() -> None:
    assert formula_text("<math><mi>x</mi><mo>=</mo><mn>3</mi></math>") == "x=3"


def test_a_display_equation_between_paragraphs_is_never_a_sentence() -> None:
    source = "\n".join([
        "In a level pipe the sum of pressure and moving energy per volume stays the same along a stream.",
        "",
        '<div data-type="equation" id="eq-1">',
        _formula("<msub><mi>P</mi><mn>1</mn></msub><mo>+</mo>" + HALF + RHO_V_SQUARED
                 + "<mo>=</mo><mtext>constant</mtext>", "size 12{P rSub { size 8{1} } } {}"),
        "</div>",
        "",
        "A faster stream therefore pushes less on the walls of the pipe around it.",
    ])
    texts = [sentence.text for sentence in read_document(source, "pipes.md").sentences]
    assert texts == ["In a level pipe the sum of pressure and moving energy per volume stays the same along a stream.",
                     "A faster stream therefore pushes less on the walls of the pipe around it."]


def test_a_sentence_broken_after_an_emphasised_formula_is_joined_without_stray_stars() -> None:
    # The source opens a bold before a formula, breaks the line after it, and closes (or forgets to close)
    # the bold at the start of the next line.
    for closing in ("**", ""):
        source = "\n".join([
            f"The mass in the energy term is replaced by **{_formula('<mi>ρ</mi>', 'size 12{ρ} {}')}",
            "",
            f"{closing}. Each term then has the units of energy per volume.",
        ])
        texts = [sentence.text for sentence in read_document(source, "terms.md").sentences]
        assert texts[0] == "The mass in the energy term is replaced by ρ.", closing
        assert not any("*" in text for text in texts)


def test_stars_markdown_found_no_partner_for_never_reach_a_sentence() -> None:
    texts = [sentence.text for sentence in read_document(
        "Polls reach more people than other methods*.* A poll asks 2 * 3 questions.", "polls.md").sentences]
    assert texts == ["Polls reach more people than other methods.", "A poll asks 2 * 3 questions."]


def test_a_glossary_line_that_opens_with_a_symbol_in_brackets_is_defined_by_what_follows() -> None:
    glossary = "\n".join([
        "## Glossary",
        "",
        "beta ray",
        ": (",
        "  " + _formula("<mi>β</mi>", "size 12{b} {}"),
        "  ",
        "  ray); a fast electron sent out by an unstable nucleus as it decays",
    ])
    prose = ("A beta ray is a fast electron from a decaying nucleus, and a beta ray passes through paper "
             "but is stopped by a thin sheet of aluminium.")
    draft = draft_deck(prose + "\n\n" + glossary, "rays.md", max_questions=20)
    prompts = [question.prompt for question in draft.deck.questions if isinstance(question, Short)]
    assert any("a fast electron sent out by an unstable nucleus" in prompt for prompt in prompts), prompts


def test_a_definition_with_no_words_is_not_asked_and_does_not_stop_the_draft() -> None:
    assert not askable_definition("gamma ray", "")
    assert not askable_definition("gamma ray", "   ")


def test_a_formula_written_out_in_plain_starmath_is_left_out_of_the_sentence() -> None:
    # A caption converted without its tags keeps each formula twice: as shown, then as StarMath.
    line = ("The push P size 12{P} {} and the drag Fd size 12{F rSub { size 8{\"d\"} } } {} act on the cart, "
            "and the set {1, 2} stays.")
    assert clean_text(line).text == "The push P and the drag Fd act on the cart, and the set {1, 2} stays."


def test_a_formula_s_symbol_is_never_a_term_or_a_blank_unless_the_text_spells_it_out() -> None:
    work = _formula("<mi>PW</mi>")
    photon = _formula("<mi>h</mi><mi>f</mi>")
    source = "\n".join([
        "# Light and Gases",
        "",
        f"In a sealed jar the product {work} has the units of energy, and {work} grows as the jar warms.",
        "",
        f"Each photon carries an energy {photon}, and {photon} rises with the frequency of the light.",
        "",
        "The potential energy (PE) of a raised block grows with its height, and PE is stored in the field.",
        "",
        "## Glossary",
        "",
        photon,
        ": the energy of one photon of light of a given frequency",
    ])
    draft = draft_deck(source, "light.md", max_questions=50, keep_all=True)
    answers: set[str] = set()
    for question in draft.deck.questions:
        if isinstance(question, Cloze):
            answers |= {word for words in question.deletions().values() for word in words}
        elif isinstance(question, Short):
            answers.add(question.answer)
    assert answers and not answers & {"PW", "hf"}, answers
    assert draft.terms.get("PE") is not None  # an acronym the text spells out stays a term


def test_annotations_are_taken_out_of_the_text_before_anything_reads_it() -> None:
    # The line-joining that follows reads the text with its annotations gone; the pattern once matched none.
    formula = _formula("<mi>x</mi>", "size 12{x} {}")
    content = '<math><annotation-xml encoding="MathML-Content"><ci>y</ci></annotation-xml></math>'
    text = f"The shift {formula} grows.\n{content}"
    cleaned = without_annotations(text)
    assert "size 12" not in cleaned and "<ci>" not in cleaned and cleaned.count("\n") == 1


def test_a_set_space_between_a_number_and_its_unit_is_kept() -> None:
    # Without it the learner reads '410nm' and 'from 20to90km'; a thin space inside a chemical equation stays shut.
    length = _formula('<mtext>410</mtext><mspace width="0.25em" /><mtext>nm</mtext>')
    assert formula_text(length) == "410 nm"
    span = _formula('<mtext>20</mtext><mspace width="0.25em" /><mtext>to</mtext><mspace width="0.5em" />'
                    "<mtext>90</mtext><mspace width=\"0.25em\" /><mtext>km</mtext>")
    assert formula_text(span) == "20 to 90 km"
    tight = _formula('<mn>2</mn><mspace width="0.2em" /><msub><mtext>H</mtext><mn>2</mn></msub>')
    assert formula_text(tight) == "2H₂"
    # Beside a function's name the space goes, as before: split, 'qvB sin' read as a word of its own.
    force = _formula('<mi>F</mi><mo>=</mo><mi>qvB</mi><mspace width="0.25em" /><mi>sin</mi>'
                     '<mspace width="0.25em" /><mi>θ</mi>')
    assert formula_text(force) == "F=qvBsinθ"


def test_a_bracketed_quantity_divided_by_a_number_is_no_aside() -> None:
    # '(410 nm)/1.5' lost its bracket as an aside and the sentence read 'is/1.5'.
    ratio = _formula('<mo>(</mo><mtext>410</mtext><mspace width="0.25em" /><mtext>nm</mtext><mo>)</mo>'
                     "<mtext>/1</mtext><mtext>.</mtext><mtext>5</mtext>")
    document = read_document(f"# Light in glass\n\nIn a glass block the wavelength of red light becomes {ratio}, "
                             "which is shorter than in air.\n", Path("glass.md"))
    assert "becomes (410 nm)/1.5, which" in simplify(document.sentences[0].text)
    assert simplify("The wavelength shrinks (a small effect) in glass.") == "The wavelength shrinks in glass."


def test_a_set_space_inside_a_script_only_aligns_it() -> None:
    # A positron's charge and mass numbers: a space set before the 0 broke the whole symbol apart.
    positron = _formula('<msubsup><mrow /><mn>+1</mn><mrow><mspace width="0.5em" /><mn>0</mn></mrow></msubsup>'
                        "<mtext>e</mtext>")
    assert formula_text(positron) == "⁰e"
