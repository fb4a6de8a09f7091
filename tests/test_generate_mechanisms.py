"""Mechanisms read from long noun phrases, phrasal verbs and relative clauses, and the questions asked
about their chains: when the parse is not sure there is no mechanism (a cloze on the sentence is better
than a broken why), and an outcome is asked as a noun phrase, never as a clause glued after a colon.

Every text here is written for the test, in the project's own words, in the grammatical shapes that
broke drafts of textbook prose.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.claims import claim_problems
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.templates import expand_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Deck, Mechanism, TrueFalse


def _statements(text: str) -> list[Statement]:
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    return extract_statements(document.sentences, find_terms(document))


def _claims(text: str) -> set[tuple[str, str, str]]:
    return {(s.agent, s.action, s.target) for s in _statements(text)}


def test_a_plural_noun_inside_a_long_noun_phrase_is_no_verb() -> None:
    # 'price cuts', 'rent increases' are nouns: what follows ('argument points out', 'brings about')
    # holds the sentence's real verb, so the first 'verb' was a guess and nothing is stated.
    assert _claims("The moral hazard of price cuts argument points out that sellers lose trust when they "
                   "lower prices, and buyers wait.") == set()
    assert _claims("The adverse selection of rent increases argument brings about a change in policy.") == set()
    # Two verbs in a row with nothing between them: one of them is a noun.
    assert not any(agent.endswith("of wage") for agent, _, _ in _claims(
        "The history of wage cuts proves bargaining weakens workers."))
    # A phrasal verb of its own stays a mechanism.
    assert ("bile salts", "break down", "fats into droplets") in _claims("Bile salts break down fats into droplets.")


def test_a_verb_form_after_a_describing_word_is_a_noun_and_who_opens_a_clause() -> None:
    # 'academic support', 'perceived control': after a describing word the verb form is a noun, and
    # the words after 'who' hold the relative clause's own verb: no half-clause subject.
    claims = _claims("Students who report higher levels of academic support view their grades as fair. "
                     "Workers who feel perceived control rate their jobs highly. "
                     "Friends are a vital source of emotional support.")
    assert claims == {("friends", "are a vital source of", "emotional support")}


def test_an_object_never_ends_on_a_describing_word_and_a_list_runs_to_its_preposition() -> None:
    assert _claims("Burns cause painful and sometimes lasting scars in the skin.") == set()
    statements = _statements(
        "Loss of thyroid function causes lowered metabolic activity that needs normal hormone levels, "
        "causing signs and symptoms throughout the body.")
    assert statements[0].effects == ["signs and symptoms throughout the body follow"]
    # 'relative [to ...]' needs what the sentence goes on to say.
    assert not any(e.endswith("relative") for s in _statements(
        "Each antenna interacts with incoming radio waves differently, depending on the signal's source "
        "relative to the mast.") for e in s.effects)


def test_the_readers_own_organ_is_the_organ() -> None:
    assert ("the digestive system", "converts", "starch into simple sugars") in _claims(
        "Our digestive system converts starch into simple sugars.")


CAUSES = [
    {"id": "noise", "agent": "chronic noise", "action": "results in", "target": "damage to hair cells",
     "effects": ["damage to hair cells can lead to deafness"]},
    {"id": "thyroid", "agent": "loss of thyroid function", "action": "causes", "target": "slow metabolism",
     "effects": ["fatigue and weight gain follow"]},
    {"id": "liver", "agent": "liver failure", "action": "reduces", "target": "albumin output",
     "effects": ["lower albumin levels decrease blood viscosity"]},
    {"id": "signal", "agent": "calcium", "action": "triggers", "target": "transmitter release",
     "effects": ["the postsynaptic response is triggered"]},
]


def test_a_why_asks_for_an_outcome_as_a_noun_phrase_never_a_clause() -> None:
    questions = {q.id: q for q in expand_deck(Deck.model_validate({"id": "t", "title": "T", "mechanisms": CAUSES}))}
    assert questions["noise.why"].prompt_text() == "How can chronic noise lead to deafness?"
    assert questions["noise.why"].answer_text() == (
        "Chronic noise results in damage to hair cells, which can lead to deafness.")
    assert questions["thyroid.why"].prompt_text() == (
        "How does loss of thyroid function lead to fatigue and weight gain?")
    assert questions["liver.why"].prompt_text() == "How does liver failure lead to a decrease in blood viscosity?"
    assert questions["signal.why"].prompt_text() == "How does calcium lead to the postsynaptic response?"
    for question in questions.values():
        assert "this outcome:" not in question.prompt_text()
    # A bare cause is no deed a learner can picture blocked: 'could not result in' is never asked.
    assert "noise.whatif" not in questions and "thyroid.whatif" not in questions
    assert questions["signal.whatif"].prompt_text() == (
        "What would happen if calcium could not trigger transmitter release?")


def test_a_chain_from_prose_is_asked_about_its_outcome() -> None:
    draft = draft_deck("# Notes\n\nSevere burns cause fluid loss that can lead to shock. Shock needs urgent care.\n",
                       Path("notes.md"), keep_all=True)
    prompts = {q.prompt_text() for q in bank_from_deck(draft.deck).questions}
    assert "How can severe burns lead to shock?" in prompts
    assert not any("this outcome" in p or p.startswith("What would happen if severe burns") for p in prompts)


def test_a_definition_never_stops_inside_a_noun_phrase_at_a_comma() -> None:
    document = read_document(
        "# Notes\n\nEczema is a skin condition that causes dry patches of rough, red skin on the arms. "
        "Eczema often starts in childhood. Brass is an alloy, a mixture of copper, zinc, and tin. "
        "The keel, a beam along the bottom of the hull, holds the ship together.\n", Path("notes.md"))
    terms = find_terms(document)
    eczema, brass, keel = terms.get("eczema"), terms.get("brass"), terms.get("keel")
    assert eczema is None or not eczema.definition
    assert brass is None or not brass.definition
    assert keel is not None and keel.definition == "a beam along the bottom of the hull"


def test_a_hedged_claim_makes_no_true_statement() -> None:
    mechanism = Mechanism(id="m", agent="the antibody", action="may cause", target="mixed symptoms")
    question = TrueFalse(statement="The antibody may cause mixed symptoms.", answer=True, id="m.true")
    assert [p for p in claim_problems(question, mechanism, "true", []) if p.startswith("a hedged claim")]
    plain = Mechanism(id="p", agent="the antibody", action="blocks", target="the receptor")
    plain_question = TrueFalse(statement="The antibody blocks the receptor.", answer=True)
    assert claim_problems(plain_question, plain, "true", []) == []


def test_an_agent_named_for_its_own_action_states_nothing() -> None:
    assert _claims("Absorption absorbs the breakdown products of starch. Secretion secretes mucus.") == set()
    assert _claims("Gastrin stimulates acid secretion.") == {
        ("gastrin", "stimulates", "acid secretion")}  # an agent that is no name of its verb stays


def test_a_true_statement_from_a_sentence_stands_on_its_own() -> None:
    from quizmg.generate.statement import standalone

    assert standalone("Finally, the exchange rate also depends on interest rates; for example, it rose in May.") == (
        "The exchange rate depends on interest rates.")
    assert standalone("In addition, pH-sensitive dyes change colour.") == "pH-sensitive dyes change colour."
    # 'also called' names the thing: it stays.
    assert standalone("Quinine, also called the bark drug, blocks heme detoxification.") == (
        "Quinine, also called the bark drug, blocks heme detoxification.")
    text = ("# Notes\n\nThe pancreas releases insulin after a meal. Insulin lowers blood glucose by moving glucose "
            "into muscle cells. Glycogen is a branched polymer of glucose stored in the liver. Finally, cortisol also "
            "promotes gluconeogenesis during fasting; for instance, overnight. Moreover, adrenaline also triggers "
            "glycogen breakdown in muscle; for example, during a sprint.\n")
    # Only true/false asked: in a full deck the link question of the same claim stands in for it.
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=100, kinds={"truefalse"})
    statements = [q.statement for q in bank_from_deck(draft.deck).questions if isinstance(q, TrueFalse)]
    assert any(s.startswith("Adrenaline triggers glycogen breakdown") for s in statements), statements
    assert not any(s.startswith(("Finally", "Moreover")) or " also " in s or "for " in s for s in statements)


def test_a_glossary_definition_takes_the_article_its_head_noun_needs() -> None:
    from quizmg.generate.short_answers import term_prompt

    # A noun in -ance/-ence that counts things takes 'a'; an adverb before a participle is no head noun.
    assert term_prompt("oily substance that coats feathers") == (
        "What is the term for an oily substance that coats feathers?")
    assert term_prompt("difference in pressure across a membrane") == (
        "What is the term for a difference in pressure across a membrane?")
    assert term_prompt("abnormally raised blood levels of potassium") == (
        "What is the term for abnormally raised blood levels of potassium?")
    assert term_prompt("resistance of a wire to current") == "What is the term for the resistance of a wire to current?"


def test_an_object_needs_what_restricts_it_and_a_comma_between_describing_words_cuts_it() -> None:
    # 'a steady, productive day': the object ran on past the comma.
    assert not any(t.endswith("steady") for _, _, t in _claims(
        "Regular sleep leads to a calmer mood and a steady, productive day."))
    # 'results in seeds [that are dormant]': a bare noun says too little without its relative clause.
    assert _claims("Drying may result in seeds that are dormant or dead.") == set()
    assert ("chronic stress", "produces", "high cortisol levels") in _claims(
        "Chronic stress produces high cortisol levels that may lead to weight gain.")
    # After 'in', a noun and a participle are a subject only with their article ('in the cells making X').
    assert _claims("Children with dyslexia engage in slow reading behavior that tires them.") == set()
    assert ("enzymatic pathways", "convert", "tryptophan to niacin") in _claims(
        "Zinc is a cofactor in enzymatic pathways converting tryptophan to niacin.")  # a plural needs none


def test_a_remark_with_of_which_is_no_definition() -> None:
    document = read_document("# Notes\n\nMost plants hold **junk DNA**, the origin of which is unclear. Junk DNA is "
                             "copied with the rest of the genome.\n", Path("notes.md"))
    junk = find_terms(document).get("junk DNA")
    assert junk is None or not junk.definition


def test_an_abbreviated_genus_and_a_species_name_are_one_agent() -> None:
    claims = _claims("Leaf rot is caused by the mould B. cinerea in damp stores. "
                     "Mucor ramosans damages stored grain in damp barns.")
    assert ("the mould B. cinerea", "causes", "leaf rot") in claims, claims
    # A genus and its epithet name one organism: the verb is singular whatever the epithet's ending.
    assert ("mucor ramosans", "damages", "stored grain") in {(a.lower(), v, t) for a, v, t in claims}, claims


def test_a_claim_whose_target_is_named_after_its_agent_teaches_nothing() -> None:
    claims = _claims("The parasite Fernoplasma ovis causes fernoplasmosis in sheep. "
                     "Stem cells produce blood cells in the marrow.")
    assert not any("fernoplasmosis" in target for _, _, target in claims), claims
    assert ("stem cells", "produce", "blood cells") in claims, claims  # the same word on both sides stays


def test_a_claim_inside_a_clause_of_condition_or_time_is_not_stated_alone() -> None:
    assert _claims("Swelling begins when mast cells release histamine into the tissue.") == set()
    assert _claims("Mast cells release histamine into the tissue when they are damaged.") == {
        ("mast cells", "release", "histamine")}


def test_a_compound_adjective_is_no_agent() -> None:
    assert not any(agent.startswith("life-") for agent, _, _ in _claims(
        "These stages can be either mild or life-threatening depending on the age of the patient."))


def test_a_denial_or_a_hypothetical_is_never_asked_what_it_does() -> None:
    deck = Deck(id="resin", title="Resin", mechanisms=[
        Mechanism(id="resin", agent="the cold resin", action="would not harden", target="the joint",
                  tags=["generated"]),
        Mechanism(id="glue", agent="warm glue", action="hardens", target="the joint", tags=["generated"])])
    prompts = {q.prompt_text() for q in expand_deck(deck)}
    assert "What does warm glue do to the joint?" in prompts
    assert not any("the cold resin do" in prompt for prompt in prompts), prompts


def test_a_capital_letter_that_is_a_name_keeps_its_capital() -> None:
    claims = _claims("B cells produce antibodies against the invading germs.")
    assert ("B cells", "produce", "antibodies") in claims, claims


def test_the_x_right_after_a_sentence_that_brought_in_x_is_not_stated_alone() -> None:
    term = '{: data-type="term"}'
    claims = _claims(f"The river crab hides under stones but uses **gill rakers**{term} to sift its food. "
                     "The gill rakers trap small algae from the water.")
    assert not any(agent == "the gill rakers" for agent, _, _ in claims), claims
    # Named before with 'the' too, it is the same one both times: the claim stands alone.
    claims = _claims(f"The **gill rakers**{term} of the river crab sit behind its mouth. "
                     "The gill rakers trap small algae from the water.")
    assert ("the gill rakers", "trap", "small algae") in claims, claims


def test_a_word_that_stands_for_others_or_a_question_inside_the_sentence_is_no_agent() -> None:
    claims = _claims("Some mills grind wheat into flour. Others grind maize into meal for the farms.")
    assert not any(agent.lower() == "others" for agent, _, _ in claims), claims
    claims = _claims("Two tests help in deciding which seeds will produce strong plants in the dry season.")
    assert not any(agent == "seeds" for agent, _, _ in claims), claims


def test_a_relation_with_an_and_on_either_side_is_asked_from_its_agent() -> None:
    deck = Deck(id="glands", title="Glands", mechanisms=[
        Mechanism(id="pair", agent="the kidneys and lungs", action="produce", target="waste gases",
                  tags=["generated"]),
        Mechanism(id="lead", agent="long droughts", action="can lead to", target="crop failure and hunger",
                  tags=["generated"])])
    prompts = {q.prompt_text() for q in expand_deck(deck)}
    assert "What do the kidneys and lungs produce?" in prompts, prompts
    assert "What can long droughts lead to?" in prompts, prompts
    assert not any(prompt.startswith("What is the link between") for prompt in prompts), prompts


def test_a_direction_word_after_a_possessive_describes_a_noun_and_states_nothing() -> None:
    # 'Mercury's lower layers' are layers, not Mercury lowering them: no mechanism, so no false statement
    # 'Mercury's raise layers ...'.
    assert _claims("Ultraviolet's lower frequencies pass through thin clouds.") == set()
    assert _claims("Mercury’s lower layers reach the core.") == set()
    # A possessive's noun can still be the agent of a verb after it.
    assert ("everest's higher slopes", "lower", "the air pressure") in _claims(
        "Everest's higher slopes lower the air pressure.")


def test_a_target_cut_inside_a_number_is_no_statement() -> None:
    # The phrase reader stops at a point or a comma, so '1.5 degrees' became '1' and '2 to 3' became '2': a
    # claim about another figure than the text's. A whole figure still ends a target.
    for text in ("Exercise produces a rise of about 1.5 degrees in body heat.",
                 "Exercise produces a rise of 2 to 3 degrees in body heat.",
                 "Smoking causes 480,000 deaths in a year.",
                 "Testing the sample results in a reading of 4 or 5 on the scale."):
        assert not any(target[-1:].isdigit() for _, _, target in _claims(text)), text
    assert _claims("Exercise produces a rise of 2 degrees in body heat.") == {
        ("exercise", "produces", "a rise of 2 degrees")}


def test_an_abbreviation_with_an_ampersand_stays_whole() -> None:
    # 'R&D' was read as 'R' and 'D', and the statement said 'Tax credits encourage R D spending'.
    assert _claims("Tax credits encourage R&D spending by small firms.") == {
        ("tax credits", "encourage", "R&D spending")}


def test_numbers_and_abbreviations_keep_their_points_and_signs() -> None:
    # '5%' was read as '5', 'U.S.' as 'U', '1.5' as '1': the statement lost the figure or the name.
    assert _claims("Higher taxes cause a 5% fall in spending.") == {("higher taxes", "cause", "a 5% fall in spending")}
    assert _claims("Tariffs raise U.S. prices for steel.") == {("tariffs", "raise", "U.S. prices")}
    assert _claims("Exercise produces a rise of about 1.5 degrees in body heat.") == {
        ("exercise", "produces", "a rise of about 1.5 degrees")}


def test_no_statement_from_a_sentence_that_reads_a_figure() -> None:
    # 'In part (a), a smaller force causes ...' and 'the process shown in the figure produces ...' hold only of
    # what the figure shows; the statement read from them ('A smaller force causes a smaller acceleration',
    # 'the process shown produces x rays') is false or about nothing.
    assert _claims("Friction slows moving objects on rough ground.") == {("friction", "slows", "moving objects")}
    assert _claims("In part (b), friction slows moving objects on rough ground.") == set()
    assert _claims("Friction slows moving objects on rough ground, as the figure shows.") == set()
    assert _claims("In the top panel, friction slows moving objects on rough ground.") == set()


def test_a_target_that_only_counts_what_it_does_not_name_is_no_statement() -> None:
    # 'Maximum velocity depends on three factors: ...' and 'double bonds lead to important differences' name the
    # factors and the differences after the colon or in another sentence: the statement alone says nothing.
    assert _claims("Wind speed depends on three factors: air pressure, heat and the turning of the planet.") == set()
    assert _claims("Adding salt causes important differences in boiling.") == set()
    assert _claims("Adding salt causes several changes to the water.") == set()
    assert _claims("Wind speed depends on air pressure.") == {("wind speed", "depends on", "air pressure")}


def test_an_agent_owned_by_a_pronoun_is_no_statement() -> None:
    # '..., but its short half-life limits thyroid exposure' was stated as 'Short half-life limits ...': the
    # claim is about one isotope's half-life, and without its owner it says something else.
    assert _claims("This salt is costly, but its low melting point limits energy use.") == set()
    assert _claims("The old pump is slow, but its wide pipe limits blockages.") == set()
    # 'their' of a plural subject: the claim holds of the kind ('thick skins block water loss').
    cacti = _claims("Cacti survive droughts because their thick skins block water loss.")
    assert ("thick skins", "block", "water loss") in cacti
    # ... unless the owned thing is something done to them: whose destruction, the clause before says.
    assert _claims("Skin cells divide quickly, and their destruction causes sores.") == set()
    assert _claims("A low melting point limits energy use.") == {("a low melting point", "limits", "energy use")}


def test_a_target_that_runs_into_the_next_verb_was_a_subject() -> None:
    # 'a plant producing a quantity of 5 has the same costs' was read as 'a plant produces a quantity of 5 has the
    # same costs': the words before 'has' are the subject of the sentence's own verb, not an object.
    assert not any(" has " in target for _, _, target in _claims(
        "A small bakery producing a batch of 40 loaves has the same costs as a big one."))


def test_a_comparative_that_is_also_a_verb_describes_the_subject() -> None:
    # 'lower' is a verb too, so 'A lower price raises ...' had a verb inside its subject and stated nothing.
    assert _claims("A lower price raises the quantity demanded.") == {
        ("a lower price", "raises", "the quantity demanded")}
    assert _claims("Lower interest rates encourage borrowing.") == {("lower interest rates", "encourage", "borrowing")}


def test_a_place_in_a_list_with_nothing_of_its_own_is_no_target() -> None:
    # 'Contractility decreases the second variable.' had been asked as true or false
    assert _claims("Two things set a kiln's heat: fuel and draught. Wet fuel lowers the second factor.") == set()
    assert ("cold", "slows", "the final step in drying paint") in _claims("Cold slows the final step in drying paint.")
