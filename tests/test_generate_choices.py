"""`quizmg generate`: wrong choices of the answer's own kind, and category hints that are right or absent.

The texts are written for these tests in the project's own words. What makes two terms the same kind
of thing is what the text says: a list, a category named beside the term, a shared head noun.
"""

from __future__ import annotations

from pathlib import Path

from drafting import drafter as _drafter
from drafting import term

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.questions import Drafter
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze, MultipleChoice

CLINIC = f"""---
title: "Notes from a Rural Clinic"
---

Every rainy season the clinic treats many cases of {term("malaria")}, {term("cholera")}, and {term("typhoid")}.
The nurses hand out {term("aspirin")}, {term("ibuprofen")}, or {term("naproxen")} to patients who have a fever.
Naproxen, {term("paracetamol")} and aspirin are sold in the village shop without a prescription.
A deep cut from a rusty nail can lead to {term("tetanus")} within a week of the injury.
Ibuprofen eases the swelling that often follows a sprained ankle or a twisted wrist.
A {term("thermometer")} on each ward records the temperature of every patient twice a day.
Cholera spreads through drinking water that sewage from the latrines has reached.
Typhoid is carried by food that an infected cook has handled without washing.
Paracetamol lowers a fever in children without upsetting their stomachs.
Malaria returns to the village when the mosquitoes breed in the standing water.
"""

# Four resistances to one drug each, the opening of two documents below.


WARD = f"""---
title: "Pumps and Walls"
---

Over the decade the ward saw rising {term("quinolone resistance")} among the gut bacteria it tested.
The lab also reported {term("colistin resistance")} in two of the samples taken in the spring.
Strains with {term("tetracycline resistance")} were common on the farms that fed the animals antibiotics.
A third of the isolates showed {term("penicillin resistance")} by the end of the year.
"""


DRUGS = {"aspirin", "ibuprofen", "naproxen", "paracetamol"}


DISEASES = {"malaria", "cholera", "typhoid", "tetanus"}


def test_wrong_choices_come_from_the_answers_own_list_never_another_kind() -> None:
    drafter, terms = _drafter(CLINIC)
    wrong = drafter.distractors(terms.get("ibuprofen"))  # type: ignore[attr-defined]
    assert wrong and set(wrong) <= DRUGS - {"ibuprofen"}
    # 'paracetamol' is never listed beside 'ibuprofen', but beside two of the drugs that are.
    assert "paracetamol" in drafter.distractors(terms.get("ibuprofen"), count=5)  # type: ignore[attr-defined]
    for name in DISEASES - {"tetanus"}:
        assert set(drafter.distractors(terms.get(name), count=5)) <= DISEASES  # type: ignore[attr-defined]
    # Nothing in the text says what kind of thing a thermometer or tetanus is like: no rivals at all.
    assert drafter.distractors(terms.get("thermometer")) == []  # type: ignore[attr-defined]
    assert not set(drafter.distractors(terms.get("tetanus"))) & DRUGS  # type: ignore[attr-defined]


def test_every_multiple_choice_in_the_deck_keeps_to_one_kind_and_a_lone_kind_becomes_a_cloze() -> None:
    deck = draft_deck(CLINIC, "clinic.md", max_questions=60, keep_all=True).deck
    for question in deck.questions:
        if isinstance(question, MultipleChoice):
            choices = {choice.text.lower() for choice in question.choices}
            assert choices <= DRUGS or choices <= DISEASES, choices
    asked = [q for q in deck.questions if "thermometer" in (getattr(q, "prompt", "") + getattr(q, "text", ""))]
    assert asked and not any(isinstance(q, MultipleChoice) for q in asked)


def test_an_adjective_or_a_fragment_is_no_rival_for_a_noun() -> None:
    text = f"""---
title: "Why People Act"
---

Reasons for acting can be {term("inner")} or {term("outward")} in nature, and they change with age.
A {term("habit")} is a pattern of behaviour repeated until it needs no thought.
An {term("urge")} is a felt push towards a goal that the body or the mind sets.
A {term("reflex")} is a quick response of the body that needs no learning.
{term("Anxious")} children may lose the urge to play when a stranger is in the room.
"""
    drafter, terms = _drafter(text)
    for noun in ("habit", "urge", "reflex"):
        wrong = set(drafter.distractors(terms.get(noun), count=5))  # type: ignore[attr-defined]
        assert not wrong & {"inner", "outward", "anxious", "Anxious"}, (noun, wrong)
    assert set(drafter.distractors(terms.get("inner"), count=5)) <= {"outward"}  # type: ignore[attr-defined]


def test_a_shared_head_noun_makes_rivals_but_the_adjective_naming_the_whole_class_does_not() -> None:
    text = WARD + f"""Doctors fear that {term("microbial resistance")} grows wherever the drugs are used without care.
"""
    drafter, terms = _drafter(text)
    wrong = set(drafter.distractors(terms.get("quinolone resistance"), count=5))  # type: ignore[attr-defined]
    assert wrong == {"colistin resistance", "tetracycline resistance", "penicillin resistance"}


def test_no_multiple_choice_where_the_sentence_or_its_acronym_names_the_telling_word() -> None:
    text = WARD + """Doctors now track quinolone-resistant bacteria (QRB) in every ward of the hospital.
The spread of QRB and quinolone resistance among the old patients alarms the staff of the ward.
Heavy use of quinolones on poultry farms breeds quinolone resistance in the gut of the birds.
Colistin resistance turns up in pigs more often than in any other farm animal.
Tetracycline resistance spreads between strains on small rings of DNA that pass from cell to cell.
The staff wash their hands between patients to slow the spread of every strain.
Penicillin resistance was first seen only a few years after the drug came into wide use.
Some strains pump the drug out of the cell before it can reach its target.
"""
    document = read_document(text, Path("pumps.md"))
    drafter = Drafter(find_terms(document), len(document.sentences), set(), document.sentences)
    prompts = [candidate.question.prompt for sentence in document.sentences for candidate in drafter.draft(sentence)
               if isinstance(candidate.question, MultipleChoice)]
    assert any("Over the decade" in p for p in prompts)  # the resistances still make multiple choice
    assert not any("QRB and _____" in p or "quinolones on poultry" in p for p in prompts), prompts


def test_another_name_of_the_answer_or_a_choice_another_sentence_supports_is_no_wrong_choice() -> None:
    text = f"""---
title: "Fevers in the Hills"
---

The clinic stocks {term("aspirin")}, {term("ibuprofen")}, {term("naproxen")}, and {term("chloroquine")} all year.
Aspirin, {term("paracetamol")}, and naproxen are sold in the village shop as well.
Doctors give ibuprofen to the miners against {term("mountain fever")} in the high camps.
Chloroquine also works against mountain fever when the miners come down to the valley.
A {term("low tide")}, or {term("ebb tide")}, leaves the harbour boats sitting on the mud.
A {term("high tide")} floods the lower road twice a month in spring.
A {term("neap tide")} barely moves the water line, while a {term("spring tide")} moves it a long way.
The fishermen wait for the high tide before they take the boats out of the harbour.
"""
    document = read_document(text, Path("hills.md"))
    terms = find_terms(document)
    drafter = Drafter(terms, len(document.sentences), set(), document.sentences)
    assert "ebb tide" not in drafter.distractors(terms.get("low tide"), count=5)  # type: ignore[union-attr]
    assert {"high tide", "neap tide"} <= set(drafter.distractors(terms.get("low tide"), count=5))  # type: ignore[arg-type]
    choices = [
        {c.text for c in candidate.question.choices}
        for sentence in document.sentences if sentence.text.startswith("Doctors give")
        for candidate in drafter.draft(sentence) if isinstance(candidate.question, MultipleChoice)
    ]
    assert choices and not any("chloroquine" in c for c in choices), choices


def test_a_type_the_text_names_of_the_answer_is_no_wrong_choice() -> None:
    text = f"""---
title: "Bread"
---

A {term("rye roll")} is a type of sourdough roll that keeps for a week.
{term("Sourdough rolls")}, {term("soda rolls")}, {term("flat rolls")}, and {term("rye rolls")} all sell well.
Sourdough rolls rise slowly because wild yeast works at its own pace.
Soda rolls rise in the oven as the soda gives off gas in the heat.
Flat rolls are baked on a hot stone and never rise at all.
"""
    drafter, terms = _drafter(text)
    wrong = drafter.distractors(terms.get("sourdough rolls"), count=5)  # type: ignore[attr-defined]
    assert "soda rolls" in wrong and "rye rolls" not in wrong and "rye roll" not in wrong


def test_a_wrong_choice_capitalised_only_because_it_opened_a_sentence_is_lower_case_mid_sentence() -> None:
    text = f"""---
title: "Bread"
---

{term("Sourdough rolls")}, {term("soda rolls")}, {term("flat rolls")}, and {term("milk rolls")} all sell well.
Bakers shape {term("sweet rolls")} by hand and glaze them with honey before baking.
Soda rolls rise in the oven as the soda gives off gas in the heat.
Flat rolls are baked on a hot stone and never rise at all.
Milk rolls stay soft for two days because the fat in the milk keeps them moist.
"""
    drafter, terms = _drafter(text)
    wrong = drafter.distractors(terms.get("sweet rolls"), count=5)  # type: ignore[attr-defined]
    assert "sourdough rolls" in wrong and "Sourdough rolls" not in wrong, wrong


# A class the text fills with members, named beside them: 'Ys such as A', 'Examples of Ys include A'.


ORCHARD = f"""---
title: "An Orchard Year"
---

Examples of orchard blights include {term("leaf blight")}, {term("bark blight")}, {term("root blight")}, and
{term("fruit blight")}.
Growers also fear other orchard blights such as leaf blight and {term("shoot blight")}.
Leaf blight leaves dark blotches on the leaves that spread to the fruit.
Bark blight spreads from juniper bushes, so growers keep junipers far from the pears.
Root blight rots the young roots in a wet spring and weakens the tree.
Fruit blight strips a tree of its crop by the end of the summer.
Shoot blight kills the new shoots before they can harden for the winter.
An {term("orchard blight")} spreads fastest in a warm, wet spring when the spores are carried by the rain.
Symptoms of leaf blight include {term("leaf drop")} in the weeks after the first blotches appear.
Beetles that carry root blight include the {term("elm borer")} and the {term("ash borer")}.
The two main kinds of {term("tree wounds")} are {term("bark wounds")} and {term("root wounds")}.
Bark wounds heal in a season if the cut is clean; {term("branch wounds")} take longer.
"""


def test_the_class_the_text_names_for_a_list_is_no_wrong_choice_among_its_members() -> None:
    drafter, terms = _drafter(ORCHARD)
    wrong = drafter.distractors(terms.get("bark blight"), count=6)  # type: ignore[attr-defined]
    assert "leaf blight" in wrong and "orchard blight" not in wrong, wrong
    # The class itself as the answer: every member would be right as well.
    assert drafter.distractors(terms.get("orchard blight"), count=6) == []  # type: ignore[attr-defined]
    # 'Symptoms of leaf blight include leaf drop' makes leaf drop a symptom, not a kind of leaf blight.
    assert "leaf blight" not in drafter.peers.kind_of.get("leaf drop", set())
    assert "root blight" not in drafter.peers.kind_of.get("elm borer", set())  # the beetles are the class
    # 'The two main kinds of Ys are A and B': A is a Y, and no wrong choice beside one.
    assert "tree wounds" not in drafter.distractors(terms.get("bark wounds"), count=6)  # type: ignore[attr-defined]


def test_a_name_capitalised_inside_a_sentence_keeps_its_capital_as_a_wrong_choice() -> None:
    text = f"""---
title: "Rot"
---

Growers fear {term("Dutch mildew")}, {term("Wexford blight")}, {term("bud canker")}, and {term("Lyle wilt")} in
wet years.
Each year the growers report Dutch mildew and Wexford blight to the county office.
Bud canker opens on the stem where a branch was cut in the rain.
The spores of Lyle wilt wait in the soil for a warm spring.
Orchards near the river lose more trees to {term("crown gall")} than to any other disease.
"""
    drafter, terms = _drafter(text)
    wrong = drafter.distractors(terms.get("bud canker"), count=5)  # type: ignore[attr-defined]
    assert "Dutch mildew" in wrong and "Wexford blight" in wrong, wrong


def test_a_wrong_choice_the_sentence_half_says_is_left_out() -> None:
    text = f"""---
title: "Salts"
---

The tank holds {term("sodium salts")}, {term("lithium salts")}, {term("barium salts")}, and {term("copper salts")}.
A filter of charcoal takes up excess lithium or {term("zinc salts")} from the water of the tank.
Sodium salts dissolve fast in warm water and leave no trace behind.
Barium salts sink to the bottom and stay there for weeks.
Copper salts turn the water a pale blue within a day.
Zinc salts cloud the water unless the filter is changed each week.
"""
    drafter, terms = _drafter(text)
    sentence = "A filter of charcoal takes up excess lithium or zinc salts from the water of the tank."
    wrong = drafter.distractors(terms.get("zinc salts"), sentence, count=5)  # type: ignore[attr-defined]
    assert "lithium salts" not in wrong and "copper salts" in wrong, wrong


def test_a_multiple_choice_among_the_answers_listed_companions_ranks_above_its_blank() -> None:
    document = read_document(CLINIC, Path("clinic.md"))
    terms = find_terms(document)
    drafter = Drafter(terms, len(document.sentences), set(), document.sentences)
    sentence = next(s for s in document.sentences if s.text.startswith("Paracetamol lowers"))
    drafted = drafter.draft(sentence)
    mcq = next(c for c in drafted if isinstance(c.question, MultipleChoice))
    cloze = next(c for c in drafted if isinstance(c.question, Cloze) and c.answer == mcq.answer)
    assert {c.text.lower() for c in mcq.question.choices} == DRUGS  # type: ignore[attr-defined]
    assert mcq.score > cloze.score


def test_a_word_of_the_sentence_built_on_the_answer_gives_it_away() -> None:
    text = f"""---
title: "Kidneys"
---

Children can develop {term("nephrosis")}, {term("nephritis")}, {term("kidney stones")}, or {term("cystitis")}.
Children with nephrosis often pass foamy, nephrotic urine for weeks.
Nephritis inflames the filters of the kidney after a throat infection.
Cystitis makes passing water painful and frequent.
"""
    drafter, _ = _drafter(text)
    document = read_document(text, Path("kidneys.md"))
    sentence = next(s for s in document.sentences if "foamy" in s.text)
    assert not any(isinstance(c.question, MultipleChoice) for c in drafter.draft(sentence))
    rest = "Children with often pass nephrotic urine"
    assert drafter._tells("nephrosis", ["nephritis", "cystitis", "kidney stones"], rest)


def test_a_name_with_a_capital_inside_keeps_it_and_a_hyphened_choice_the_sentence_half_says_is_out() -> None:
    text = f"""---
title: "Yeasts"
---

{term("Kölsch-Alt fermentation")}, {term("top fermentation")}, {term("bottom fermentation")}, and
{term("malt-sugar fermentation")} are used in the old town.
Kölsch-Alt fermentation is slow.
Bottom fermentation works slowly in cold cellars through the winter.
Kölsch-Alt fermentation needs a warm room and a quick yeast.
A common process is top fermentation, which turns the malt sugar into a strong ale.
"""
    drafter, terms = _drafter(text)
    sentence = "A common process is top fermentation, which turns the malt sugar into a strong ale."
    wrong = drafter.distractors(terms.get("top fermentation"), sentence, count=5)  # type: ignore[attr-defined]
    assert "Kölsch-Alt fermentation" in wrong and "malt-sugar fermentation" not in wrong, wrong


def test_a_verb_phrase_answer_gets_no_multiple_choice() -> None:
    text = f"""---
title: "Weeds"
---

Weeds sprayed each year soon {term("build resistance")} to the spray the farmer uses.
Farmers fight {term("glyphosate resistance")}, {term("atrazine resistance")}, {term("dicamba resistance")}, and
{term("paraquat resistance")} on the plains.
Glyphosate resistance spread fastest among the pigweeds of the southern farms.
"""
    drafter, terms = _drafter(text)
    document = read_document(text, Path("weeds.md"))
    sentence = next(s for s in document.sentences if s.text.startswith("Weeds sprayed"))
    start = sentence.text.index("build")
    answer = terms.get("build resistance")  # type: ignore[attr-defined]
    assert len(drafter.distractors(answer, sentence.text)) == 3  # resistances there are
    assert drafter._mcq(sentence, sentence.text, start, start + len("build resistance"), answer, 5.0) is None


def test_a_multiple_choice_among_listed_companions_is_scored_as_one_kind() -> None:
    text = f"""---
title: "Garden Pests"
---

The beds suffer from {term("aphids")}, {term("vine weevils")}, {term("leatherjackets")}, and {term("red spider mites")}.
Aphids suck the sap from the young shoots in a warm spring.
Vine weevils eat the roots of plants in pots through the winter.
Leatherjackets come up at night after rain and chew the grass down to the roots.
Red spider mites spin fine webs under the leaves of the greenhouse plants in dry summers.
Gardeners find the leatherjackets by torchlight and drop them in a bucket of salty water.
A thick mulch of bark keeps the beds moist through the hottest weeks of the year.
Birds nesting in the hedge take many of the pests to feed their young in early summer.
The compost heap in the corner turns kitchen scraps into dark soil within a year.
Rain barrels by the shed catch enough water to last the garden through a dry month.
"""
    deck = draft_deck(text, "pests.md", max_questions=60, keep_all=True).deck
    choices = [q for q in deck.questions if isinstance(q, MultipleChoice)]
    assert choices and all("choices the text lists together" in q.explanation for q in choices), [
        q.explanation for q in choices
    ]


def test_a_count_is_no_kind_among_kinds() -> None:
    text = f"""---
title: "Knots"
---

Sailors tie {term("reef knots")}, {term("bowline knots")}, {term("clove knots")}, and {term("two knots")} on each
watch.
Reef knots join two ropes of the same thickness and spill easily when pulled.
Bowline knots make a loop that never slips, however hard the load pulls.
Clove knots hold a rope to a post and are quick to tie and to undo.
The bosun checks the knots before the boat leaves the harbour each morning.
"""
    drafter, terms = _drafter(text)
    assert "two knots" not in drafter.distractors(terms.get("reef knots"), count=5)  # type: ignore[attr-defined]
