"""A glossary line written around a symbol or a formula is asked by its words; a line that is only a formula,
or a word's origin, is not asked as a definition.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.draft import draft_deck
from quizmg.generate.formula_definitions import defining_text, without_symbol
from quizmg.generate.term_finding import _main_part
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_a_symbol_before_the_definition_is_left_out() -> None:
    assert defining_text("W, the work a pump does on each litre") == "the work a pump does on each litre"
    assert defining_text("Rk, found to grow with the length of the wire") == "found to grow with the length of the wire"
    assert defining_text("Δp₀. the push measured at the bottom") == "the push measured at the bottom"
    # A word, or a list of names, is no symbol.
    assert defining_text("salt, the common seasoning") == "salt, the common seasoning"
    assert defining_text("CPU, RAM, and a disk") == "CPU, RAM, and a disk"
    assert defining_text("E. coli, a gut bacterium") == "E. coli, a gut bacterium"


def test_the_phrase_before_a_formula_is_the_definition() -> None:
    assert defining_text("the rate at which water leaves a tank, R = V/t") == "the rate at which water leaves a tank"
    assert defining_text("the push of a spring, given by: F=kx") == "the push of a spring"
    assert defining_text("a unit of pull, with 1 P = 2 N") == "a unit of pull"
    assert defining_text("the pull of a magnet on a wire, calculated with F=BIL where B") == \
        "the pull of a magnet on a wire"
    assert defining_text("a ratio of two lengths and given as M=a/b") == "a ratio of two lengths"
    assert defining_text("the unit of hum which is defined to be 1 Hm=2 Bz") == "the unit of hum"
    assert defining_text("the time a clock at rest shows:") == "the time a clock at rest shows"
    # Inside a phrase, with nothing that introduces it, a formula is part of what the phrase says.
    assert defining_text("the speed of a cart at t = 0 s") == "the speed of a cart at t = 0 s"
    assert defining_text("stock of goods × turnover = yearly sales") == "stock of goods × turnover = yearly sales"


def test_a_formula_alone_or_a_cut_phrase_defines_nothing() -> None:
    assert defining_text("Fp=4πkv, where") is None
    assert defining_text("defined as H=q/m where") is None
    assert defining_text("calculated by Ek=1/2mv²") is None
    assert defining_text("the growth in width, per unit width, per") is None
    assert defining_text("the load on a beam divided by the width of") is None
    # A relative clause may end on its preposition.
    assert defining_text("tools that a carpenter cannot work without") == "tools that a carpenter cannot work without"


def test_glossary_questions_read_without_symbols_and_formulas() -> None:
    shorts = _shorts(
        "# Pumps\n\nA pump lifts water. The lift rate of a pump and its pump law matter to farmers. "
        "Farmers compare the lift rate of each pump, and the pump law tells them how.\n\n"
        "### Glossary\n\n"
        "lift rate\n: Lr, the volume of water a pump raises in each minute\n\n"
        "pump law\n: Pw=ρgh, where\n"
    )
    assert shorts.get("What is the term for the volume of water a pump raises in each minute?") == "lift rate", shorts
    assert not any("=" in prompt or "Lr" in prompt for prompt in shorts), shorts


def test_a_words_origin_is_not_its_definition() -> None:
    assert _main_part("(plural: lacūs) Latin for “lake;” the name given to small dark plains on a moon") == \
        "the name given to small dark plains on a moon"
    # A line with no other part keeps what it has.
    assert _main_part("Greek for shining light") == "Greek for shining light"


def test_the_symbol_after_a_quantity_is_not_part_of_its_name() -> None:
    symbols = {"Pout", "k", "A", "II"}
    assert without_symbol("useful power Pout", symbols) == "useful power"
    assert without_symbol("stiffness constant k", symbols) == "stiffness constant"
    # A capital or a Roman numeral names a member ('vitamin A', 'photosystem II'), not a quantity.
    assert without_symbol("vitamin A", symbols) == "vitamin A"
    assert without_symbol("photosystem II", symbols) == "photosystem II"
    assert without_symbol("Pout", symbols) == "Pout"


def test_a_summary_line_with_a_symbol_never_asks_for_the_symbol() -> None:
    power = ('<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msub><mi>P</mi><mrow>'
             "<mtext>out</mtext></mrow></msub></mrow></semantics></math>")
    text = ("# Engines\n\nA motor turns stored energy into motion, and some of that energy always ends up as heat in "
            "its windings.\n\n## Summary\n\n* The useful power\n  " + power + "\n\n  is the rate at which a motor "
            "does work on its load.\n* A motor that runs hot wastes part of what it draws.\n")
    draft = draft_deck(text, Path("motors.md"), keep_all=True, max_questions=200)
    answers = [q.answer for q in bank_from_deck(draft.deck).questions if hasattr(q, "answer")]
    assert not any("Pout" in str(answer) for answer in answers)


def test_a_glossary_line_opening_on_or_is_read_after_it() -> None:
    # 'What is the term for an or the ...?' was asked from such a line.
    assert _main_part("or the share of each extra dollar that goes to the state") == \
        "the share of each extra dollar that goes to the state"
    assert _main_part("or else a loss") == "or else a loss"
