"""Definition questions a teacher would ask: never circular, never pointing at the paragraph or a figure,
never cut inside a clause, never built on a count or on the name a sentence ends with; a predicate that
ranks its subject ('the only ...', 'the third most ...') asked as the fact it is.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.definition_checks import circular, names_itself, points_elsewhere
from quizmg.generate.draft import draft_deck
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    """Each short-answer prompt with its answer, lower-cased (a term opening a sentence is lowered)."""
    draft = draft_deck(f"# Notes\n\n{text}\n", Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_a_definition_that_uses_the_word_it_defines_is_not_asked() -> None:
    shorts = _shorts(
        "Lantern fishing is the catching of fish by the light of a lantern at night. "
        "Mossiness is a covering of moss that spreads over old walls in the shade. "
        "Alpha weaving is the weaving of an α pattern into a woollen rug. "
        "A sundial is a flat plate that tells the hour by the shadow of a rod. "
        "A stone bridge is a bridge that is built of cut blocks held up by their own weight. "
        "Lantern fishing and sundials were common in old harbour towns, and stone bridges crossed the river."
    )
    answers = set(shorts.values())
    assert not answers & {"lantern fishing", "mossiness", "alpha weaving"}, shorts
    # A dictionary's definition names the kind ('a bridge ...'): the head noun may recur.
    assert shorts.get("What is the term for a flat plate that tells the hour by the shadow of a rod?") == "sundial"
    assert "What is the term for a bridge that is built of cut blocks held up by their own weight?" in shorts, shorts


def test_circular_reads_word_forms_and_keeps_roots_apart() -> None:
    assert circular("harbour dues", "the dues paid by ships for each night in the harbours")
    assert circular("fernery", "a garden planted with ferns of many kinds")
    assert not circular("hypernatremia", "abnormally high blood sodium levels")
    assert not circular("hyperchloraemia", "a blood level of chlorine compounds above the normal range")
    assert not circular("heterogeneous catalyst", "a catalyst in a different phase than the reactants")


def test_a_definition_that_points_at_the_paragraph_or_a_figure_is_not_asked() -> None:
    shorts = _shorts(
        "The chisel is the other tool that is sharpened by hand on a whetstone. "
        "A map is the best picture that we have of that part of the coast. "
        "The verge is the strip labeled C—that is, the grass between the two roads. "
        "Complements are goods that are used together so that buying one raises the sales of the other. "
        "Chisels and maps and verges all appear in the old surveyor's handbook."
    )
    prompts = " ".join(shorts)
    assert "other tool" not in prompts and "that part" not in prompts and "labeled C" not in prompts, shorts
    assert not points_elsewhere("goods that are used together so that buying one raises the sales of the other")
    assert not points_elsewhere("a catalyst present in the same phase as the reactants")


def test_a_definition_cut_inside_its_relative_clause_is_not_asked() -> None:
    shorts = _shorts(
        "Glare is the condition where one window, either the east or the west, lets in more light than the rest. "
        "Shade is the condition where no window lets in direct sunlight at noon. "
        "Glare and shade decide where a reader sits in the old library."
    )
    assert not any(prompt.endswith("where one window?") for prompt in shorts), shorts
    assert shorts.get("What is the term for the condition where no window lets in direct sunlight at noon?") == "shade"


def test_a_count_or_a_name_at_the_end_of_the_predicate_is_no_definition() -> None:
    shorts = _shorts(
        "The two main parts of a spade are the blade and the handle. "
        "The main copper ore is the mineral chalcopyrite, which gleams like brass. "
        "Cats are the usual hunters in the barns of the valley. "
        "Spades, blades, chalcopyrite and the two main parts of tools fill the farm inventory."
    )
    assert not any(prompt.startswith("What is the term for the blade") for prompt in shorts), shorts
    assert not any("the mineral chalcopyrite?" in prompt for prompt in shorts), shorts


def test_a_predicate_that_ranks_its_subject_is_asked_as_the_fact_it_is() -> None:
    shorts = _shorts(
        "Granite is the hardest stone found in the northern valley. "
        "Barn owls are the only birds that hunt in the old mill at night. "
        "Pruning early is the best defense against rot in young pear trees. "
        "Iron is the third most common metal in the valley soil. "
        "Granite, barn owls, pear trees and iron are described in the valley guide."
    )
    assert shorts.get("What is the hardest stone found in the northern valley?") == "granite"
    assert shorts.get("What are the only birds that hunt in the old mill at night?") == "barn owls"
    assert shorts.get("What is the third most common metal in the valley soil?") == "iron"
    assert not any(prompt.startswith("What is the term for the") and ("only" in prompt or "hardest" in prompt)
                   for prompt in shorts), shorts


def test_an_abbreviated_genus_stays_whole_in_a_definition() -> None:
    shorts = _shorts(
        "The worm T. ovata lives in the gut of geese. "
        "Domestic geese are the only known hosts for the adult stage of T. ovata and, thus, are its main carriers. "
        "Geese and the worm T. ovata are common on the marsh farms."
    )
    assert not any(prompt.endswith(" T?") for prompt in shorts), shorts
    assert shorts.get("What are the only known hosts for the adult stage of T. ovata?") == "domestic geese", shorts


def test_a_glossary_line_that_is_a_clause_is_no_definition() -> None:
    text = (
        "---\ntitle: Boats\n---\n\n"
        "Sailors fear a false horizon at dusk. A keel steadies a boat in strong wind.\n\n"
        "### Glossary\n\n"
        "false horizon\n: sailors see themselves as level with the sea even though they are not\n\n"
        "keel\n: a long beam that runs along the bottom of a boat\n"
    )
    draft = draft_deck(text, Path("boats.md"), keep_all=True, max_questions=200)
    shorts = {q.prompt: q.answer for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}
    assert not any("sailors see themselves" in prompt for prompt in shorts), shorts
    assert shorts.get("What is the term for a long beam that runs along the bottom of a boat?") == "keel", shorts


def test_a_ranking_among_a_set_the_sentence_before_named_is_not_asked() -> None:
    shorts = _shorts(
        "Oak, ash and elm grow along the river path. Oak is the tallest of the three. "
        "Hawthorn, holly and yew line the churchyard. Yew is the oldest of these. "
        "Granite is the hardest of the three stones in the quarry."
    )
    prompts = " ".join(shorts)
    assert "of the three?" not in prompts and "of these?" not in prompts, shorts
    assert not points_elsewhere("the hardest of the three stones in the quarry")


def test_a_superlative_without_its_noun_or_another_of_a_kind_names_nothing_alone() -> None:
    shorts = _shorts(
        "Weekly watering and daily watering keep seedlings alive. Daily watering is the most reliable and "
        "the easiest to keep up. Leaf spot is a fungal disease of roses. Black rot is a disease caused by "
        "another soil fungus that spreads in wet summers. Pruning is the best defense against rot in young "
        "pear trees."
    )
    prompts = " ".join(shorts)
    assert "easiest to keep up?" not in prompts and "another soil fungus" not in prompts, shorts
    assert shorts.get("What is the best defense against rot in young pear trees?") == "pruning", shorts
    assert not points_elsewhere("a parasite passed from one host to another")


def test_a_definition_that_shows_only_the_modifier_still_asks_the_term() -> None:
    # 'rent cap': the definition shows 'rent' and leaves 'cap' to recall, as a teacher's question does;
    # a definition that shows every word of the term gives it away.
    shorts = _shorts(
        "Towns once let landlords charge what they liked. A rent cap changed that, and the harbour dues "
        "paid for the new quay.\n\n### Glossary\n\n"
        "rent cap\n: legal upper limit on the rent a landlord may charge for a flat\n\n"
        "nerve signal\n: brief change in charge that runs along a nerve\n\n"
        "harbour dues\n: dues paid by ships for each night in the harbours\n"
    )
    assert shorts.get("What is the term for a legal upper limit on the rent a landlord may charge for a flat?") \
        == "rent cap", shorts
    assert shorts.get("What is the term for a brief change in charge that runs along a nerve?") == "nerve signal"
    assert "harbour dues" not in shorts.values(), shorts
    assert names_itself("harbour dues", "the dues paid by ships for each night in the harbours")
    assert not names_itself("rent cap", "a legal upper limit on the rent a landlord may charge")
    # Among choices that share the head noun, the modifier alone tells the answer: `circular` says so.
    assert circular("rent cap", "a legal upper limit on the rent a landlord may charge")


def test_a_definition_of_such_a_thing_points_at_the_sentence_before() -> None:
    assert points_elsewhere("kilns of such great size")
    assert points_elsewhere("the fee a potter pays for such firings")
    assert not points_elsewhere("clays, such as kaolin, that fire white")  # examples
    assert not points_elsewhere("kilns of such great size that a cart can drive in")  # its own measure


def test_a_glossary_line_is_read_as_written_to_stand_alone() -> None:
    text = (
        "---\ntitle: Rivers\n---\n\n"
        "A river that joins another river is a tributary. Wells and springs share the same water table.\n"
        "Gauges are set on bridges. A flood plain floods most years.\n\n"
        "### Glossary\n\n"
        "tributary\n: a stream that flows into another, larger river instead of into the sea\n\n"
        "water table\n: the level below which the ground is full of water—in wet years, close to the surface\n\n"
        "gauge post\n: a post in the river marked in metres, read from the same bridge each morning\n\n"
        "flood plain\n: the flat strip labeled B in the map of the valley\n\n"
        "river gauge\n: another name for a gauge post\n"
    )
    draft = draft_deck(text, Path("rivers.md"), keep_all=True, max_questions=200)
    shorts = {q.prompt: q.answer for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}
    # 'another', 'the same', a dash: a glossary's own words, not a pointer to the paragraph
    assert shorts.get(
        "What is the term for a stream that flows into another, larger river instead of into the sea?"
    ) == "tributary", shorts
    assert shorts.get("What is the term for the level below which the ground is full of water—in wet years, "
                      "close to the surface?") == "water table", shorts
    assert shorts.get("What is the term for a post in the river marked in metres, read from the same bridge "
                      "each morning?") == "gauge post", shorts
    assert shorts.get("What is another name for a gauge post?") == "river gauge", shorts
    # a part of a figure the question cannot show still points out of it
    assert not any("labeled B" in prompt for prompt in shorts), shorts
    # in prose, the same words still point at the sentence before
    assert points_elsewhere("a stream that flows into another river")


def test_a_preposition_before_which_stays_with_its_clause() -> None:
    # 'the temperature below which ...' was asked as 'the temperature which ...', a sentence with no sense.
    shorts = _shorts(
        "The freezing point is the temperature below which a liquid turns solid. "
        "A flight path is the line along which a plane travels between two airports. "
        "Planes follow flight paths, and a liquid cooled past its freezing point turns solid."
    )
    assert shorts.get("What is the term for the temperature below which a liquid turns solid?") == "freezing point", \
        shorts
    assert shorts.get("What is the term for the line along which a plane travels between two airports?") == \
        "flight path", shorts
