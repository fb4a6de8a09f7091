"""Classes of poor question found in a review of sealed textbook sections (set 37): a part of a group the
sentence before named ('Most of the axons terminate ...'), the noun of a linking phrase ('In [contrast], ...'),
a rank the text only offers ('perhaps the most important'), a definition cut before the 'such that' that
picks it out, and a glossary phrase opened by an adjective read as a clause ('cyclic changes in ...')."""

from __future__ import annotations

from quizmg.generate.back_reference import refers_back
from quizmg.generate.content import surnames
from quizmg.generate.definitions import whole_before_comma
from quizmg.generate.draft import draft_deck
from quizmg.generate.frequency import is_generic, nationality_phrase
from quizmg.generate.glossary_statements import statement_prompt, subject_and_verb
from quizmg.generate.linking import in_linking_phrase
from quizmg.generate.ranks import hedged_rank
from quizmg.model import Cloze, Short

PART_OF_THE = {
    "Most of the axons terminate in the nuclei of the medulla.": "Most of the axons terminate",
    "Some of the seeds sprout within a week of the first rain.": "Some of the seeds sprout",
    "Many of the settlers are farmers from the valley.": "Many of the settlers are",
}
# A phrase or a clause after the noun says which; a time, a mass noun or a superlative is no part of a set.
SAYS_WHICH = [
    "Most of the carbon dioxide in the blood is carried as bicarbonate.",
    "Many of the caregivers who help at home are women.",
    "Most of the cells damaged by sunlight die within a day.",
    "Most of the time, the valve stays shut.",
    "Some of the most common weeds grow on roadsides.",
    "Most of the gas is hydrogen.",
]


def test_part_of_a_group_named_before_leans_back() -> None:
    assert {text: refers_back(text) for text in PART_OF_THE} == PART_OF_THE
    assert [text for text in SAYS_WHICH if refers_back(text) is not None] == []


def test_the_noun_of_a_linking_phrase_is_no_answer() -> None:
    assert in_linking_phrase("contrast", "In ") == "In contrast"
    assert in_linking_phrase("result", "Prices rose, and as a ") == "as a result"
    assert in_linking_phrase("average", "Cells on ") == "on average"
    # The same noun elsewhere is the text's term.
    assert in_linking_phrase("contrast", "Stains increase the ") is None
    assert in_linking_phrase("response", "the immune ") is None
    assert in_linking_phrase("inflammatory response", "In ") is None


OPTICS = """# Light

**Contrast** is the visible difference between the parts of a specimen. Stains increase **contrast** in a \
sample viewed with a light microscope. In contrast, the **frequency** of a wave is the number of its peaks \
that pass a point each second. **Refraction** is perhaps the most important behaviour of light in a lens. \
A prism separates white light into its colours by **refraction**. **Contrast** makes the edges of a cell \
stand out against the glass. The **frequency** of violet light is higher than that of red light.
"""


def test_no_blank_on_a_linking_noun_or_a_hedged_rank() -> None:
    deck = draft_deck(OPTICS, "light.md", keep_all=True).deck
    texts = [q.text for q in deck.questions if isinstance(q, Cloze)]
    assert texts  # the draft still asks about contrast and refraction elsewhere
    assert not [t for t in texts if "In {{c1::contrast" in t]
    assert not [t for t in texts if "perhaps the most important" in t]
    assert hedged_rank("Iron is arguably the most useful metal.") == (
        "the sentence claims a rank with a hedge ('is arguably the most'): an opinion, not a fact")
    assert hedged_rank("Nitrogen is the most abundant gas in the air.") is None
    assert hedged_rank("For most towns, perhaps the best-known tax is the one on land.")
    # As an aside, the rank leaves the sentence's own claim to ask.
    assert hedged_rank("Arguably the most radical pamphlet of its era, Common Sense called for independence.") is None
    assert hedged_rank("The brightfield microscope, perhaps the most common type, has two lenses.") is None


def test_a_definition_goes_on_after_such_that() -> None:
    text = "Total internal reflection is a phenomenon that occurs at a boundary, such that all light is reflected."
    assert not whole_before_comma(text, text.index(","))
    text = "A lens is a medium with a curved surface, which refracts light."
    assert whole_before_comma(text, text.index(","))


def test_no_question_on_a_definition_cut_before_such_that() -> None:
    document = ("# Reflection\n\nTotal internal reflection is a phenomenon that occurs at the boundary between two "
                "mediums, such that if the incident angle is greater than the critical angle, all the light is "
                "reflected back. Total internal reflection makes diamonds sparkle. Total internal reflection keeps "
                "light inside an optical fiber.\n")
    deck = draft_deck(document, "reflection.md", keep_all=True).deck
    prompts = [q.prompt for q in deck.questions if isinstance(q, Short)]
    assert not [p for p in prompts if "a phenomenon that occurs at the boundary" in p]


def test_an_adjective_opening_a_glossary_phrase_is_no_subject() -> None:
    phrase = "cyclic changes in the Earth's orbit that may affect climate"
    assert not subject_and_verb(phrase)
    assert statement_prompt(phrase, "Milankovitch cycles") is None  # a phrase: 'What is the term for ...?'
    assert subject_and_verb("all crystals of one salt share a shape")
    assert subject_and_verb("genetic drift changes allele frequencies")


def test_a_nationality_before_everyday_words_is_no_term() -> None:
    assert nationality_phrase("Chinese market") and nationality_phrase("American goods")
    assert not nationality_phrase("Chinese") and not nationality_phrase("American Revolution")
    history = ("# Open Doors\n\nThe open door policy let every power trade in China. American firms wanted the "
               "Chinese market for their cotton. Merchants hoped the Chinese market would buy American goods. "
               "Factories made American goods cheaply. The **open door policy** kept China open to trade. "
               "A **sphere of influence** was an area where one power controlled trade.\n")
    deck = draft_deck(history, "doors.md", keep_all=True).deck
    texts = [q.text for q in deck.questions if isinstance(q, Cloze)]
    assert not [t for t in texts if "{{c1::Chinese market" in t or "{{c1::American goods" in t]
    # A rare word after the nationality may name one thing: 'German measles' is no everyday phrase.
    assert not is_generic("German measles")


def test_a_surname_after_a_middle_name_is_a_person() -> None:
    texts = ["George Ellery Hale was a giant among telescope builders.", "Hale set out to raise money.",
             "Mount Wilson Observatory stands above the city.", "Wilson gave the land."]
    assert {"Hale", "Wilson"} <= surnames(texts)
    document = ("# Telescopes\n\nGeorge Ellery **Hale** was a giant among early telescope builders. Hale set out "
                "to build a larger **reflector** than any before it. Even before the refractor was finished, Hale "
                "was dreaming of a still larger telescope. A **reflector** gathers light with a curved mirror.\n")
    deck = draft_deck(document, "hale.md", keep_all=True).deck
    assert not [q for q in deck.questions if isinstance(q, Cloze) and "{{c1::Hale" in q.text]
