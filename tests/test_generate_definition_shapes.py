"""A definition that opens with no noun phrase is asked in words that read; openings that define nothing
are not asked at all.

'What is the term for a <definition>?' only reads when the definition is a noun phrase. A glossary that
defines by a participle or an adjective with its complement, by an adverb before the phrase, by a word for
a word, or by an 'of' phrase (an adjective's meaning) gets a question of its own shape; an aside, a
comparison or a remark on where a thing is common is no definition. Every text here is written for the
test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.definition_shapes import defines_nothing, predicate_opening, shaped_prompt
from quizmg.generate.draft import draft_deck
from quizmg.generate.short_answers import term_prompt, with_article
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_a_participle_or_adjective_with_its_complement_is_asked_as_a_predicate() -> None:
    assert term_prompt("marked by a slow loss of colour in old leaves") == (
        "What is marked by a slow loss of colour in old leaves?")
    assert term_prompt("able to grow again after being cut to the ground") == (
        "What is able to grow again after being cut to the ground?")
    assert term_prompt("quickly carried from one hive to the next") == (
        "What is quickly carried from one hive to the next?")
    # The answer's number chooses the verb; 'lens' and 'moss' are no plurals.
    assert term_prompt("grown in wet trays under a glass roof", "seedling beds") == (
        "What are grown in wet trays under a glass roof?")
    assert term_prompt("fixed above the focusing stage", "upper lens") == "What is fixed above the focusing stage?"


def test_an_adverb_before_the_noun_phrase_keeps_its_place() -> None:
    assert term_prompt("usually a small farm where one family grows its own food") == (
        "What is usually a small farm where one family grows its own food?")


def test_a_noun_phrase_still_takes_its_article() -> None:
    assert not predicate_opening("layer of wax that keeps a leaf from drying out")
    assert not predicate_opening("highly toxic berry of a hedge plant")
    assert not predicate_opening("measured amount of salt added to a brine")
    assert term_prompt("layer of wax that keeps a leaf from drying out") == (
        "What is the term for a layer of wax that keeps a leaf from drying out?")
    assert term_prompt("highly toxic berry of a hedge plant") == (
        "What is the term for a highly toxic berry of a hedge plant?")


def test_a_word_for_a_word_is_asked_for_by_its_kind() -> None:
    assert term_prompt("informal term for a horse that has never been ridden") == (
        "What is the informal term for a horse that has never been ridden?")
    assert term_prompt("a Welsh word that means a small valley") == "What is the Welsh word that means a small valley?"
    assert shaped_prompt("word of mouth among sailors") is None  # 'word' heads nothing here


def test_an_adjective_glossed_with_of_is_quoted() -> None:
    assert term_prompt("of the same weight as water") == "Which term means “of the same weight as water”?"


def test_a_noun_that_opens_with_its_to_takes_the_and_a_clause_takes_no_article() -> None:
    assert with_article("ability to find the way home over long distances") == (
        "the ability to find the way home over long distances")
    assert with_article("how fast a kettle comes to the boil") == "how fast a kettle comes to the boil"
    # A possessive before the noun is its determiner already.
    assert with_article("a rider's ability to stay on") == "a rider's ability to stay on"


def test_asides_comparisons_and_where_a_thing_is_common_define_nothing() -> None:
    assert defines_nothing("e.g., oak, ash and beech")
    assert defines_nothing("i.e., the two small bones of the ear")
    assert defines_nothing("especially the kinds that climb walls")
    assert defines_nothing("similar to a kite but without a string")
    assert defines_nothing("a related test for hard water")
    assert defines_nothing("common in sheep kept on wet ground")
    assert defines_nothing("you learn to fear a sound that came before a shock")
    assert not defines_nothing("a common weed of dry meadows")
    assert not defines_nothing("especially large wave that floods a harbour")  # a degree, then the noun phrase


def test_a_glossary_of_such_lines_drafts_questions_that_read() -> None:
    shorts = _shorts(
        "# Meadows\n\nFarmers mow meadows once a year. Hay fever and foot rot trouble the farm. "
        "Hay fever strikes in June. Foot rot strikes in wet years. Meadow saffron grows in the grass.\n\n"
        "### Glossary\n\n"
        "hay fever\n: marked by sneezing and sore eyes when grass flowers in early summer\n\n"
        "foot rot\n: common in sheep kept on wet ground\n\n"
        "meadow saffron\n: similar to a crocus but flowering in autumn\n"
    )
    assert shorts.get("What is marked by sneezing and sore eyes when grass flowers in early summer?") == "hay fever", \
        shorts
    assert not any(prompt.startswith("What is the term for a marked") for prompt in shorts), shorts
    assert "foot rot" not in shorts.values() and "meadow saffron" not in shorts.values(), shorts


def test_a_definition_runs_on_past_the_period_of_a_number_or_of_initials() -> None:
    shorts = _shorts(
        "# Tools\n\nA **plumb line** is a cord that carries a lead weight of 0.5 kg at its lower end. "
        "A **tariff wall** is a set of duties that shields the U.S. market from imported steel. "
        "Builders hang a plumb line beside each wall. Steel makers asked for a tariff wall.\n"
    )
    assert shorts.get("What is the term for a cord that carries a lead weight of 0.5 kg at its lower end?") == \
        "plumb line", shorts
    assert shorts.get("What is the term for a set of duties that shields the U.S. market from imported steel?") == \
        "tariff wall", shorts
    assert not any(prompt.endswith((" 0?", " U?")) for prompt in shorts), shorts


def test_a_plural_or_a_pronoun_at_the_head_takes_no_article() -> None:
    # Plurals with no -s, and the indefinite pronouns.
    assert with_article("people who keep bees for a living") == "people who keep bees for a living"
    assert with_article("someone who repairs clocks") == "someone who repairs clocks"
    # A plural closed by a word that is no preposition, by a comma, or by its participle and an adverb.
    assert with_article("tones below the range of the ear") == "tones below the range of the ear"
    assert with_article("metals, such as tin and lead, that melt easily") == (
        "metals, such as tin and lead, that melt easily")
    assert with_article("grains such as oats and barley") == "grains such as oats and barley"
    assert with_article("boats built mainly to carry coal") == "boats built mainly to carry coal"
    # A quantity given as an operation on others is a formula in words.
    assert with_article("weight times the height it is lifted") == "weight times the height it is lifted"
    # Singular heads keep their article, the same closers after them too.
    assert with_article("tone below the range of the ear") == "a tone below the range of the ear"
    assert with_article("grain such as oats") == "a grain such as oats"
    assert with_article("boat built mainly to carry coal") == "a boat built mainly to carry coal"
    assert term_prompt("people who keep bees for a living") == "What is the term for people who keep bees for a living?"


def test_a_countable_noun_in_tion_or_ity_takes_its_article() -> None:
    assert with_article("reaction that turns milk sour") == "a reaction that turns milk sour"
    assert with_article("physical quantity with a size but no sense of way") == (
        "a physical quantity with a size but no sense of way")
    assert with_article("condition caused by too little sleep") == "a condition caused by too little sleep"
    # An action named as a noun still takes none, or 'the' before its 'of'.
    assert with_article("selection against slow runners") == "selection against slow runners"
    assert with_article("production of honey by bees") == "the production of honey by bees"


def test_a_definition_opening_with_a_name_s_possessive_takes_no_article_and_keeps_its_capital() -> None:
    # The name's possessive is the noun phrase's determiner: 'a hooke’s rule ...' was asked before.
    assert with_article("Hooke’s rule applied to a short spring") == "Hooke’s rule applied to a short spring"
    assert with_article("Archimedes' idea of a floating load") == "Archimedes' idea of a floating load"
    # A common noun's possessive still takes its article.
    assert with_article("engineer’s name for a load that stays put") == "an engineer’s name for a load that stays put"
    assert with_article("rule applied to a short spring") == "a rule applied to a short spring"


def test_a_role_one_thing_plays_for_another_is_asked_as_the_fact_it_is() -> None:
    # 'What is the term for the hallmark of a wave?' asked for a name where the text states a role.
    assert term_prompt("the hallmark of a living cell", "metabolism") == "What is the hallmark of a living cell?"
    assert term_prompt("the result of uneven heating of the air", "winds") == \
        "What is the result of uneven heating of the air?"
    assert term_prompt("the key to a stable orbit", "speed") == "What is the key to a stable orbit?"
    # A noun phrase that defines stays a question for the term.
    assert term_prompt("the source code of a program", "listing") == \
        "What is the term for the source code of a program?"


def test_a_letter_shape_keeps_its_capital_and_the_article_of_its_name() -> None:
    # 'an u-shaped valley' read the letter as a word and lost its capital.
    assert with_article("U-shaped valley carved by a glacier") == "a U-shaped valley carved by a glacier"
    assert with_article("S-shaped curve of growth") == "an S-shaped curve of growth"
    assert with_article("unit of charge") == "a unit of charge"


def test_a_glossary_line_opening_on_a_preposition_reads_as_a_question() -> None:
    # 'What is the term for from the lateral side, the second of the four proximal carpal bones?', 'What is the
    # term for at an angle?' and 'What is the term for from the Greek ...?' had been asked
    assert term_prompt("from the front, the third of the five toe bones", "third toe") == (
        "What is the term for the third of the five toe bones, from the front?")
    assert term_prompt("at a slant", "slanted") == "Which word means “at a slant”?"
    assert term_prompt("without any air", "airless") == "Which word means “without any air”?"
    assert term_prompt("at low tide, the sea falls below the rocks", "ebb") == (
        "What is it called when the sea falls below the rocks, at low tide?")
    # a setting, then 'it is' or 'this <noun> <verb>': the noun phrase or the noun asked for
    assert term_prompt("for a kiln, it is the ratio of heat kept to heat burned", "kiln yield") == (
        "What is the term for the ratio of heat kept to heat burned, for a kiln?")
    assert term_prompt("during firing, this glaze seals the pores of the clay", "slip glaze") == (
        "What glaze seals the pores of the clay, during firing?")
    assert defines_nothing("from the Greek words for seed and plant")
    assert not defines_nothing("from the front, the third of the five toe bones")


def test_spread_before_of_is_a_noun() -> None:
    # 'metastasis: spread of cancer cells ...' had been asked 'What is spread of cancer cells ...?'
    prompt = term_prompt("spread of a rumour from one village to the next", "word of mouth")
    assert prompt.startswith("What is the term for") and "spread of a rumour" in prompt, prompt


def test_a_word_parts_sense_is_asked_as_a_meaning() -> None:
    # A glossary of Latin name parts ('longus: long', 'tri: three', 'lateralis: to the outside') had been asked
    # 'What is the term for a long?', 'What is the term for three?' and 'Which verb means to the outside?'
    assert term_prompt("wide", "latus") == "Which word means “wide”?"
    assert term_prompt("four", "quadri") == "Which word means “four”?"
    assert term_prompt("the deepest", "profundus") == "Which word means “the deepest”?"
    assert term_prompt("to the front", "anterius") == "Which word means “to the front”?"
    assert term_prompt("to carry a load across a river", "ferry") == "Which verb means to carry a load across a river?"
    # a noun with its article stays a thing to name
    assert term_prompt("a small boat", "dinghy") == "What is the term for a small boat?"
    # a pointer to another entry defines nothing
    assert defines_nothing("see dinghy") and defines_nothing("compare ketch")
