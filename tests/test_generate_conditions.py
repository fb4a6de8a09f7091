"""`quizmg generate`: a drafted claim says no more than its sentence, and says something.

Each text is written for these tests in the project's own words. The classes:

- a phrase that restricts the claim (set before the clause: 'In dairy herds, ...'; after the object with
  a bare noun: '... pneumonia in lambs'; an aside in brackets: '(strain K4)') is part of it: a question
  that leaves it out states more than the text, so none is asked;
- a word after the object that compares with what the text said before ('... differently', '... as
  well') leaves the claim half said;
- a phrase that only says where the object is ('binds the pigment in the outer layer') may be left out;
- a relation the text names loosely ('is related to', 'is directly related to') or between sides that
  name nothing in particular ('various features') makes no question; a pairing of two named things
  ('is associated with the heart rate') does;
- a true/false statement whose subject names only a class ('Infections can ...') or a case of something
  the sentence before named ('Severe cases can ...') is not drafted.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.claims import claim_problems
from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.questions import Drafter
from quizmg.generate.templates import expand_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Basic, Deck, Mechanism, TrueFalse


def _statements(text: str) -> list[Statement]:
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    return extract_statements(document.sentences, find_terms(document))


def _problems(statements: list[Statement], agent_start: str, template: str = "recall") -> list[str]:
    claim = next(s for s in statements if s.agent.lower().startswith(agent_start))
    mechanism = Mechanism(id="m", agent=claim.agent, action=claim.action, target=claim.target,
                          tags=["generated"])
    text = f"{claim.agent} {claim.action} {claim.target}."
    question = (TrueFalse(id="m.true", statement=text, answer=True) if template == "true"
                else Basic(id="m.recall", prompt=f"What is the link between {claim.agent} and {claim.target}?",
                           answer=text))
    return claim_problems(question, mechanism, template, statements)


def test_a_claim_is_never_asked_without_the_phrase_that_restricts_it() -> None:
    statements = _statements(
        "Mannheimia ovina causes severe pneumonia in lambs and young goats. "
        "In dairy herds, the tick fever parasite lowers milk yield. "
        "The species Bacillus pratensis (strain K4) produces a purple toxin. "
        "Occasionally, the mould Fusarium feltae blocks the xylem vessels. "
        "Copper sulfate kills the algae only when the water is warm. "
        "Each gill filters the water differently. "
        "Rumen bacteria produce methane."
    )
    for agent in ("mannheimia", "the tick fever", "the species", "the mould", "copper sulfate", "each gill"):
        for template in ("recall", "true"):
            found = [p for p in _problems(statements, agent, template) if "restricts" in p]
            assert found, (agent, template, _problems(statements, agent, template))
    assert _problems(statements, "rumen bacteria") == []


def test_where_the_object_is_may_be_left_out_and_a_link_word_restricts_nothing() -> None:
    statements = _statements(
        "Chlorophyll absorbs red light in the leaf cells. "
        "In contrast, carotene absorbs blue light. "
        "By blocking the pores, wax reduces water loss."
    )
    for agent in ("chlorophyll", "carotene", "wax"):
        assert not [p for p in _problems(statements, agent) if "restricts" in p], agent


def test_a_loose_relation_or_a_vague_side_is_not_asked() -> None:
    statements = _statements(
        "Wing length is related to the flight speed of a bird. "
        "Beak depth is directly related to the seed size of an island. "
        "Feather colour is associated with various features of courtship. "
        "Body mass is associated with the heart rate of a mammal."
    )
    assert any("loose" in p for p in _problems(statements, "wing length"))
    assert any("loose" in p for p in _problems(statements, "beak depth", "true"))
    assert any("loose" in p for p in _problems(statements, "feather colour"))
    assert not [p for p in _problems(statements, "body mass") if "loose" in p]


def test_a_true_statement_about_only_a_class_or_a_case_is_not_drafted() -> None:
    term = '{: data-type="term"}'
    text = (
        "# Fevers\n\n"
        f"Ticks carry the **rickettsiae**{term} that cause spotted fever.\n\n"
        f"Occasionally, infections can result in **kidney failure**{term}.\n\n"
        f"Severe cases can lead to **septic shock**{term} and other complications.\n\n"
        f"The **tick bite fever**{term} leads to a **black scab**{term} at the bite.\n"
    )
    document = read_document(text, Path("notes.md"))
    terms = find_terms(document)
    statements = extract_statements(document.sentences, terms)
    drafter = Drafter(terms, len(document.sentences), {s.sentence.index for s in statements},
                      document.sentences, statements)
    drafted = [c.question.statement for sentence in document.sentences for c in drafter.draft(sentence)
               if isinstance(c.question, TrueFalse)]
    assert not any(s.startswith(("Occasionally, infections", "Infections", "Severe cases")) for s in drafted), drafted
    assert any(s.startswith("The tick bite fever") for s in drafted), drafted


def test_a_genus_and_its_species_take_a_singular_verb_whatever_the_epithet_ends_in() -> None:
    deck = Deck(id="germs", title="Germs", mechanisms=[
        Mechanism(id="s", agent="Streptococcus pyogenes", action="may damage", target="the heart valves",
                  tags=["generated"]),
        Mechanism(id="k", agent="protein kinases", action="can move", target="phosphate groups",
                  tags=["generated"])])
    prompts = {q.prompt_text() for q in expand_deck(deck)}
    assert "What does Streptococcus pyogenes do to the heart valves?" in prompts, prompts
    assert "What do protein kinases do to phosphate groups?" in prompts, prompts
    claims = {(s.agent, s.action, s.target) for s in _statements(
        "Scarlet fever is caused by Streptococcus pyogenes. Stem cells produce red blood cells.")}
    assert ("Streptococcus pyogenes", "causes", "scarlet fever") in claims, claims
    assert ("stem cells", "produce", "red blood cells") in claims, claims


def test_an_acronym_whose_long_form_names_the_other_side_gives_the_claim_away() -> None:
    claims = {(s.agent.lower(), s.target) for s in _statements(
        "The ectromelia virus (ECTV) causes the skin disease ectromelia, which spreads in colonies. "
        "The human immunodeficiency virus (HIV) causes the disease AIDS, which weakens the body.")}
    assert not any("ectv" in agent for agent, _ in claims), claims
    assert ("the hiv", "the disease AIDS") in claims, claims


def test_a_basic_question_asks_about_the_object_not_what_it_becomes_and_never_of_some() -> None:
    deck = Deck(id="soil", title="Soil", mechanisms=[
        Mechanism(id="n", agent="root nodule bacteria", action="can convert", target="atmospheric nitrogen to ammonia",
                  tags=["generated"]),
        Mechanism(id="w", agent="capillary action", action="moves", target="ground water to the topsoil",
                  tags=["generated"]),
        Mechanism(id="s", agent="some soil fungi", action="break down", target="dead wood", tags=["generated"])])
    prompts = {q.prompt_text() for q in expand_deck(deck)}
    assert "What do root nodule bacteria do to atmospheric nitrogen?" in prompts, prompts
    assert "What does capillary action do to ground water?" in prompts, prompts
    statements = _statements("Some soil fungi break down dead wood.")
    assert any("some of a kind" in p for p in _problems(statements, "some soil fungi"))


def test_a_claim_inside_a_whether_clause_is_asked_about_not_asserted() -> None:
    # 'the question of whether X produces Y' was drafted as 'X produces Y.' (True).
    statements = _statements(
        "# Markets\n\nEconomists still debate the question of whether a free market produces the best mix of goods.\n"
        "Nobody has settled whether tariffs protect domestic jobs in the long run.\n"
        "Competition lowers prices in most markets.\n"
    )
    claims = {(s.agent.lower(), s.target.lower()) for s in statements}
    assert not any("free market" in agent or "tariffs" in agent for agent, _ in claims), claims
    assert ("competition", "prices") in claims, claims
