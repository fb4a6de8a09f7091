"""`quizmg generate`: a blank is a noun phrase that one answer fits, in a sentence that stands alone.

The texts are written for these tests, in the project's own words. The classes:

- a recurring run of words that ends in its subject's verb ('the Coase theorem holds', 'mature markets
  appear') is no term: the text only ever follows it with what follows a verb (an article, an -ly
  adverb, 'to' and a plain verb);
- a blank set against a comparison ('Unlike [...], some salts ...', 'Like [...], the rash ...') or a
  member of the class the sentence opens with ('Like all salts, [...] ...') fits other answers; the
  class of the sentence's subject ('Like many other [...], the wolf ...') is asked;
- 'a similar X' and 'the opposite X' with nothing to compare with lean on the sentence before;
- a sentence that only says a thing takes several forms ('... can be seen in a number of ways.') asks
  nothing.
"""

from __future__ import annotations

from quizmg.generate.contrasts import compared_blank, says_nothing
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import points_back, usable
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze

CLAUSE_TEXT = """# Bargaining over harm

The **Coase theorem**{: data-type="term"} says that parties can bargain their way to an efficient outcome.
If the Coase theorem holds strictly, the law's first assignment of rights does not change what is produced.
The Coase theorem holds that costless bargaining reaches the same result whoever owns the right.
Mature markets appear to price the harm in the end.
In practice, mature markets appear stable only when bargaining is cheap.
**Transaction costs**{: data-type="term"} are the costs of finding, agreeing and enforcing a bargain.
High transaction costs block the bargain the theorem needs.
"""


def test_a_phrase_that_ends_in_its_subject_s_verb_is_no_term() -> None:
    terms = find_terms(read_document(CLAUSE_TEXT, "coase.md"))
    assert "coase theorem" in terms.terms
    assert "coase theorem holds" not in terms.terms
    assert "mature markets appear" not in terms.terms
    draft = draft_deck(CLAUSE_TEXT, "coase.md", keep_all=True)
    answers = [q.text.split("{{c1::")[1].split("}}")[0] for q in draft.deck.questions if isinstance(q, Cloze)]
    assert not [answer for answer in answers if answer.split()[-1] in {"holds", "appear"}], answers


def test_a_phrase_the_text_also_ends_a_clause_with_stays_a_term() -> None:
    text = ("# Prices\n\nPrice controls set a ceiling on what sellers may charge. Rents rose although price "
            "controls were in force. Shortages follow price controls. Governments lift price controls slowly.")
    assert "price controls" in find_terms(read_document(text, "p.md")).terms


def test_a_comparison_leaves_its_other_side_open() -> None:
    assert compared_blank("ionic salts", "Unlike ") is not None
    assert compared_blank("measles", "Like ") is not None
    assert compared_blank("sodium chloride", "Like all salts, ") is not None
    assert compared_blank("predators", "Like many other ") is None  # the subject's own class
    assert compared_blank("ionic salts", "Because of ") is None


def test_a_similar_or_opposite_thing_leans_on_the_sentence_before() -> None:
    assert points_back("A similar pigment called lutein protects the leaves of these plants.") is not None
    assert points_back("A later survey found a similar pattern.") is not None
    assert points_back("A buyer who expects the price to move in the opposite direction can sell now.") is not None
    assert points_back("Lutein has a similar role to carotene in the leaf.") is None
    assert points_back("The opposite of a surplus is a shortage.") is None


def test_a_sentence_that_only_says_a_thing_has_forms_asks_nothing() -> None:
    assert says_nothing("Compulsive habits of speech can be seen in a number of ways.")
    assert says_nothing("Protection takes many forms.")
    assert not says_nothing("Protection takes the form of tariffs, quotas and subsidies.")
    document = read_document("# Acts\n\nCompulsive habits of speech can be seen in a number of ways. "
                             "Compulsive habits of speech often fade by adulthood.", "acts.md")
    quoted = [sentence.text for sentence in document.sentences if usable(sentence, sentence.text)]
    assert quoted == ["Compulsive habits of speech often fade by adulthood."]


def test_a_sentence_that_only_says_a_thing_matters_or_is_studied_asks_nothing() -> None:
    assert says_nothing("As a result, field theory has been extremely influential in the area of town planning.")
    assert says_nothing("Because maps are cheap, they have been the subject of much research by historians.")
    assert says_nothing("Tide pools are also an area of active study.")
    assert says_nothing("Soil health is an important area of research among farmers.")
    # what it matters for, or why, is something to learn
    assert not says_nothing("Iron is important for carrying oxygen in the blood.")
    assert not says_nothing("Rivets are very important in bridges because they carry the load.")
    assert not says_nothing("Copper wire is widely used in houses.")
    document = read_document("# Maps\n\nMaps have been extremely influential in the field of travel. "
                             "Old maps often show rivers wider than they were.", "maps.md")
    quoted = [sentence.text for sentence in document.sentences if usable(sentence, sentence.text)]
    assert quoted == ["Old maps often show rivers wider than they were."]



def test_a_sentence_that_only_says_explanations_were_proposed_asks_nothing() -> None:
    assert says_nothing("Several theories have been put forward to explain why geese fly in a V.")
    assert says_nothing("Many answers have been suggested to the puzzle of the missing moons.")
    assert says_nothing("A number of different models were proposed.")
    # what a proposal says, or who made it and why, is something to learn
    assert not says_nothing("Two theories have been proposed: one puts the cause in the wind, the other in the tide.")
    assert not says_nothing("Several theories have been proposed, and the oldest blames the wind.")
    assert not says_nothing("The drift theory was proposed to explain why the coasts fit together.")
    document = read_document("# Geese\n\nSeveral theories have been put forward to explain the V of flying geese. "
                             "Flying in a V saves each goose the effort of pushing through still air.", "geese.md")
    quoted = [sentence.text for sentence in document.sentences if usable(sentence, sentence.text)]
    assert quoted == ["Flying in a V saves each goose the effort of pushing through still air."]

def test_a_sentence_whose_subject_is_one_case_of_a_kind_leans_back() -> None:
    assert points_back("The toxin’s ability to stop nerve signals leaves the muscle limp.") is not None
    assert points_back("The infection is usually diagnosed from a throat swab.") is not None
    assert points_back("The causative agent is often a soil fungus that enters through a cut.") is not None
    assert points_back("The toxin that causes lockjaw stops inhibitory nerve signals.") is None
    assert points_back("The causative agent of ringworm is a fungus, not a worm.") is None


def test_a_prediction_whose_condition_is_in_the_sentence_before_is_not_quoted() -> None:
    document = read_document("# Markets\n\nSuppose the price is set above the market price. "
                             "A glut of unsold wheat will result. "
                             "Tariffs will raise the price of imported wheat.", "wheat.md")
    quoted = [sentence.text for sentence in document.sentences if usable(sentence, sentence.text)]
    assert "A glut of unsold wheat will result." not in quoted
    assert "Tariffs will raise the price of imported wheat." in quoted


def test_the_particular_thing_with_nothing_to_say_which_leans_back() -> None:
    assert points_back("The pressure constant is the equilibrium constant for the particular gas.") is not None
    assert points_back("The particular gas that escapes first is the lightest one.") is None


def test_a_study_or_a_person_named_before_leans_back() -> None:
    assert points_back("Results showed that longer shifts were associated with more errors.") is not None
    assert points_back("The study found that longer shifts led to more errors.") is not None
    assert points_back("For example, he linked migraine to hidden anger.") is not None
    assert points_back("The results of long shifts are fatigue and errors.") is None
    assert points_back("Pavlov noticed that his dogs salivated before the food came.") is None
    assert points_back("A child who is praised when he shares learns to share.") is None
