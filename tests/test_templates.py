"""Mechanism templates: deterministic expansion, overrides and switches."""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck, load_bank
from quizmg.generate.templates import expand_deck
from quizmg.model import Cloze, Deck, MultipleChoice, Order, TrueFalse

MECHANISMS = [
    {
        "id": "block",
        "agent": "magnesium",
        "action": "blocks",
        "target": "NMDA receptors",
        "target_is": "glutamate-gated ion channels",
        "key_term": "NMDA",
        "effects": ["less calcium enters", "neurons fire less", "the mind calms"],
        "explanation": "A shared note.",
    },
    {"id": "enhance", "agent": "magnesium", "action": "enhances", "target": "GABA receptors"},
    {"id": "also-block", "agent": "magnesium", "action": "blocks", "target": "calcium channels"},
    {"id": "other", "agent": "caffeine", "action": "antagonises", "target": "adenosine receptors"},
]


def deck(**changes: object) -> Deck:
    return Deck.model_validate({"id": "t", "title": "T", "mechanisms": MECHANISMS, **changes})


def test_expansion_is_deterministic_with_stable_ids() -> None:
    first = [q.model_dump() for q in expand_deck(deck())]
    second = [q.model_dump() for q in expand_deck(deck())]
    assert first == second
    ids = [q["id"] for q in first if q["mechanism"] == "block"]
    assert ids == [f"block.{name}" for name in
                   ("recall", "what", "target", "true", "false", "order", "cloze", "why", "whatif")]


def test_each_template_reads_as_intended() -> None:
    questions = {q.id: q for q in expand_deck(deck())}
    assert questions["block.recall"].prompt_text() == "What does magnesium do to NMDA receptors?"
    assert questions["block.recall"].answer_text().startswith("Magnesium blocks NMDA receptors.")
    assert questions["block.what"].answer_text() == "Glutamate-gated ion channels."
    true = questions["block.true"]
    assert isinstance(true, TrueFalse) and true.answer and true.statement == "Magnesium blocks NMDA receptors."
    false = questions["block.false"]
    assert isinstance(false, TrueFalse) and not false.answer
    # a wrong target, never one the agent also acts on in the same way (calcium channels)
    assert false.statement in {"Magnesium blocks GABA receptors.", "Magnesium blocks adenosine receptors."}
    order = questions["block.order"]
    assert isinstance(order, Order) and order.items == ["Less calcium enters", "Neurons fire less", "The mind calms"]
    cloze = questions["block.cloze"]
    assert isinstance(cloze, Cloze)
    assert cloze.text == "Magnesium blocks {{c1::NMDA}} receptors, that is, glutamate-gated ion channels."
    assert "A shared note." in questions["block.recall"].explanation


def test_target_choices_never_include_a_target_that_would_also_be_right() -> None:
    question = next(q for q in expand_deck(deck()) if q.id == "block.target")
    assert isinstance(question, MultipleChoice)
    texts = [c.text for c in question.choices]
    assert texts[0] == "NMDA receptors" and question.choices[0].correct
    # magnesium also blocks calcium channels, so that target must not be offered as wrong
    assert "Calcium channels" not in texts
    assert "GABA receptors" in texts and len(texts) <= 4


def test_a_written_question_with_a_generated_id_replaces_it() -> None:
    override = {"id": "block.recall", "kind": "basic", "prompt": "Mine?", "answer": "Yes", "explanation": "e"}
    questions = expand_deck(deck(questions=[override]))
    matching = [q for q in questions if q.id == "block.recall"]
    assert len(matching) == 1 and matching[0].prompt_text() == "Mine?"


def test_skip_switches_a_template_off() -> None:
    mechanisms = [{**MECHANISMS[0], "skip": ["false", "order"]}, *MECHANISMS[1:]]
    ids = {q.id for q in expand_deck(deck(mechanisms=mechanisms))}
    assert "block.false" not in ids and "block.order" not in ids and "block.recall" in ids


def test_templates_needing_more_material_are_left_out() -> None:
    lone = Deck.model_validate(
        {"id": "t", "title": "T", "mechanisms": [{"id": "m", "agent": "a", "action": "acts on", "target": "b"}]}
    )
    ids = {q.id for q in expand_deck(lone)}
    assert ids == {"m.recall", "m.true", "m.cloze"}


def test_generated_questions_flow_into_cards(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    generated = [q for q in bank.questions if q.mechanism]
    assert len(generated) == 13  # the sample deck switches the chain templates off (skip)
    assert {card.question_id for card in bank.cards()} >= {q.id for q in generated}
    assert bank_from_deck(bank.deck).questions == bank.questions


def test_false_statement_falls_back_to_swapping_the_action() -> None:
    mechanisms = [
        {"id": "a", "agent": "x", "action": "blocks", "target": "one"},
        {"id": "b", "agent": "x", "action": "blocks", "target": "two"},
    ]
    lone = Deck.model_validate({"id": "t", "title": "T", "mechanisms": mechanisms})
    assert not any(q.id == "a.false" for q in expand_deck(lone))  # both targets would be true
    mechanisms.append({"id": "c", "agent": "x", "action": "enhances", "target": "one"})
    swapped = Deck.model_validate({"id": "t", "title": "T", "mechanisms": mechanisms})
    false = next(q for q in expand_deck(swapped) if q.id == "b.false")
    assert false.prompt_text() in {"X enhances two."}


def test_recall_asks_for_the_link_when_the_action_is_a_relation() -> None:
    mechanism = {"id": "m", "agent": "magnesium", "action": "is a cofactor in", "target": "melatonin synthesis"}
    lone = Deck.model_validate({"id": "t", "title": "T", "mechanisms": [mechanism]})
    recall = next(q for q in expand_deck(lone) if q.id == "m.recall")
    assert recall.prompt_text() == "What is the link between magnesium and melatonin synthesis?"
    assert recall.answer_text() == "Magnesium is a cofactor in melatonin synthesis."


def test_recall_agrees_with_a_plural_agent() -> None:
    mechanisms = [
        {"id": "p", "agent": "NSAIDs", "action": "block", "target": "COX enzymes"},
        {"id": "s", "agent": "aspirin", "action": "blocks", "target": "platelets"},
        {"id": "x", "agent": "the ligand", "action": "crosses", "target": "the membrane"},
        {"id": "y", "agent": "the drugs", "action": "cross", "target": "the barrier"},
    ]
    deck = Deck.model_validate({"id": "t", "title": "T", "mechanisms": mechanisms})
    prompts = {q.id: q.prompt_text() for q in expand_deck(deck) if q.id.endswith(".recall")}
    assert prompts == {
        "p.recall": "What do NSAIDs do to COX enzymes?",
        "s.recall": "What does aspirin do to platelets?",
        "x.recall": "What does the ligand do to the membrane?",
        "y.recall": "What do the drugs do to the barrier?",
    }


CHAIN = [
    {"id": "block", "agent": "magnesium", "action": "blocks", "target": "calcium channels",
     "effects": ["less calcium enters the muscle cell", "the fibres contract less", "muscle tension eases"]},
    {"id": "sleep", "agent": "darkness", "action": "supports", "target": "melatonin synthesis",
     "effects": ["melatonin levels rise", "sleep comes sooner"]},
    {"id": "gaba", "agent": "benzodiazepines", "action": "enhance", "target": "GABA receptors",
     "effects": ["inhibitory signals grow stronger"]},
    {"id": "same-agent", "agent": "magnesium", "action": "calms", "target": "cortical neurons",
     "effects": ["night-time firing drops", "deep sleep lasts"]},
]


def test_why_and_what_if_ask_about_the_chain_without_showing_it() -> None:
    questions = {q.id: q for q in expand_deck(Deck.model_validate({"id": "t", "title": "T", "mechanisms": CHAIN}))}
    why = questions["block.why"]
    assert why.prompt_text() == "How does magnesium bring about this outcome: muscle tension eases?"
    assert why.answer_text() == (
        "Magnesium blocks calcium channels. As a result, less calcium enters the muscle cell, "
        "then the fibres contract less, and finally muscle tension eases."
    )
    whatif = questions["block.whatif"]
    assert whatif.prompt_text() == "What would happen if magnesium could not block calcium channels?"
    assert "the fibres contract less" in whatif.answer_text()
    for question in (why, whatif):
        assert "the fibres contract less" not in question.prompt_text()


def test_which_is_not_an_effect_takes_an_unrelated_effect_of_the_same_deck() -> None:
    questions = {q.id: q for q in expand_deck(Deck.model_validate({"id": "t", "title": "T", "mechanisms": CHAIN}))}
    question = questions["block.not"]
    assert isinstance(question, MultipleChoice)
    assert question.prompt == "Magnesium blocks calcium channels. Which of these is NOT one of its effects?"
    right = [c.text for c in question.choices if c.correct]
    wrong = {c.text for c in question.choices if not c.correct}
    assert wrong == {"Less calcium enters the muscle cell", "The fibres contract less", "Muscle tension eases"}
    # An early step of another agent's chain; never a chain's last step (outcomes are shared), never
    # the same agent's (magnesium's chains all end in calm).
    assert right == ["Melatonin levels rise"]
    # An effect that shares a word with this chain (here 'calcium') could be one of its effects too.
    sharing = [CHAIN[0], {"id": "x", "agent": "zinc", "action": "raises", "target": "calcium stores",
                          "effects": ["calcium stores fill", "the stores swell"]}]
    ids = {q.id for q in expand_deck(Deck.model_validate({"id": "t", "title": "T", "mechanisms": sharing}))}
    assert "block.not" not in ids


def test_a_two_step_chain_gets_the_pathway_ordering() -> None:
    questions = {q.id: q for q in expand_deck(Deck.model_validate({"id": "t", "title": "T", "mechanisms": CHAIN}))}
    pathway = questions["sleep.pathway"]
    assert isinstance(pathway, Order)
    assert pathway.items == ["Darkness supports melatonin synthesis", "Melatonin levels rise", "Sleep comes sooner"]
    assert "block.pathway" not in questions and "block.order" in questions  # three effects: order instead
    assert "gaba.not" not in questions and "gaba.pathway" not in questions  # one effect: too short a chain
    assert "gaba.why" in questions


def test_why_asks_how_when_the_outcome_is_the_agents_own_doing_and_whatif_names_the_step() -> None:
    deck = Deck.model_validate({"id": "t", "title": "T", "mechanisms": [
        {"id": "pth", "agent": "PTH", "action": "converts", "target": "vitamin D into calcitriol",
         "effects": ["PTH increases the absorption of dietary calcium"]},
        {"id": "policy", "agent": "expansionary monetary policy", "action": "will reduce",
         "target": "interest rates", "effects": ["borrowing rises"]},
        {"id": "drugs", "agent": "sulfonamides", "action": "inhibit", "target": "folic acid synthesis",
         "effects": ["sulfonamides can stop bacterial growth"]},
        {"id": "anemia", "agent": "chloramphenicol", "action": "causes", "target": "anemia"},
    ]})
    questions = {q.id: q for q in expand_deck(deck)}
    assert questions["pth.why"].prompt_text() == "How does PTH increase the absorption of dietary calcium?"
    assert questions["pth.whatif"].prompt_text() == (
        "What would happen if PTH could not convert vitamin D into calcitriol?")
    assert questions["policy.why"].prompt_text() == (
        "How does expansionary monetary policy bring about this outcome: borrowing rises?")
    assert questions["policy.whatif"].prompt_text() == (
        "What would happen if expansionary monetary policy could not reduce interest rates?")
    assert questions["drugs.why"].prompt_text() == "How can sulfonamides stop bacterial growth?"
    assert questions["policy.whatif"].answer_text() == "Borrowing would not rise."
    # An outcome is no thing acted upon: "What does chloramphenicol do to anemia?" would not make sense.
    assert questions["anemia.recall"].prompt_text() == "What is the link between chloramphenicol and anemia?"


def test_recall_asks_about_the_object_its_agent_in_its_number_and_induced_outcomes_as_links() -> None:
    deck = Deck.model_validate({"id": "t", "title": "T", "mechanisms": [
        {"id": "maltase", "agent": "maltase", "action": "breaks down",
         "target": "maltose and maltotriose into two and three glucose molecules"},
        {"id": "diameter", "agent": "the diameter of the blood vessels", "action": "regulates",
         "target": "perfusion"},
        {"id": "nk", "agent": "NK cells", "action": "can induce", "target": "apoptosis"},
    ]})
    questions = {q.id: q for q in expand_deck(deck)}
    assert questions["maltase.recall"].prompt_text() == "What does maltase do to maltose and maltotriose?"
    assert "into two and three glucose molecules" in questions["maltase.recall"].answer_text()
    assert questions["diameter.recall"].prompt_text() == (
        "What does the diameter of the blood vessels do to perfusion?")
    assert questions["nk.recall"].prompt_text() == "What is the link between NK cells and apoptosis?"
