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

from quizmg.generate.content import not_content
from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex, simplify


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


def _why(text: str, hidden: str, sentence: int = 0) -> str | None:
    """Why hiding `hidden` in the document's given sentence makes a poor blank (None when fine)."""
    document = read_document(text, Path("story.md"))
    terms = find_terms(document)
    context = simplify(document.sentences[sentence].text)
    start = context.index(hidden)
    return bad_blank(hidden, context, start, start + len(hidden), terms)


_STORY = (
    "In March 1962, Amara Okonkwo bought an old cello from a dealer in Lisbon. "
    "Two winters later, the cello split along its back. "
    "Okonkwo took it to a second dealer, who found that the crack had been hidden under a shellac varnish. "
    "Luthiers often coat a repaired crack with a shellac varnish because the varnish sets quickly. "
    "A **soundpost**{: data-type=\"term\"} carries the pressure of the strings to the back of the instrument. "
    "In 1711, a Cremona workshop first fitted a soundpost into a cello of this shape."
)


def test_what_a_dated_story_names_is_no_answer() -> None:
    # A particular past event, pinned to a date or to a person the text names: an anecdote.
    why = _why(_STORY, "shellac varnish", sentence=2)
    assert why is not None and "story" in why
    # The same phrase in a general statement of the subject (present tense) is a fair blank.
    assert _why(_STORY, "shellac varnish", sentence=3) is None


def test_a_key_term_the_text_marks_may_be_asked_in_a_story() -> None:
    assert _why(_STORY, "soundpost", sentence=5) is None


def test_a_thought_experiment_addressed_to_the_reader_names_no_answer() -> None:
    text = (
        "Suppose a jacket costs forty dollars in one shop and thirty in another. "
        "You again save ten dollars by walking to the shop on the corner of the market square. "
        "Shoppers compare prices across the market square before they buy."
    )
    why = _why(text, "market square", sentence=1)
    assert why is not None and "reader" in why


def test_a_surname_with_accented_letters_is_still_a_persons_name() -> None:
    text = (
        "The furnace was designed by Émile Lévêque in 1880. "
        "Lévêque also built the first rotating kiln for lime, which cement works still use."
    )
    why = _why(text, "Lévêque", sentence=1)
    assert why is not None and "person" in why


def test_a_verb_with_a_substances_ending_is_no_substance() -> None:
    # '-ate' ends salts (phosphate) and verbs (migrate): the text's use of the word tells which.
    text = (
        "In the cell, the potassium ions migrate to the cathode. "
        "A current forces the potassium ions to migrate across the membrane. "
        "Voters hesitate to participate when the rules are unclear. "
        "Participating in a second vote takes time, so few voters participate. "
        "The phosphate binds to calcium. Calcium phosphate forms the mineral of bone."
    )
    terms = _terms(text)
    assert terms.get("migrate") is None
    assert terms.get("participate") is None
    assert terms.get("phosphate") is not None


def test_a_plural_noun_and_the_verb_after_it_are_a_clause_not_a_term() -> None:
    text = (
        "Some historians argue that the treaty ended the war. "
        "Other historians argue that the war ended a year later, when the army withdrew."
    )
    assert _terms(text).get("historians argue") is None


def test_the_first_item_of_a_series_fits_no_better_than_the_others() -> None:
    text = (
        "Copper, tin, lead, and zinc are common alloying metals. "
        "The infection is treated with artesunate, quinine, and doxycycline in most clinics. "
        "Roasting removes impurities such as antimony and selenium as volatile oxides. "
        "Copper conducts heat well. Tin resists corrosion. Zinc protects steel. Artesunate kills the parasite. "
        "Quinine is bitter. Antimony is brittle. Selenium is a trace element."
    )
    for sentence, hidden in [(0, "Copper"), (1, "artesunate"), (2, "antimony")]:
        why = _why(text, hidden, sentence=sentence)
        assert why is not None and ("list" in why or "examples" in why), (hidden, why)


def test_a_blank_that_starts_inside_a_hyphenated_name_is_refused() -> None:
    text = (
        "The Bessemer–Kelly converter blows air through molten pig iron. "
        "The Bessemer–Kelly converter made steel cheap. The Kelly converter was the first design."
    )
    why = _why(text, "Kelly converter", sentence=1)
    assert why is not None and "part of a word" in why


def test_a_clause_after_the_blank_is_no_series() -> None:
    text = (
        "The fungi of the gut, known as mycobiomes, are still poorly mapped, and few methods detect them. "
        "Mycobiomes differ between people."
    )
    assert _why(text, "mycobiomes") is None


def test_a_sentence_naming_areas_of_a_graph_by_letter_is_not_content() -> None:
    # Lettered areas of a figure the reader cannot see: 'is R + S', 'the area M', 'a loss of P + Q'.
    for text in [
        "After the tariff is imposed, the new importer surplus is R + S, while the new exporter surplus is W.",
        "The tariff causes the area M to be moved from buyers to sellers, and a deadweight loss of P + Q.",
        "The original buyer surplus is B + C + D, and seller surplus is E + F.",
    ]:
        assert not_content(text), text
    for text in [
        "Vitamin C and vitamin E protect membranes from oxidation.",
        "Group A streptococci cause strep throat, and type B is rarer.",
        "Blood type is A or B when the matching antigen is present.",
    ]:
        assert not_content(text) is None, text


def test_a_worked_example_is_an_exercise_and_is_not_mined() -> None:
    text = (
        "# Cells\n\nA galvanic cell turns chemical energy into electrical work.\n\n"
        '<div data-type="example" markdown="1">\n'
        "Calculating a cell potential\n\n"
        '<span data-type="title">Solution</span> The anode loses electrons in a galvanic cell.\n\n'
        "Check your answer: In a galvanic cell, the anode is negative.\n\n"
        "</div>\n\nThe anode of a galvanic cell is where oxidation happens.\n"
    )
    sentences = [s.text for s in read_document(text, Path("cells.md")).sentences]
    assert not any("Check your answer" in s or "loses electrons" in s for s in sentences), sentences
    assert any("oxidation happens" in s for s in sentences)


def test_a_sentence_announcing_what_follows_is_not_content() -> None:
    assert not_content("The following Try It feature walks you through the arithmetic of opportunity cost.")


def test_one_example_of_a_class_fits_no_better_than_any_other() -> None:
    text = (
        "Patient advocacy groups, such as CARE, help families through a hospital stay. "
        "Antiviral drugs like oseltamivir shorten the illness. CARE is a charity. Oseltamivir is a drug."
    )
    for sentence, hidden in [(0, "CARE"), (1, "oseltamivir")]:
        why = _why(text, hidden, sentence=sentence)
        assert why is not None and "example" in why, (hidden, why)


def test_a_disease_named_after_its_cause_or_its_organ_is_given_away() -> None:
    text = (
        "Giardiasis is caused by the flagellate Giardia lamblia. "
        "Blockage of the appendix causes appendicitis in many children. "
        "Malaria is cleared from the blood by antimalarial drugs. "
        "Giardiasis spreads through water. The appendix is small. Malaria is common."
    )
    for sentence, hidden in [(0, "Giardiasis"), (1, "appendix"), (2, "Malaria")]:
        why = _why(text, hidden, sentence=sentence)
        assert why is not None and "shows in the sentence" in why, (hidden, why)


def test_the_second_of_a_pair_that_shares_the_first_ones_noun_fits_no_better() -> None:
    # 'in labor and [financial capital markets]' is 'labor markets and financial capital markets'.
    text = (
        "Shortages of information arise in dairy and livestock auction markets. "
        "Dairy markets clear slowly. Livestock auction markets clear slowly too. Dairy markets matter."
    )
    why = _why(text, "livestock auction markets")
    assert why is not None and "pair" in why, why


def test_a_name_the_glossary_defines_is_a_term_though_it_reads_like_a_persons() -> None:
    # A group named like a person ('the Copper Wardens', 'ten suspected Wardens') is what the glossary teaches;
    # a real person the text names ('Ida Marsh ... Marsh spoke') is still no term.
    text = (
        "# Quarry strikes\n\n"
        "In the 1880s, quarry workers formed a secret society known as the **Copper Wardens**{: data-type=\"term\"}.\n"
        "Union organiser Ida Marsh spoke against its threats at every meeting.\n"
        "The owners hired spies, who named ten suspected Wardens within a year.\n"
        "Marsh later said that the trials turned the public against the whole union.\n\n"
        "<div data-type=\"glossary\" markdown=\"1\">\n### Glossary\n{: data-type=\"glossary-title\"}\n\n"
        "Copper Wardens\n: a secret society of quarry workers that used threats to press the owners\n^\n\n</div>\n"
    )
    terms = find_terms(read_document(text, Path("quarry.md")))
    wardens = terms.get("Copper Wardens")
    assert wardens is not None and wardens.definition.startswith("a secret society")
    assert terms.get("Ida Marsh") is None and terms.get("Marsh") is None
    assert "Marsh" in terms.people and "Wardens" not in terms.people


def test_a_single_word_name_keeps_its_capital() -> None:
    # A name the text writes with a capital mid-sentence ('the Levellers'), or that a glossary writing its
    # other entries in lower case gives one ('Vostok'), keeps it; a word only a sentence's start capitalises
    # does not.
    text = (
        "# Two decades\n\n"
        "Tolls were paid at each gate, and the ore was sent by rail.\n"
        "Radical printers, called the **Levellers**{: data-type=\"term\"}, spread pamphlets through the towns.\n"
        "Many of the Levellers were jailed.\n"
        "The **turnpike**{: data-type=\"term\"} charged a toll on each cart.\n\n"
        "<div data-type=\"glossary\" markdown=\"1\">\n### Glossary\n{: data-type=\"glossary-title\"}\n\n"
        "Vostok\n: the first crewed spacecraft to orbit the planet\n^\n\n"
        "turnpike\n: a road whose users pay a toll\n^\n\n</div>\n"
    )
    terms = find_terms(read_document(text, Path("decades.md")))
    assert terms.get("Levellers").text == "Levellers"
    assert terms.get("Vostok").text == "Vostok"
    assert terms.get("turnpike").text == "turnpike"
