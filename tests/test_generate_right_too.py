"""`quizmg generate`: a wrong choice must be wrong, a true/false statement must test something.

Each text is written for these tests in the project's own words. The classes:

- another name the text gives for the answer ('X, also referred to as Y or Z'; 'The last step is the Y
  step') is a second right answer, not a wrong choice;
- a phrase that picks a thing out by its place ('the final stage') is a description, not a rival name;
- a class the text puts the answer in ('the river-works technique of dredging', 'a popular form of Y
  is X') is right too wherever the answer is;
- a 'wrong' object that the claim's own sentence names beside the right one is most likely right too;
- a true/false statement about a whole class ('X can cause infections'), one whose name lost its
  letters ('the fungus P'), or a hypothetical or denial ('would not') tests nothing.
"""

from __future__ import annotations

from pathlib import Path

from drafting import drafter as _drafter
from drafting import term

from quizmg.generate.claims import claim_problems, lone_letter
from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.model import Choice, Mechanism, MultipleChoice, TrueFalse

SHIPS = f"""---
title: "Loading a Ship"
---

The weight of the fuel is the {term("fuel load")}, and the weight of the goods is the {term("cargo load")}.
The sum of the fuel load and the cargo load is the {term("gross load")}, also referred to as the \
{term("total load")} or {term("full load")}.
The {term("ballast load")} is water pumped into tanks low in the hull to steady an empty ship.
A harbour master checks the total load before a ship may leave the quay.
The full load decides how deep the hull sits in the water of the harbour.
A captain lowers the ballast load as the cargo load grows during loading.
"""


def test_another_name_the_text_gives_is_never_a_wrong_choice() -> None:
    drafter, terms = _drafter(SHIPS)
    names = {"gross load", "total load", "full load"}
    for name in names:
        wrong = set(drafter.distractors(terms.get(name), count=6))  # type: ignore[attr-defined]
        assert not wrong & names, (name, wrong)
    # The other loads are still rivals.
    rivals = set(drafter.distractors(terms.get("gross load"), count=6))  # type: ignore[attr-defined]
    assert rivals and rivals <= {"fuel load", "cargo load", "ballast load"}, rivals


VALLEYS = f"""---
title: "How a Valley Ages"
---

A young river cuts a steep valley in the {term("youth stage")}, when it flows fast over rock.
Later the river swings from side to side in the {term("meander stage")}, and its valley widens.
The closing stage is the {term("delta stage")}.
In the delta stage the river drops its mud where it meets the sea.
The youth stage, the meander stage, and the delta stage each leave their own landforms.
Before the delta stage, the {term("final stage")} of a river's life, the valley floor is already wide.
"""


def test_a_stage_named_by_its_place_or_given_as_another_name_is_no_rival_stage() -> None:
    drafter, terms = _drafter(VALLEYS)
    for name in ("youth stage", "meander stage", "delta stage"):
        wrong = set(drafter.distractors(terms.get(name), count=6))  # type: ignore[attr-defined]
        assert "final stage" not in wrong and "closing stage" not in wrong, (name, wrong)
    assert set(drafter.distractors(terms.get("youth stage"), count=6)) == {"meander stage", "delta stage"}  # type: ignore[attr-defined]
    # 'The closing stage is the delta stage.' says they are one stage.
    assert "delta stage" in drafter.peers.renamed.get("closing stage", set()) or terms.get("closing stage") is None  # type: ignore[attr-defined]


HARBOURS = f"""---
title: "Keeping a Harbour Open"
---

{term("River works")} change the shape of a river so that ships can pass.
Old charts show the river works technique of {term("channel dredging")} in use two centuries ago.
A popular form of channel dredging is {term("suction dredging")}, which pumps mud off the river bed.
Two older river works methods are {term("bank armoring")} and {term("weir building")}.
Bank armoring, weir building, and channel dredging each change how the river floods.
Suction dredging, bank armoring, and weir building all cost the harbour board money every year.
"""


def test_a_class_the_text_puts_the_answer_in_is_right_too() -> None:
    drafter, terms = _drafter(HARBOURS)
    assert "river works" not in {w.lower() for w in drafter.distractors(terms.get("channel dredging"), count=6)}  # type: ignore[attr-defined]
    # 'A popular form of channel dredging is suction dredging': each is right where the other is asked.
    assert "channel dredging" not in drafter.distractors(terms.get("suction dredging"), count=6)  # type: ignore[attr-defined]
    assert "suction dredging" not in drafter.distractors(terms.get("channel dredging"), count=6)  # type: ignore[attr-defined]
    assert "bank armoring" in drafter.distractors(terms.get("channel dredging"), count=6)  # type: ignore[attr-defined]


def _statements(text: str) -> list:
    document = read_document(text, Path("notes.md"))
    return extract_statements(document.sentences, find_terms(document))


def test_a_wrong_object_that_the_claims_own_sentence_names_is_refused() -> None:
    statements = _statements(
        "# Notes\n\nFrost leads to split bark, dead buds, or black leaves on young trees. "
        "Drought causes leaf drop in late summer.\n"
    )
    claim = next(s for s in statements if s.agent.lower() == "frost")
    mechanism = Mechanism(id="frost", agent=claim.agent, action=claim.action, target=claim.target)
    question = MultipleChoice(
        id="frost.target", prompt=f"Complete the statement: Frost {claim.action} …",
        choices=[Choice(text=claim.target, correct=True), Choice(text="dead buds"), Choice(text="root rot")],
    )
    problems = claim_problems(question, mechanism, "target", statements)
    assert any("dead buds" in p for p in problems), problems
    assert not any("root rot" in p for p in problems), problems


def test_a_statement_whose_subject_names_a_whole_class_makes_no_multiple_choice() -> None:
    mechanism = Mechanism(id="i", agent="Infections", action="lead to", target="fever")
    question = MultipleChoice(
        id="i.target", prompt="Complete the statement: Infections lead to …",
        choices=[Choice(text="fever", correct=True), Choice(text="a rash"), Choice(text="a cough")],
    )
    assert any("whole class" in p for p in claim_problems(question, mechanism, "target", []))


def test_a_true_statement_about_a_whole_class_or_a_cut_name_or_a_hypothetical_tests_nothing() -> None:
    def problems(agent: str, action: str, target: str) -> list[str]:
        mechanism = Mechanism(id="m", agent=agent, action=action, target=target)
        statement = TrueFalse(id="m.true", statement=f"{agent} {action} {target}.", answer=True)
        return claim_problems(statement, mechanism, "true", [])

    assert problems("Some mould spores", "can cause", "infections")  # true of nearly every microbe
    assert problems("Resting white cells", "can bind to", "surface proteins")
    assert not problems("Hydrogen atoms", "absorb", "violet light")  # a particular kind, not a possibility
    assert problems("The yeast C", "causes", "thrush of the mouth")  # 'C. albicans' cut to a letter
    assert problems("A new hormone", "would not lower", "the blood sugar")
    # A direction makes even a plain object worth asking: the opposite is plainly false.
    assert not problems("A higher wage", "raises", "the quantity supplied")
    assert not problems("Vitamin D", "raises", "calcium uptake in the gut")
    assert not problems("Cold dry air", "causes", "chapped lips in winter")


def test_a_letter_is_a_label_after_its_noun_and_a_cut_name_at_the_end_of_a_phrase() -> None:
    assert lone_letter("the fungus P") and lone_letter("proton bombardment of O")
    assert not lone_letter("vitamin A") and not lone_letter("point B") and not lone_letter("type C")
    assert not lone_letter("T cells") and not lone_letter("the gut")


GARDEN = f"""---
title: "Moulds of the Garden"
---

The mould {term("Rustella")} lives in damp soil and spreads on the wind.
Infection of young beans by the mould Rustella causes {term("rustellosis")}, which browns the leaves.
{term("Blotchia")} spreads from fallen leaves, and {term("blotchiasis")} spots the fruit.
{term("Wiltamyces")} clogs the stems, and {term("wiltamycosis")} kills the plant within a week.
Rustellosis, blotchiasis, {term("mildewosis")}, and wiltamycosis are the four moulds every grower fears.
Mildewosis coats the leaves with a grey dust in the wet weeks of autumn.
Rustellosis is treated with {term("copper spray")}, blotchiasis with {term("sulfur dust")}.
A {term("cold frame")} shelters seedlings from frost in the first weeks of spring.
Growers turn the {term("compost heap")} every month so that air reaches its middle.
A {term("rain barrel")} under the gutter keeps water for the dry weeks of summer.
Bees visit the {term("clover patch")} at the edge of the lawn from May to August.
A {term("trellis")} lets the climbing beans reach the sun above the fence.
Old gardeners plant marigolds between the rows to keep aphids away.
Straw laid under the strawberries keeps the fruit clean and dry.
"""


def test_a_multiple_choice_whose_sentence_spells_the_answer_is_refused() -> None:
    from quizmg.generate.draft import draft_deck

    deck = draft_deck(GARDEN, "garden.md", max_questions=60, keep_all=True).deck
    for question in deck.questions:
        if isinstance(question, MultipleChoice):
            prompt = question.prompt_text()
            right = next(choice.text for choice in question.choices if choice.correct).lower()
            assert not (right == "rustellosis" and "Rustella" in prompt), prompt
            assert not (right == "wiltamycosis" and "Wiltamyces" in prompt), prompt


def test_a_claim_whose_object_is_named_after_its_subject_is_refused_whatever_asks_it() -> None:
    mechanism = Mechanism(id="r", agent="The mould Rustella", action="causes", target="rustellosis")
    question = TrueFalse(id="r.true", statement="The mould Rustella causes rustellosis.", answer=True)
    assert any("gives itself away" in p for p in claim_problems(question, mechanism, "true", []))
    fair = Mechanism(id="c", agent="Copper spray", action="stops", target="rustellosis")
    assert not claim_problems(question, fair, "true", [])


KITCHEN = f"""---
title: "Kinds of Heat in the Kitchen"
---

Cooks use {term("radiant heat")}, {term("convective heat")}, and {term("conducted heat")} in different dishes.
A grill browns meat with radiant heat from the glowing coals below the rack.
An oven bakes bread with convective heat carried by the moving air inside it.
A thin pan gives {term("stronger heat")} than a thick one.
A cast-iron pan gives {term("weaker heat")} than a thin steel one.
Dry heat has two parts: radiant heat and convective heat.
Radiant heats are also called {term("infrared heats")}.
The infrared heat of a salamander grill browns the top of a gratin in a minute.
"""


def test_a_graded_description_and_a_second_name_are_no_rival_kinds() -> None:
    drafter, terms = _drafter(KITCHEN)
    for name in ("radiant heat", "convective heat", "conducted heat"):
        wrong = set(drafter.distractors(terms.get(name), count=6))  # type: ignore[attr-defined]
        assert not wrong & {"stronger heat", "weaker heat"}, (name, wrong)
    # 'Radiant heats are also called infrared heats.': the plural forms still name one thing.
    assert drafter.peers.renamed.get("radiant heat", set()) & {"infrared heat", "infrared heats"}
    assert "infrared heat" not in drafter.distractors(terms.get("radiant heat"), count=6)  # type: ignore[attr-defined]
    # Two names of one thing never stand together among the wrong choices.
    wrong = drafter.distractors(terms.get("conducted heat"), count=6)  # type: ignore[attr-defined]
    assert not {"radiant heat", "infrared heat"} <= set(wrong), wrong


def test_the_parts_a_text_divides_a_thing_into_are_kinds_of_it_and_a_word_built_on_another_is_one() -> None:
    from quizmg.generate.kinds import Kinds

    drafter, terms = _drafter(KITCHEN)
    assert drafter.peers.kinds.nested("radiant heat", "dry heat") or terms.get("dry heat") is None  # type: ignore[attr-defined]
    kinds = Kinds()
    assert kinds.nested("streptokinase", "kinase") and kinds.nested("lipase", "phospholipase")
    assert not kinds.nested("lipase", "kinase") and not kinds.nested("base", "lipase")


def test_a_statement_about_some_of_a_kind_or_pointing_elsewhere_or_cut_before_its_point_is_refused() -> None:
    statements = _statements(
        "# Notes\n\nSome moulds produce aflatoxin. "
        "A bee sting produces swelling, such as a red lump around the sting. "
        "Late blight also causes similar damage in tomatoes. "
        "Strong frost causes split bark.\n"
    )

    def problems(agent_start: str) -> list[str]:
        claim = next(s for s in statements if s.agent.lower().startswith(agent_start))
        mechanism = Mechanism(id="m", agent=claim.agent, action=claim.action, target=claim.target)
        statement = TrueFalse(id="m.true", statement=f"{claim.agent} {claim.action} {claim.target}.", answer=True)
        return claim_problems(statement, mechanism, "true", statements)

    assert any("some of a kind" in p for p in problems("some moulds"))
    assert any("narrow" in p for p in problems("a bee sting"))
    assert any("points at" in p for p in problems("late blight"))
    assert problems("strong frost") == []


def test_a_blank_the_sentence_only_sets_against_another_makes_no_multiple_choice() -> None:
    text = GARDEN + (
        "Rustellosis, blotchiasis, and {} are common in wet years.\n"
        "Unlike blotchiasis, wiltamycosis spreads through the roots rather than the leaves.\n"
        "A hedge of hawthorn keeps the cold wind off the vegetable beds.\n"
        "Worms pull fallen leaves down into the soil over the winter.\n"
        "Netting over the currant bushes keeps the blackbirds away in June.\n"
    ).format(term("scabiosis"))
    drafter, _ = _drafter(text)
    document = read_document(text, Path("notes.md"))
    sentence = next(s for s in document.sentences if s.text.startswith("Unlike"))
    asked = [c for c in drafter.draft(sentence) if c.kind == "mcq"]
    assert not any(c.answer == "blotchiasis" for c in asked), [c.question.prompt_text() for c in asked]


def test_the_category_of_an_include_list_is_its_subject_not_a_noun_after_a_preposition() -> None:
    text = f"""---
title: "Blights"
---

Blights in orchards include {term("fire blight")}, {term("scab")}, and {term("canker")}.
Fire blight turns the shoots of pear trees black in a wet spring.
Scab leaves rough brown spots on apples that are still edible.
Canker splits the bark of old trees and lets rot into the wood.
Leaf diseases such as {term("mildew")} and {term("rust")} spread on the wind.
"""
    drafter, terms = _drafter(text)
    assert drafter.peers.hint(terms.get("scab")) != "orchard"  # type: ignore[attr-defined]
    assert "orchard" not in drafter.peers.stated.get("scab", set())
    assert "disease" in drafter.peers.stated.get("mildew", set())


def test_a_claim_about_an_examples_quantity_or_one_pointing_at_an_unsaid_comparison_is_refused() -> None:
    def problems(agent: str, action: str, target: str) -> list[str]:
        mechanism = Mechanism(id="m", agent=agent, action=action, target=target)
        statement = TrueFalse(id="m.true", statement=f"{agent} {action} {target}.", answer=True)
        return claim_problems(statement, mechanism, "true", [])

    assert any("worked example" in p for p in problems("Burning 2.50 g of wax", "releases", "about 100 kJ of heat"))
    assert any("points at" in p for p in problems("Each gill", "filters", "the water differently"))
    assert not problems("CO2 in the blood", "lowers", "the pH of the plasma")  # a formula's digits are no quantity


def test_a_true_statement_whose_names_tell_it_is_no_true_or_false_question() -> None:
    from quizmg.generate.draft import draft_deck

    text = GARDEN + "The mould Rustella causes rustellosis, which browns the leaves of beans.\n"
    deck = draft_deck(text, "garden.md", max_questions=80, keep_all=True).deck
    statements = [q.statement for q in deck.questions if isinstance(q, TrueFalse)]
    assert not any("Rustella" in s and "rustellosis" in s for s in statements), statements


def test_an_object_cut_before_the_noun_joined_to_it_is_refused_but_not_before_a_second_verb() -> None:
    statements = _statements(
        "# Notes\n\nRoot growth depends on the supply of nitrogen and its uptake by the fine roots. "
        "Lime raises the soil pH and frees the phosphate held in clay.\n"
    )

    def problems(agent_start: str) -> list[str]:
        claim = next(s for s in statements if s.agent.lower().startswith(agent_start))
        mechanism = Mechanism(id="m", agent=claim.agent, action=claim.action, target=claim.target)
        statement = TrueFalse(id="m.true", statement=f"{claim.agent} {claim.action} {claim.target}.", answer=True)
        return claim_problems(statement, mechanism, "true", statements)

    assert any("rest of it" in p for p in problems("root growth"))
    assert not any("rest of it" in p for p in problems("lime"))


def test_a_sentence_of_a_worked_examples_numbers_makes_no_true_or_false_question() -> None:
    text = GARDEN + "Spraying 2.5 L of copper spray on a bed of beans prevents rustellosis for 30 days.\n"
    drafter, _ = _drafter(text)
    document = read_document(text, Path("notes.md"))
    sentence = next(s for s in document.sentences if s.text.startswith("Spraying"))
    drafter.mechanism_sentences = {sentence.index}
    assert not [c for c in drafter.draft(sentence) if c.kind == "truefalse"]


def test_a_multiple_choice_whose_sentence_shows_the_answers_telling_word_in_another_writing_is_refused() -> None:
    text = f"""---
title: "Kinds of Decay"
---

The kinds of decay are {term("alpha decay")}, {term("beta decay")}, {term("gamma decay")}, and {term("delta decay")}.
Beta decay is the loss of a β particle from a heavy nucleus in the core of a star.
Gamma decay releases light without changing the number of particles in the nucleus.
Alpha decay makes a lighter nucleus and a small helium nucleus.
Delta decay is a made-up kind that this test uses to have four rivals.
A counter clicks once for each particle that reaches its window.
Lead shields stop most particles before they reach the counter.
The counter in the lab was built by a student in the first year.
"""
    drafter, _ = _drafter(text)
    document = read_document(text, Path("notes.md"))
    sentence = next(s for s in document.sentences if "β particle" in s.text)
    asked = [c for c in drafter.draft(sentence) if c.kind == "mcq"]
    assert not any(c.answer == "Beta decay" or c.answer == "beta decay" for c in asked), asked

