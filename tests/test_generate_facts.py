"""One fact, one question: a fact asked again in another shape (another kind, another sentence, the other
name of its answer) scores under the threshold, so a teacher does not get it twice."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.facts import Claim, asked_both_ways, claim_of, restates
from quizmg.generate.questions import Candidate
from quizmg.generate.stems import content_stems
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate
from quizmg.model import Basic, Cloze, MultipleChoice, Short, TrueFalse

ESTUARY = (
    "In an estuary, salinity is linked with evaporation, and turbidity is tied to the sediment load. "
    "Turbidity is tied to a heavy sediment load. "
    "Turbidity is tied to sediment load. "
    "In shallow lagoons, turbidity and salinity are both tied to the strength of onshore winds.")


def _candidate(question, answer: str, sentence, kind_answer: str | None = None) -> Candidate:
    return Candidate(question, 1.0, frozenset(), kind_answer or answer, sentence)


def test_the_same_claim_as_a_blank_a_true_false_and_a_link_is_asked_once() -> None:
    document = read_document(ESTUARY, Path("estuary.txt"))
    terms = find_terms(document)
    first, second, third, fourth = document.sentences
    blank = _candidate(
        Cloze(id="a", text="In an estuary, salinity is linked with evaporation, and {{c1::turbidity}} is tied to "
                           "the sediment load."), "turbidity", first)
    statement = _candidate(TrueFalse(id="b", statement="Turbidity is tied to a heavy sediment load.",
                                     answer=True), "True", second)
    link = _candidate(Basic(id="c", prompt="What is the link between turbidity and sediment load?",
                            answer="Turbidity is tied to sediment load."), "Turbidity is tied to sediment load.",
                      third)
    # The same words in a claim that says more (another cause of both) is another fact.
    other = _candidate(Cloze(id="d", text="In shallow lagoons, turbidity and salinity are both tied to the "
                                          "strength of {{c1::onshore winds}}."), "onshore winds", fourth)
    rated = rate([blank, statement, link, other], terms, ESTUARY)
    assert rated[0].score >= THRESHOLD, rated[0]
    assert rated[1].score < THRESHOLD and "it asks a fact a higher-ranked question already asks" in rated[1].reasons
    assert rated[2].score < THRESHOLD and "it asks a fact a higher-ranked question already asks" in rated[2].reasons
    assert rated[3].score >= THRESHOLD, rated[3]


def test_an_acronym_asked_after_a_blank_that_spells_it_out_is_a_repeat() -> None:
    text = ("BMR stands for basal metabolic rate and describes the energy a body burns at rest. "
            "A person's basal metabolic rate (BMR) falls slowly with age.")
    document = read_document(text, Path("bmr.txt"))
    terms = find_terms(document)
    first, second = document.sentences
    blank = _candidate(Cloze(id="a", text="{{c1::BMR}} stands for basal metabolic rate and describes the energy "
                                          "a body burns at rest."), "BMR", first)
    acronym = _candidate(Short(id="b", prompt="What does BMR stand for?", answer="basal metabolic rate"),
                         "basal metabolic rate", second)
    rated = rate([blank, acronym], terms, text)
    assert rated[0].score >= THRESHOLD > rated[1].score


def test_the_other_name_of_an_answer_asked_above_is_the_same_answer() -> None:
    text = ("A person's basal metabolic rate (BMR) falls slowly with age, by a few percent each decade. "
            "Thyroid hormones raise the basal metabolic rate of most tissues in the body. "
            "Cold weather makes the thyroid gland release more hormone into the blood.")
    document = read_document(text, Path("bmr.txt"))
    terms = find_terms(document)
    first, second, third = document.sentences
    short = _candidate(Cloze(id="a", text="A person's {{c1::BMR}} falls slowly with age, by a few percent each "
                                          "decade."), "BMR", first)
    spelled = _candidate(Cloze(id="b", text="Thyroid hormones raise the {{c1::basal metabolic rate}} of most "
                                            "tissues in the body."), "basal metabolic rate", second)
    other = _candidate(Cloze(id="c", text="Cold weather makes the {{c1::thyroid gland}} release more hormone into "
                                          "the blood."), "thyroid gland", third)
    rated = rate([short, spelled, other], terms, text)
    assert rated[1].score < THRESHOLD and "its answer is asked above as 'BMR'" in rated[1].reasons
    assert rated[2].score >= THRESHOLD


def test_a_definition_is_no_repeat_of_a_sentence_that_only_names_its_term() -> None:
    earlier = claim_of(Cloze(id="a", text="{{c1::Beta decay}} changes the nucleus as much as does alpha "
                                           "emission."), "Beta decay", asks_term=True)
    definition = claim_of(Short(id="b", prompt="What is the term for the emission of an alpha particle from "
                                               "the nucleus?", answer="alpha emission"),
                          "alpha emission", asks_term=True)
    assert not restates(definition, earlier)


def test_parallel_claims_about_two_different_things_are_two_facts() -> None:
    demand = claim_of(MultipleChoice(id="a", prompt="Which completes the sentence? “Buyers who earn more buy "
                                                    "more _____ goods.”",
                                     choices=[{"text": "normal", "correct": True}, {"text": "inferior"},
                                              {"text": "public"}, {"text": "free"}]),
                      "normal", asks_term=True)
    supply = claim_of(Cloze(id="b", text="Buyers who earn more buy fewer {{c1::inferior}} goods."), "inferior",
                      asks_term=True)
    assert not restates(supply, demand)
    assert isinstance(demand, Claim) and demand.answer == content_stems("normal")


def test_one_relation_asked_from_both_ends_is_asked_once() -> None:
    text = ("Reef corals house zooxanthellae, algae similar to dinoflagellates, which feed the coral with sugars. "
            "Freshwater sponges seldom house dinoflagellates in their tissues, although reef corals house "
            "similar algae called zooxanthellae. "
            "The coral skeleton is made of calcium carbonate laid down by the polyps.")
    document = read_document(text, Path("reef.txt"))
    terms = find_terms(document)
    first, second, third = document.sentences
    one_end = _candidate(Cloze(id="a", text="Reef corals house {{c1::zooxanthellae}}, algae similar to "
                                            "dinoflagellates, which feed the coral with sugars."),
                         "zooxanthellae", first)
    other_end = _candidate(Cloze(id="b", text="Freshwater sponges seldom house {{c1::dinoflagellates}} in their "
                                              "tissues, although reef corals house similar algae called "
                                              "zooxanthellae."),
                           "dinoflagellates", second)
    skeleton = _candidate(Cloze(id="c", text="The coral skeleton is made of {{c1::calcium carbonate}} laid down "
                                             "by the polyps."), "calcium carbonate", third)
    rated = rate([one_end, other_end, skeleton], terms, text)
    assert rated[0].score >= THRESHOLD and rated[2].score >= THRESHOLD
    assert rated[1].score < THRESHOLD
    assert "it asks the other end of a relation a higher-ranked question asks" in rated[1].reasons


def test_two_facts_that_name_each_other_are_still_two_facts() -> None:
    # Each question shows the other's answer, but says another thing of it: two facts, both kept.
    lies = claim_of(Cloze(id="a", text="The {{c1::midbrain}} lies between the forebrain and the hindbrain."),
                    "midbrain", asks_term=True)
    holds = claim_of(Cloze(id="b", text="The {{c1::forebrain}} holds the cerebral cortex, which sits above the "
                                        "midbrain and governs planning and speech."), "forebrain", asks_term=True)
    assert not asked_both_ways(holds, lies)
