"""What counts as a key term of a document, the only kind of answer a drafted blank may hide.

A key term is one the text marks, defines, abbreviates or keeps naming. An aside between commas
defines only when it is an appositive: a noun phrase that renames the noun before it ('bauxite, an
ore of aluminium,'). A comma that closes an opening phrase ('In most cases, the fever ...'), separates
the items of a series ('a baker, a plumber, a nurse') or comes before a clause of its own ('Two weeks
later, the bridge collapsed') defines nothing.

Each sentence here is written for the test, in the grammatical shape of a case seen on real prose.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex


def _terms(text: str) -> TermIndex:
    return find_terms(read_document(text, Path("terms.md")))


def _defined(text: str, term: str) -> bool:
    found = _terms(text).get(term)
    return found is not None and "defined" in found.kinds


def test_an_appositive_noun_phrase_defines_the_noun_before_it() -> None:
    text = (
        "Iron is smelted from hematite, a reddish iron oxide mineral, in a blast furnace. "
        "The furnace burns coke to reduce the hematite."
    )
    found = _terms(text).get("hematite")
    assert found is not None and found.definition == "a reddish iron oxide mineral"


def test_a_comma_after_an_opening_phrase_defines_nothing() -> None:
    # The phrase before the comma opens the sentence; what follows is the main clause.
    for text, opening in [
        ("At lower pressures, the water boils well below its usual point.", "lower pressures"),
        ("In most cases, the fever breaks within a week.", "most cases"),
        ("If the rent is low enough, the tenant will stay for years.", "low enough"),
        ("In Portugal, a farmer might not plant wheat at all.", "Portugal"),
        ("By comparison, a town with many shops is called a busy town.", "comparison"),
    ]:
        assert not _defined(text, opening), text


def test_a_clause_after_the_comma_is_no_definition() -> None:
    # 'the bridge collapsed', 'the lender will be wary': a subject with its own verb, not a noun phrase.
    for text, before in [
        ("Two weeks later, the bridge collapsed under the weight of the trucks.", "weeks later"),
        ("When the borrower hides his debts, the lender will be wary of him.", "debts"),
        ("Because the ice melts, the sea level is rising each year.", "ice melts"),
    ]:
        assert not _defined(text, before), text


def test_the_items_of_a_series_do_not_define_one_another() -> None:
    text = (
        "Many towns license a pastry chef, a master plumber, a hearing aid fitter, a dog groomer, "
        "and a taxi driver."
    )
    terms = _terms(text)
    for item in ("pastry chef", "master plumber", "hearing aid fitter", "dog groomer"):
        found = terms.get(item)
        assert found is None or "defined" not in found.kinds, item


def test_a_phrase_the_text_names_with_called_is_a_key_term() -> None:
    text = (
        "When a river floods its banks, the silt it leaves behind builds a flat plain called a levee. "
        "Farmers plant rice on such plains because the soil is rich."
    )
    found = _terms(text).get("levee")
    assert found is not None and "defined" in found.kinds
    assert not _defined(text, "banks")  # the clause after the comma defines nothing


def test_an_appositive_right_after_the_first_word_still_defines() -> None:
    text = "Quinine, the oldest antimalarial drug, comes from the bark of the cinchona tree."
    found = _terms(text).get("quinine")
    assert found is not None and found.definition == "the oldest antimalarial drug"
