"""'Her' or 'his' in a sentence that names nobody leans on the sentence before, where the person of a case
is named ('Thus, her savings grow ...', 'Additionally, his map showed ...'); so does 'Both gases are ...',
the pair the sentence before named by their kind alone. A sentence that names the person anywhere, says
who in general words, or names the pair stands alone."""

from __future__ import annotations

from quizmg.generate.back_reference import refers_back
from quizmg.generate.draft import draft_deck
from quizmg.generate.person_reference import unnamed_owner
from quizmg.generate.sentence_use import leans_back
from quizmg.model import Cloze

NOBODY = {
    "Thus, her savings grow faster than her rent every year.": "her",
    "Additionally, his map showed that the wells near the river were foul.": "his",
    "We later learned her fever was caused by a tick bite.": "her",
    "However, when a second drug was added, his cough cleared within a week.": "his",
}

SOMEBODY = [
    "In drawing his map, Humboldt marked every volcano he had climbed.",  # named after the possessive
    "Darwin sent his notes to a friend in London.",
    "A patient with gout often feels pain in her big toe at night.",  # a person in general words
    "Nobody may claim the grant for more than four years of his or her life.",  # 'his or her': anyone
    "Each worker keeps his tools in a locker.",
]


def test_her_or_his_with_nobody_named_leans_back() -> None:
    for text, word in NOBODY.items():
        assert unnamed_owner(text) == word, text
        assert leans_back(text) == word, text
    assert [text for text in SOMEBODY if unnamed_owner(text) is not None] == []


def test_both_and_a_kind_alone_names_the_pair_before() -> None:
    assert refers_back("Both gases are colourless and have no smell.") == "Both gases"
    assert refers_back("Both metals, which are soft, react with water.") == "Both metals"
    assert refers_back("Both of these are found in seawater.") == "Both of these"
    for text in (
        "Both helium and neon are colourless gases.",
        "Both kinds of fern spread by spores.",
        "Both parents carry one copy of the gene.",
    ):
        assert refers_back(text) is None, text


VOYAGE = """# Mapping the sea floor

**Sonar** measures depth by timing an echo from the sea floor.
A **trench** is a long, narrow and very deep part of the ocean.

Marie Tharp drew the first maps of the Atlantic floor from sonar records. Her maps showed a **rift valley**
along the middle of the ocean.

Later, his survey found many a **guyot** on the deep ocean floor.
"""


def test_a_sentence_about_an_unnamed_person_is_asked_only_after_the_one_that_names_them() -> None:
    deck = draft_deck(VOYAGE, "sea.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    rift = [text for text in texts if "{{c1::rift valley" in text]
    assert rift and all(text.startswith("Marie Tharp drew") for text in rift)
    assert not [text for text in texts if "{{c1::guyot" in text]  # opens its paragraph: nobody to carry
