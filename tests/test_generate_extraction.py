"""Finding key terms and mechanism statements in text, with no parser and no model."""

from __future__ import annotations

from pathlib import Path

import pytest
from blank_support import blank_problem

from quizmg.formats.text import read_text
from quizmg.generate.acronym_expansion import schwartz_hearst
from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex, simplify

DOCUMENTS = Path(__file__).parent / "data" / "documents"


def _read(text: str, name: str = "notes.txt") -> tuple[TermIndex, list[Statement]]:
    document = read_document(text, Path(name))
    terms = find_terms(document)
    return terms, extract_statements(document.sentences, terms)


def _claims(statements: list[Statement]) -> set[tuple[str, str, str]]:
    return {(s.agent, s.action, s.target) for s in statements}


@pytest.mark.parametrize(
    ("words", "acronym", "expansion"),
    [
        ("levels of the N-methyl-D-aspartate", "NMDA", "N-methyl-D-aspartate"),
        ("receptors for gamma-aminobutyric acid", "GABA", "gamma-aminobutyric acid"),
        ("measured with the consumer price index", "CPI", "consumer price index"),
        ("the lazy brown dog", "CPI", None),
        ("energy in the form of adenosine triphosphate", "ATP", "adenosine triphosphate"),
        ("secretion of parathyroid hormone", "PTH", "parathyroid hormone"),
        # prose that holds the letters in order is no expansion
        ("proteins act as “pumps,” using cellular energy", "ATP", None),
        ("the airway at rest, the total pressure", "ATP", None),
        ("active transport pumps using cellular energy", "ATP", None),
    ],
)
def test_acronym_expansions_are_found_letter_by_letter(
    words: str, acronym: str, expansion: str | None
) -> None:
    assert schwartz_hearst(words.split(), acronym) == expansion


def test_acronyms_with_their_head_noun_become_terms_and_synonyms() -> None:
    terms, _ = _read(
        "Caffeine blocks adenosine receptors. Ibuprofen inhibits cyclooxygenase (COX) enzymes. "
        "Aspirin also blocks COX enzymes in platelets."
    )
    cox = terms.get("COX")
    assert cox is not None and cox.expansion == "cyclooxygenase" and "acronym" in cox.kinds
    enzymes = terms.get("COX enzymes")
    assert enzymes is not None and enzymes.group == cox.group
    assert simplify("Ibuprofen inhibits cyclooxygenase (COX) enzymes.") == "Ibuprofen inhibits COX enzymes."


def test_definitions_categories_and_emphasis() -> None:
    terms, _ = _read(
        "---\ntitle: Digestion\n---\n"
        "The pancreas releases lipase, an enzyme that splits dietary fats. "
        "Bile comes from the liver. The hormone **secretin** tells the pancreas to release bicarbonate. "
        "A villus is a tiny finger of gut lining that absorbs nutrients.\n",
        "digestion.md",
    )
    lipase = terms.get("lipase")
    assert lipase is not None and lipase.definition == "an enzyme that splits dietary fats"
    assert lipase.category == "enzyme"
    assert terms.get("secretin") is not None and terms.get("secretin").category == "hormone"
    assert "emphasised" in terms.get("secretin").kinds
    villus = terms.get("villus")
    assert villus is not None and villus.definition == "a tiny finger of gut lining that absorbs nutrients"


def test_recurring_noun_phrases_and_substances() -> None:
    terms, _ = _read(
        "Blood glucose rises after a meal. Thyroxine speeds up metabolism. "
        "Glucagon raises blood glucose between meals. Thyroxine comes from the thyroid. "
        "Exercise lowers blood glucose."
    )
    assert terms.get("blood glucose") is not None and terms.get("blood glucose").count == 3
    assert "substance" in terms.get("thyroxine").kinds  # a chemical-sounding name used twice
    assert terms.get("meal") is None  # a common word is not a key term


def test_a_verb_after_a_subject_pronoun_opens_no_recurring_term() -> None:
    # '[acquires angular momentum]' was a blank: 'it acquires angular momentum' twice made it a phrase of the text.
    terms, _ = _read(
        "A spinning top resists tipping. When a push acts on the top, it gains spin energy at once. "
        "A wheel is like a top. When a push acts on the wheel, it gains spin energy as well. "
        "Spin energy keeps both upright."
    )
    assert terms.get("gains spin energy") is None
    assert terms.get("spin energy") is not None


def test_a_plain_mechanism_with_agent_action_target() -> None:
    _, statements = _read("Caffeine blocks adenosine receptors in the brain.")
    assert _claims(statements) == {("caffeine", "blocks", "adenosine receptors")}


def test_negation_and_hedging_are_kept_in_the_action() -> None:
    _, statements = _read(
        "Paracetamol does not reduce swelling. Green tea may lower blood pressure. "
        "Poor sleep has been linked to weight gain."
    )
    by_agent = {s.agent: s for s in statements}
    assert by_agent["paracetamol"].action == "does not reduce" and by_agent["paracetamol"].negated
    assert by_agent["green tea"].action == "may lower" and by_agent["green tea"].hedged
    assert by_agent["poor sleep"].action == "has been linked to" and by_agent["poor sleep"].hedged


def test_passive_voice_is_turned_around() -> None:
    _, statements = _read("Adenosine receptors are blocked by caffeine.")
    assert _claims(statements) == {("caffeine", "blocks", "adenosine receptors")}


def test_by_doing_x_gives_the_main_clause_as_its_effect() -> None:
    _, statements = _read("By blocking adenosine receptors, caffeine reduces sleepiness.")
    blocking = next(s for s in statements if s.verb == "block")
    assert (blocking.agent, blocking.action, blocking.target) == ("caffeine", "blocks", "adenosine receptors")
    assert blocking.effects == ["caffeine reduces sleepiness"]


def test_effects_follow_a_chain_of_relative_clauses() -> None:
    _, statements = _read("Insulin lowers blood glucose, which reduces thirst, which limits drinking.")
    insulin = next(s for s in statements if s.agent == "insulin")
    assert insulin.effects == ["blood glucose reduces thirst", "thirst limits drinking"]


def test_pronouns_and_a_generic_the_noun_are_never_resolved_by_guessing() -> None:
    # 'It' and 'the mineral' may stand for zinc, or for whatever the reader guesses: a statement built
    # on a guess is dropped, not filled in with the last subject.
    _, statements = _read(
        "Zinc is an essential mineral found in meat. It supports wound healing. "
        "The mineral also stimulates immune cells. They convert iron into ferritin. "
        "This enzyme blocks copper uptake."
    )
    claims = _claims(statements)
    assert not any(target in {"wound healing", "immune cells", "iron into ferritin", "copper uptake"}
                   for _, _, target in claims), claims


def test_two_verbs_share_one_subject_and_two_nouns_make_one_subject() -> None:
    _, statements = _read(
        "Aspirin blocks COX enzymes and inhibits platelets. Roots of willow and aspen stabilise the banks."
    )
    claims = _claims(statements)
    assert ("aspirin", "blocks", "COX enzymes") in claims
    assert ("aspirin", "inhibits", "platelets") in claims
    assert ("roots of willow and aspen", "stabilise", "the banks") in claims


def test_unclear_subjects_are_left_out_rather_than_guessed() -> None:
    # The real subject is 'One of the ways', not 'magnesium': no statement at all is better.
    _, statements = _read("One of the ways the body saves water is that the kidney concentrates urine.")
    assert all(s.agent != "body" for s in statements)
    _, statements = _read("The release of cortisol rises at dawn.")  # 'release' is a noun here
    assert statements == []


def test_statements_of_a_test_document_have_sections_and_lines() -> None:
    path = DOCUMENTS / "wolves-and-rivers.txt"
    document = read_document(read_text(path), path)
    statements = extract_statements(document.sentences, find_terms(document))
    claims = _claims(statements)
    assert ("wolves", "prey on", "elk") in claims
    assert ("beaver dams", "slow", "the flow of water") in claims
    assert ("elk browsing", "suppresses", "the growth of willow shoots") in claims
    slow = next(s for s in statements if s.verb == "slow")
    assert slow.sentence.section == "Beavers and Water" and slow.sentence.line == 13


def test_a_participle_effect_names_its_subject_never_this() -> None:
    """'A inhibits B, blocking C': the effect reads 'A blocks C'; a causal participle names the outcome."""
    _, statements = _read(
        "Nalidixic acid selectively inhibits the activity of bacterial DNA gyrase, blocking DNA replication. "
        "G-proteins activate the second messenger, triggering the cellular response.\n"
    )
    _, more = _read('The **hypothalamus**{: data-type="term"} stimulates vasodilation, resulting in a return of '
                    "blood flow to the skin.\n", "notes.md")
    statements += more
    effects = {s.agent: s.effects for s in statements}
    assert effects["nalidixic acid"] == ["nalidixic acid blocks DNA replication"]
    assert "G-proteins" in effects  # a one-letter prefix keeps its capital
    every = [e for s in statements for e in s.effects]
    assert "the cellular response is triggered" in every
    assert "a return of blood flow to the skin follows" in every  # a movement keeps its path
    assert not [e for e in every if e.split()[0].lower() in {"this", "it", "which"}]


def test_a_singular_agent_keeps_its_article() -> None:
    """'The hypothalamus stimulates ...', 'A catalyst increases ...': never 'Hypothalamus stimulates'."""
    _, statements = _read(
        'The **hypothalamus**{: data-type="term"} stimulates vasodilation in the skin. '
        "A catalyst increases the reaction rate.\n", "notes.md"
    )
    agents = {s.agent for s in statements}
    assert {"the hypothalamus", "a catalyst"} <= agents


def test_contracted_negations_are_negations_and_the_progressive_is_no_participle() -> None:
    _, statements = _read(
        "Paracetamol doesn’t reduce swelling. Calcium ions don't block the channel. "
        "When you have lost teeth, your salivary glands aren’t producing enough saliva. "
        "Mast cells are releasing histamine into the tissue."
    )
    by_agent = {s.agent: s for s in statements}
    assert by_agent["paracetamol"].negated and by_agent["paracetamol"].action == "doesn't reduce"
    assert by_agent["calcium ions"].negated and by_agent["calcium ions"].action == "don't block"
    assert not any("saliva" in s.target for s in statements)  # a moment, not a mechanism
    assert _claims([s for s in statements if s.target == "histamine"]) == {("mast cells", "release", "histamine")}


def test_an_agent_is_as_singular_as_its_head_noun() -> None:
    _, statements = _read("Perfusion is regulated by the diameter of the blood vessels.")
    assert _claims(statements) == {("the diameter of the blood vessels", "regulates", "perfusion")}


def test_a_dash_ends_the_target() -> None:
    _, statements = _read("Ischemia in turn leads to hypoxia—decreased supply of oxygen to the tissues.")
    assert _claims(statements) == {("ischemia", "leads to", "hypoxia")}


def test_a_condition_competes_only_with_conditions() -> None:
    from quizmg.generate.terms import rival_kinds

    assert rival_kinds("ischemia", "hypovolemia") and rival_kinds("hypoxia", "ischemia")
    assert not rival_kinds("ischemia", "sphygmomanometer") and not rival_kinds("ischemia", "pulse")
    assert not rival_kinds("fibrin", "thrombosis") and not rival_kinds("thrombin", "hemophilia")
    assert not rival_kinds("neutrophil", "sphygmomanometer")  # a cell is no instrument
    assert rival_kinds("fibrin", "thrombin") and rival_kinds("neutrophil", "monocyte")


def _blank_problem(text: str, hidden: str) -> str | None:
    return blank_problem(text, hidden, name="blanks.txt")


def test_a_unit_after_a_number_a_general_noun_and_its_everyday_adjective_are_no_blanks() -> None:
    unit = _blank_problem("The kiln held a heat of 1200 degrees Celsius for an hour.", "degrees Celsius")
    assert unit is not None and "unit" in unit
    assert _blank_problem("The separate components of a glaze melt at different heats.", "components")
    assert _blank_problem("The relative magnitudes of the two tides decide the range.", "relative magnitudes")


def test_a_term_followed_by_its_verb_is_a_whole_blank_and_an_acronym_makes_a_phrase_a_term() -> None:
    text = ("The exchange rate tells us how many euros a dollar buys. The exchange rate depends on interest. "
            "Traders watch the exchange rate every hour.")
    assert _blank_problem(text, "exchange rate") is None  # 'tells us' is a verb, not half of a compound
    from quizmg.generate.frequency import is_generic

    assert not is_generic("nominal GDP")
    assert is_generic("other components")


def test_a_describing_word_before_a_term_and_a_plural_terms_verb_leave_the_term_whole() -> None:
    text = ("Glaciers carve cirques into mountainsides. Cirques hold small lakes called tarns. "
            "The glacial cirques fill with snow. Cirques depend on cold winters to keep growing.")
    assert _blank_problem(text.split(". ", 2)[2], "cirques") is None  # 'glacial' describes, it names nothing
    assert _blank_problem("Cirques depend on cold winters to keep growing. Glaciers carve cirques. Cirques hold tarns.",
                          "Cirques") is None  # 'depend on': the verb of a plural subject


def test_a_list_of_means_is_no_chain_of_effects() -> None:
    # 'Ferns contribute ... by promoting X, accelerating Y, and slowing Z' had asked 'How do ferns bring about this
    # outcome: accelerates the formation of topsoil?': the second means was read as an effect with no subject
    _, statements = _read("# Hedges\n\n**Hedges** are rows of shrubs. Hedges protect the fields by blocking the "
                          "wind, trapping the soil, and sheltering birds in winter.\n", "notes.md")
    effects = [effect for s in statements for effect in s.effects]
    assert effects and all(effect.split()[0].lower() in {"hedges", "the", "wind"} for effect in effects), effects
    assert not any(effect.startswith(("traps", "trapping")) for effect in effects), effects


def test_the_subject_of_a_whereby_clause_is_what_follows_whereby() -> None:
    # 'a process whereby nutrient runoff causes ...' had made the agent 'a process whereby nutrient runoff'
    _, statements = _read("# Soil\n\n**Leaching** is a process whereby heavy rain carries minerals deep into the "
                          "ground. Farmers see leaching, a process wherein rainwater removes soluble salts.\n",
                          "notes.md")
    agents = {s.agent.lower() for s in statements}
    assert not any(word in agent for agent in agents for word in ("whereby", "wherein")), agents
    assert "heavy rain" in agents, agents


def test_a_describing_word_before_a_comma_is_no_object() -> None:
    # 'Dehydration produces darker.' and 'Laurel trees produce fragrant leaves and small.' had been stated
    _, statements = _read("# Garden\n\n**Heather** is a shrub. Heather plants produce tough leaves and tiny, "
                          "purple flowers. Drought produces smaller, bitter berries that birds avoid.\n", "notes.md")
    targets = {s.agent.lower(): s.target for s in statements}
    assert targets.get("heather plants") == "tough leaves", targets
    assert "smaller" not in targets.values() and "drought" not in targets, targets


def test_a_second_clause_after_and_is_not_part_of_the_object() -> None:
    # 'catabolic reactions produce energy and anabolic reactions use energy' had been one claim whose object ran
    # on into the second clause, and its false version read '... and catabolic reactions use energy'
    _, statements = _read("# Mills\n\n**Water mills** grind grain. Because water mills produce flour and town bakers "
                          "use flour, the two trades grew side by side.\n", "notes.md")
    targets = {s.agent.lower(): s.target for s in statements}
    assert targets.get("water mills") == "flour", targets
