"""A sentence that leans on the one before it cannot be quoted alone: 'the other X', a sentence opening on
'the resulting / remaining / latter X', a definite count of things it does not name, a part or kind of
something unnamed ('Some strains ...'). No question of any kind is made from it."""

from __future__ import annotations

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.quality import question_problems
from quizmg.generate.sentence_use import points_back
from quizmg.generate.term_finding import find_terms
from quizmg.model import Basic, Cloze, Short, TrueFalse

LEANING = [
    "The other gas that leaves the smelter in large amounts is sulfur dioxide.",
    "The resulting slag floats on the molten iron and is skimmed off.",
    "The remaining cells divide again within a day.",
    "The latter is found mainly in cold lakes.",
    "The three main zones are the littoral, the limnetic and the profundal zone.",
    "What is the most common of the four?",
    "In all three cases, the enzyme loses its shape.",
    "Some strains produce a toxin that damages the gut lining.",
    "The only condition is that they carry a lone pair, which they donate to the metal.",
]

ALONE = [
    "One form of the mineral is soft, and the other is hard enough to cut glass.",
    "On the other hand, wages rose faster than prices.",
    "Iron ore reacts with coke, and the resulting slag floats on the molten iron.",
    "The three main zones of a lake are the littoral, the limnetic and the profundal zone.",
    "Some strains of Vibrio produce a toxin that damages the gut lining.",
    "The two hormones that raise blood sugar are glucagon and cortisol.",
    "Catalase and peroxidase have the same job in the cell.",
    "Other species can see ultraviolet patterns on petals.",  # other than the reader's own: it reads alone
    "When root cells take up nitrate, they spend energy to do it.",
    "Iron and cobalt are metals, and they both rust in damp air.",
]


def test_a_sentence_that_points_back_is_told_from_one_that_stands_alone() -> None:
    assert [text for text in LEANING if points_back(text) is None] == []
    assert [text for text in ALONE if points_back(text) is not None] == []


def test_no_kind_of_question_is_made_from_a_sentence_that_points_back() -> None:
    document = read_document("Smelting. The other gas that leaves the smelter is sulfur dioxide.", "s.txt")
    terms = find_terms(document)
    questions = [
        Cloze(id="a", text="The other gas that leaves the smelter is {{c1::sulfur dioxide}}."),
        Short(id="b", prompt="What is the term for the other gas that leaves the smelter?", answer="sulfur dioxide"),
        TrueFalse(id="c", statement="Some strains produce a toxin that damages the gut lining.", answer=True),
        Basic(id="d", prompt="What is the link between some strains and a toxin?",
              answer="Some strains produce a toxin."),
    ]
    for question in questions:
        assert any("leans on an earlier sentence" in p for p in question_problems(question, terms)), question


TEXT = """# Lake zones

A lake has three main zones, set apart by depth and light.
The littoral zone is the shallow edge of a lake where rooted plants grow.
The limnetic zone is the open sunlit water beyond the littoral zone.
The profundal zone is the deep water that light does not reach.
The remaining zone, the benthic zone, is the lake floor itself, where decomposers feed on falling debris.
Some species live only in the benthic zone and never rise to the surface.
Phytoplankton in the limnetic zone make most of the lake's oxygen by photosynthesis.
Rooted plants in the littoral zone shelter the young of many fish.
"""


def test_a_draft_quotes_no_sentence_that_points_back_alone() -> None:
    """Quoted at all, 'The remaining zone ...' comes after the sentence it leans on (context.py); 'Some species
    ...' leans on a sentence that leans itself, and is never quoted."""
    draft = draft_deck(TEXT, "lakes.md", keep_all=True)
    shown = [getattr(q, "text", "") + getattr(q, "prompt", "") + getattr(q, "statement", "")
             for q in draft.deck.questions]
    assert draft.deck.questions
    assert not any("Some species" in text for text in shown)
    leaning = [text for text in shown if "remaining zone" in text]
    assert all(text.startswith("The profundal zone is the deep water") for text in leaning), leaning
