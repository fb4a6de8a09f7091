"""A sentence that is a reply to the one before ('Instead, ...', 'Rather, ...', 'Otherwise, ...', 'In
exchange, ...', 'The same is true for X') holds only part of a claim and is never quoted alone; a linking
word that leaves the claim whole (contrast, likeness, result, example) or names what it answers
('Instead of X', 'In exchange for X') does not stop a question."""

from __future__ import annotations

from quizmg.generate.document import read_document
from quizmg.generate.linking import reply_to_before
from quizmg.generate.quality import question_problems
from quizmg.generate.sentence_use import points_back
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze, TrueFalse

REPLIES = {
    "Instead, the seeds wait in the soil until a fire clears the ground.": "Instead",
    "Rather, the glacier grinds the rock beneath it into fine flour.": "Rather",
    "Otherwise, the wound closes over the splinter and an abscess forms.": "Otherwise",
    "In exchange, the tenant agrees to repair the roof each spring.": "In exchange",
    "In return, the ants guard the acacia against grazing animals.": "In return",
    "The landlord, in return, lowers the rent by a tenth.": "in return",
    "But instead, most of the heat escapes through the windows.": "instead",
    "The same is true for copper wire left out in the rain.": "The same is",
    "The same holds for a bond bought just before rates rise.": "The same holds",
    "So does a coral reef when the sea warms for a whole summer.": "So does",
}

WHOLE = [
    "Instead of glucose, yeast in a dough can ferment maltose from the flour.",
    "Rather than melt, dry ice turns straight into a gas at room pressure.",
    "In exchange for a loan, the borrower promises to repay it with interest.",
    "In contrast, punishment always decreases the behaviour it follows.",
    "Likewise, chlorine acts as an oxidizing agent when it takes electrons from sodium.",
    "Conversely, a country that exports more than it imports lends to the rest of the world.",
    "Thus the enzyme works fastest at body temperature.",
    "For example, a bee can see ultraviolet patterns on petals.",
    "The same enzyme breaks down starch in the small intestine.",
    "Penguins would rather swim than walk across the ice.",
    "Otters use stones to open shellfish, which they otherwise could not eat.",
]


def test_a_reply_to_the_sentence_before_is_told_from_a_whole_claim() -> None:
    assert {text: reply_to_before(text) for text in REPLIES} == REPLIES
    assert [text for text in WHOLE if reply_to_before(text) is not None] == []


def test_points_back_names_the_linking_words() -> None:
    assert points_back("Instead, the seeds wait in the soil until a fire clears the ground.") == "Instead"
    assert points_back("In contrast, punishment always decreases the behaviour it follows.") is None


def test_no_question_quotes_a_reply() -> None:
    document = read_document("Rent. In exchange, the tenant agrees to repair the roof each spring.", "r.txt")
    terms = find_terms(document)
    for question in (
        Cloze(id="a", text="In exchange, the tenant agrees to repair the {{c1::roof}} each spring."),
        TrueFalse(id="b", statement="The same is true for copper wire left out in the rain.", answer=True),
    ):
        assert any("leans on an earlier sentence" in p for p in question_problems(question, terms)), question

