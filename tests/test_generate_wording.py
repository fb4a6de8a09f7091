"""How drafted questions are worded: definitions that read as English, relations asked in their own
words, mechanisms that never point elsewhere in the text, chains told as sentences.

Every text here is written for the test, in the project's own words, in the grammatical shapes that
broke drafts of textbook prose.
"""

from __future__ import annotations

import re
from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.templates import expand_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Deck, TrueFalse


def _questions(text: str) -> list:
    draft = draft_deck(f"# Notes\n\n{text}\n", Path("notes.md"), keep_all=True, max_questions=200)
    return bank_from_deck(draft.deck).questions


def _prompts(text: str) -> set[str]:
    return {q.prompt_text() for q in _questions(text)}


def _claims(text: str) -> set[tuple[str, str, str]]:
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    terms = find_terms(document)
    return {(s.agent, s.action, s.target) for s in extract_statements(document.sentences, terms)}


def test_a_relative_clause_keeps_its_preposition_and_its_particle() -> None:
    prompts = _prompts(
        "A nest is a shelter of twigs in which a bird raises its young. "
        "A vault is a sealed room from which all light is kept out. "
        "Nests and vaults both shelter what is inside them."
    )
    assert "What is the term for a shelter of twigs in which a bird raises its young?" in prompts
    assert not any("twigs which" in p or "room which" in p for p in prompts), prompts
    assert not any(p.endswith("is kept?") for p in prompts), prompts


def test_a_definition_is_never_a_place_among_others_or_two_predicates() -> None:
    prompts = _prompts(
        "The simplest design is called the flat roof. "
        "The keystone is the widest stone and holds the arch in place. "
        "The lintel is the lower beam and carries the wall above the door. "
        "A flat roof needs a steady slope for rain to drain. "
        "Arch trusses are the oldest surviving iron bridges."
    )
    term_prompts = [p for p in prompts if p.startswith("What is the term for")]
    assert not any("simplest design" in p for p in term_prompts), term_prompts
    assert not any(" and holds" in p or " and carries" in p for p in term_prompts), term_prompts
    assert not any("widest stone?" in p or "lower beam?" in p for p in term_prompts), term_prompts
    # A superlative beside words that say what the thing is names one thing in the world: asked as the
    # fact it is, not as a term's meaning.
    assert "What are the oldest surviving iron bridges?" in prompts, prompts


def test_a_compound_adjective_without_its_noun_is_no_definition() -> None:
    terms = find_terms(read_document(
        "# Notes\n\nThe reflex arc is the spine's fast acting, and it needs no thought. "
        "The reflex arc protects the hand from heat.\n", Path("notes.md")))
    arc = terms.get("reflex arc")
    assert arc is None or arc.definition is None or not arc.definition.endswith("acting")


def test_a_relation_is_asked_in_its_own_words_never_as_an_action() -> None:
    deck = Deck.model_validate({"id": "t", "title": "T", "mechanisms": [
        {"id": "mortar", "agent": "good mortar", "action": "depends on", "target": "clean sand"},
        {"id": "trucks", "agent": "heavy trucks", "action": "will depend on", "target": "wide lanes"},
        {"id": "design", "agent": "bridge design", "action": "reflects", "target": "a concern for safety"},
        {"id": "wolves", "agent": "wolves", "action": "prey on", "target": "weak deer"},
        {"id": "rust", "agent": "rust", "action": "weakens", "target": "steel cables"},
    ]})
    prompts = {q.id: q.prompt_text() for q in expand_deck(deck) if q.id.endswith(".recall")}
    assert prompts == {
        "mortar.recall": "What does good mortar depend on?",
        "trucks.recall": "What will heavy trucks depend on?",
        "design.recall": "What does bridge design reflect?",
        "wolves.recall": "What do wolves prey on?",
        "rust.recall": "What does rust do to steel cables?",
    }


def test_an_adverb_is_no_object_and_a_noun_keeps_its_complement() -> None:
    claims = _claims(
        "Clavulanic resin binds irreversibly to the steel plates. "
        "Bridge design reflects the engineering emphasis on safety margins."
    )
    assert not any(target == "irreversibly" for _, _, target in claims), claims
    assert ("bridge design", "reflects", "the engineering emphasis on safety margins") in claims


def test_a_main_clause_whose_object_points_elsewhere_is_no_result() -> None:
    # 'getting vaccinated can help prevent these two types of cancer by stimulating ...' had asked 'How can
    # getting vaccinated help prevent?', answered '..., and so it can help prevent.'
    text = ("Two disorders often go together. Getting enough sleep can help prevent these two types of illness "
            "by strengthening the immune system.")
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    statements = extract_statements(document.sentences, find_terms(document))
    assert statements and all(effect.strip() and not effect.endswith("prevent")
                              for s in statements for effect in s.effects), [(s.text(), s.effects) for s in statements]
    assert not any(p.rstrip("?").endswith("prevent") for p in _prompts(text))


def test_a_movement_keeps_its_path_and_a_step_what_it_is_in() -> None:
    # 'Inhalation increases blood flow [into the right side of the heart]' had been cut to 'increases blood flow'
    claims = _claims(
        "Rainfall increases water flow into the lower basin. "
        "Frost raises soil permeability to meltwater. "
        "Lime stimulates the last step in making mortar. "
        "Wind raises the water loss of the leaves."
    )
    assert ("rainfall", "increases", "water flow into the lower basin") in claims, claims
    assert ("frost", "raises", "soil permeability to meltwater") in claims, claims
    assert ("lime", "stimulates", "the last step in making mortar") in claims, claims
    assert ("wind", "raises", "the water loss of the leaves") in claims, claims


def test_a_mechanism_never_points_elsewhere_in_the_text() -> None:
    claims = _claims(
        "Thermal sealant catalyzes Reaction 2 in the joints. "
        "Iron oxide acts as a catalyst in the following process. "
        "Salt spray weakens the steel cables."
    )
    assert all("Reaction 2" not in target and "following" not in target for _, _, target in claims), claims
    assert ("salt spray", "weakens", "the steel cables") in claims, claims


def test_an_association_keeps_its_hedge_and_drops_a_linking_adverb() -> None:
    claims = _claims(
        "Salt spray damages paint, and long winters also are associated with cracked decks. "
        "Wet summers are often associated with rotten planks."
    )
    actions = {agent: action for agent, action, _ in claims}
    assert actions.get("long winters") == "are associated with", claims
    assert actions.get("wet summers") == "are often associated with", claims
    prompts = _prompts(
        "Long winters also are associated with cracked decks. Cracked decks let water reach the beams."
    )
    assert not any(" do to " in p and "associated" not in p and "winters" in p for p in prompts), prompts


def test_a_false_statement_never_swaps_a_verb_whose_opposite_depends_on_its_sense() -> None:
    # 'reflect' is the opposite of 'absorb' only for light; 'absorbs an emphasis' is no statement at all.
    questions = _questions(
        "For many architects, bridge design reflects the engineering emphasis on safety margins. "
        "Safety margins protect drivers in storms."
    )
    false = [q.prompt_text() for q in questions if isinstance(q, TrueFalse) and not q.answer]
    assert not any("absorbs" in text for text in false), false


CHAINS = [
    {"id": "shade", "agent": "the canopy", "action": "absorbs", "target": "strong sunlight",
     "effects": ["the canopy shelters the seedlings"]},
    {"id": "frost", "agent": "frost", "action": "splits", "target": "exposed rock",
     "effects": ["loose gravel is formed", "a sense of ruin follows", "the slope slides"]},
    {"id": "lichen", "agent": "lichen", "action": "is a pioneer in", "target": "the colonising of bare rock",
     "effects": ["thin soil builds up"]},
    {"id": "wind", "agent": "wind", "action": "dries", "target": "the topsoil",
     "effects": ["less water reaches the roots", "the crop wilts"]},
    {"id": "roots", "agent": "deep roots", "action": "hold", "target": "the topsoil",
     "effects": ["the field contributes to the river's health"]},
]


def _chain_questions() -> dict:
    return {q.id: q for q in expand_deck(Deck.model_validate({"id": "t", "title": "T", "mechanisms": CHAINS}))}


def test_a_why_answer_tells_the_chain_in_sentences() -> None:
    questions = _chain_questions()
    assert questions["shade.why"].answer_text() == (
        "The canopy absorbs strong sunlight, and so it shelters the seedlings.")
    assert questions["frost.why"].answer_text() == (
        "Frost splits exposed rock. As a result, loose gravel is formed, then a sense of ruin follows, "
        "and finally the slope slides.")
    for question in questions.values():
        assert "; then" not in question.answer_text() and not question.answer_text().startswith("Because ")


def test_a_what_if_answer_says_what_would_not_happen() -> None:
    questions = _chain_questions()
    assert questions["shade.whatif"].answer_text() == "The canopy would not shelter the seedlings."
    assert questions["frost.whatif"].answer_text() == (
        "Loose gravel would not be formed, a sense of ruin would not follow, and the slope would not slide.")
    assert questions["roots.whatif"].answer_text() == "The field would not contribute to the river's health."
    # 'less water would not reach the roots' says nothing plain: the lost steps are listed instead.
    assert questions["wind.whatif"].answer_text() == (
        "None of what follows from it would happen: less water reaches the roots, and the crop wilts.")


def test_a_what_if_about_a_state_names_the_agent_in_its_role() -> None:
    questions = _chain_questions()
    assert questions["lichen.whatif"].prompt_text() == (
        "What would happen without lichen as a pioneer in the colonising of bare rock?")
    deck = Deck.model_validate({"id": "t", "title": "T", "mechanisms": [
        {"id": "m", "agent": "dry air", "action": "eases dust and raises", "target": "fine sand",
         "effects": ["dunes form"]}]})
    whatif = next(q for q in expand_deck(deck) if q.id == "m.whatif")
    assert whatif.prompt_text() == "What would happen if dry air could not ease dust and raise fine sand?"


def test_a_relation_with_two_objects_in_the_deck_is_asked_as_a_link() -> None:
    deck = Deck.model_validate({"id": "t", "title": "T", "mechanisms": [
        {"id": "a", "agent": "the harvest", "action": "depends on", "target": "spring rain"},
        {"id": "b", "agent": "the harvest", "action": "will depend on", "target": "the soil's depth"},
    ]})
    prompts = {q.id: q.prompt_text() for q in expand_deck(deck) if q.id.endswith(".recall")}
    assert prompts == {
        "a.recall": "What is the link between the harvest and spring rain?",
        "b.recall": "What is the link between the harvest and the soil's depth?",
    }


def test_a_subject_keeps_its_quantifier_and_never_starts_inside_a_phrase() -> None:
    claims = _claims(
        "Each grain of baking soda triggers the release of many bubbles of gas. "
        "A rise in some regional factor (other than rain) causes a larger volume to be stored behind the dam. "
        "Some farmers raise the sluice gates."
    )
    agents = {agent for agent, _, _ in claims}
    assert "each grain of baking soda" in agents, claims
    assert "some farmers" in agents, claims  # 'some' is part of the claim: not every farmer does
    # The subject is 'a rise in some regional factor', not 'regional factor'; and the object is cut
    # before 'to be stored', so the claim would be wrong: none is made.
    assert not any("factor" in agent for agent in agents), claims
    assert not any(target == "a larger volume" for _, _, target in claims), claims


def test_an_aside_before_a_glossary_definition_is_left_out() -> None:
    text = (
        "Frost heave lifts paving stones in cold winters. Frost heave cracks the kerbs.\n\n"
        "### Key Terms\n\n"
        "**frost heave**\n: (also, ground heave) upward swelling of soil when water in it freezes\n"
    )
    prompts = _prompts(text)
    assert "What is the term for an upward swelling of soil when water in it freezes?" in prompts, prompts
    assert not any("(also" in p or "ground heave" in p for p in prompts), prompts


def test_a_glossary_definition_is_asked_in_an_order_that_reads() -> None:
    text = (
        "The keel steadies the hull. The mast holds the sails. The bilge pump clears the hull. "
        "Outriggers steady the canoe. Ballast tanks trim the hull.\n\n"
        "### Key Terms\n\n"
        "**keel**\n: in a sailing boat, the long beam along the bottom that keeps it upright\n\n"
        "**rigging**\n: consists of the ropes and wires that hold up the mast\n\n"
        "**bow**\n: first of the two ends of a ship to meet the waves\n\n"
        "**barnacles**\n: crustaceans fixed to a hull below the waterline\n\n"
        "**plankton**\n: bacteria and algae drifting in the sea\n"
    )
    prompts = _prompts(text)
    assert "What is the term for the long beam along the bottom that keeps it upright, in a sailing boat?" in prompts
    assert "What consists of the ropes and wires that hold up the mast?" in prompts
    assert "What is the term for the first of the two ends of a ship to meet the waves?" in prompts
    assert "What is the term for crustaceans fixed to a hull below the waterline?" in prompts
    assert "What is the term for bacteria and algae drifting in the sea?" in prompts


def test_a_plural_acronym_agrees_and_a_list_item_is_no_subject() -> None:
    claims = _claims(
        "By blocking reuptake, SNRIs strengthen the signal. "
        "The hulls of vessels like barges, ferries, and yachts are protected by antifouling paint."
    )
    assert ("SNRIs", "block", "reuptake") in claims, claims
    assert not any(target == "yachts" for _, _, target in claims), claims


def test_no_statement_from_a_gerund_clause_a_clipped_word_or_a_claim_tied_to_this_way() -> None:
    claims = _claims(
        "Leaks most often result from pipes losing their β-seals under pressure. "
        "Frost can also crack old pipes in this way. "
        "Bacteria produce slime inside the pipes. "
        "Turbines sit in dams converting water pressure to electricity."
    )
    assert not any(agent == "pipes" and "losing" in action for agent, action, _ in claims), claims
    assert not any(target in {"old pipes", "seals"} for _, _, target in claims), claims
    assert ("bacteria", "produce", "slime inside the pipes") in claims, claims  # a Latin plural takes the plural verb
    assert ("dams", "convert", "water pressure to electricity") in claims, claims  # a reduced relative after 'in'


def test_a_second_verb_after_and_ends_the_object() -> None:
    claims = _claims(
        "Kidney tissue absorbs water and forms urine. Intestinal tissue absorbs water and salts from food.")
    assert ("kidney tissue", "absorbs", "water") in claims, claims
    assert ("intestinal tissue", "absorbs", "water and salts") in claims, claims


def test_a_word_capitalised_only_where_a_sentence_starts_is_written_small_in_a_question() -> None:
    text = (
        "**Rennet** stabilizes fresh milk. Whey drains from the curd. Cheese makers owe much to Pasteur. "
        "Rennet also strengthens the curd. "
        "Pasteur heats raw milk. Starter cultures acidify the milk."
    )
    claims = _claims(text)
    assert ("rennet", "stabilizes", "fresh milk") in claims, claims
    prompts = _prompts(text)
    assert not any(re.search(r"\w .*\bRennet\b", p) for p in prompts), prompts
    assert any(agent == "Pasteur" for agent, _, _ in claims), claims  # written capitalised mid-sentence too



def test_an_action_named_as_a_noun_takes_the_before_of_and_a_caused_outcome_agrees() -> None:
    from quizmg.generate.short_answers import term_prompt

    assert term_prompt("growth of a colony of yeast cells") == (
        "What is the term for the growth of a colony of yeast cells?")
    assert term_prompt("selection against seedlings that wilt") == (
        "What is the term for selection against seedlings that wilt?")
    assert term_prompt("type of frost that forms on still nights") == (
        "What is the term for a type of frost that forms on still nights?")
    document = read_document(
        "# Notes\n\nHail may damage young leaves, producing spots called scald. "
        "Frost damages buds, causing a loss of fruit.\n", Path("notes.md"))
    statements = extract_statements(document.sentences, find_terms(document))
    effects = [e for s in statements for e in s.effects]
    assert "spots called scald are produced" in effects, effects
    assert "a loss of fruit follows" in effects, effects


def test_by_doing_belongs_to_the_nearest_verb() -> None:
    document = read_document(
        "# Notes\n\nA clamp binds to the beam at a joint and still manages to block the saw by inducing "
        "a tight pinch.\n", Path("notes.md"))
    statements = extract_statements(document.sentences, find_terms(document))
    # 'by creating a pinch' tells how the clamp blocks the saw, not how it binds to the beam.
    assert not any(s.verb == "induce" and "binds to the beam" in " ".join(s.effects) for s in statements), \
        [(s.text(), s.effects) for s in statements]
    assert any(s.verb == "bind to" for s in statements), [(s.text(), s.effects) for s in statements]


def test_an_object_stops_before_the_subject_of_a_second_clause() -> None:
    claims = _claims("A baker's output depends on flour and a miller's output depends on grain.")
    assert ("a baker's output", "depends on", "flour") in claims, claims
    assert not any("miller" in target for _, _, target in claims), claims


def test_a_clause_before_is_called_is_no_definition() -> None:
    prompts = _prompts(
        "The chart shows the rainfall data in what is called a hyetograph. "
        "The slowest part of a river is called the pool. A hyetograph helps farmers plan."
    )
    assert not any("shows the rainfall" in p or p.endswith(" what?") for p in prompts), prompts
