"""A glossary line that states a law, an idea or a state of affairs is asked as one, never as 'What is the
term for <a clause>?'; a line that is a phrase keeps the question it had.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.draft import draft_deck
from quizmg.generate.glossary_statements import condition, law_verb, statement_prompt, states_a_fact
from quizmg.generate.short_answers import term_prompt
from quizmg.generate.term_finding import _first_sentence as first_sentence
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_a_law_is_asked_as_the_principle_it_states() -> None:
    assert statement_prompt("every tree in a row is pruned before any tree is picked", "Miller's rule of rows") == (
        "What is the term for the principle that every tree in a row is pruned before any tree is picked?")


def test_a_theory_is_asked_as_the_idea_it_states() -> None:
    assert statement_prompt("birds that look alike tend to flock together", "likeness model") == (
        "What is the term for the idea that birds that look alike tend to flock together?")


def test_a_state_of_affairs_is_asked_with_when() -> None:
    assert statement_prompt("when the rain of a season falls short of what the crops need", "drought") == (
        "What is it called when the rain of a season falls short of what the crops need?")
    assert statement_prompt("most prices at the market are rising", "dearness") == (
        "What is it called when most prices at the market are rising?")


def test_a_capitalised_name_in_a_phrase_is_no_verb() -> None:
    # 'the Harbour Acts' is a name; read as 'plan ... acts' it made 'What is it called when a plan of ...?'.
    line = "a Dorset plan of protest against the Harbour Acts that other towns then copied"
    assert statement_prompt(line, "Dorset Resolves") is None
    assert term_prompt(line, "Dorset Resolves").startswith("What is the term for a Dorset plan of protest")


def test_a_condition_with_a_main_clause_is_an_idea() -> None:
    assert condition("when the crop is large, the price at market falls") == (
        "when the crop is large, the price at market falls", True)
    assert condition("when a mill grinds corn for its neighbours, and so earns a toll") == (
        "when a mill grinds corn for its neighbours, and so earns a toll", False)
    assert statement_prompt("when the crop is large, the price at market falls", "glut effect") == (
        "What is the term for the idea that when the crop is large, the price at market falls?")


def test_a_phrase_is_no_statement() -> None:
    assert not states_a_fact("tool that can cut through a hedge in one stroke")
    assert not states_a_fact("the share each partner would carry")  # a clause with no 'that' inside a phrase
    assert not states_a_fact("part of the mill involved in grinding and has a wheel of stone")
    assert not states_a_fact("habit of a plant to have its leaves face the sun")
    assert statement_prompt("tool that can cut through a hedge in one stroke", "billhook") is None


def test_a_glossary_of_statements_drafts_questions_that_read() -> None:
    shorts = _shorts(
        "# Markets\n\nThe town market opens on Fridays. Traders speak of a glut and of dearness. "
        "A glut fills the stalls. Dearness empties them.\n\n"
        "### Glossary\n\n"
        "glut\n: when the stalls hold more fruit than the buyers can carry home\n\n"
        "dearness\n: most prices in the market are rising\n"
    )
    assert shorts.get("What is it called when the stalls hold more fruit than the buyers can carry home?") == "glut", \
        shorts
    assert shorts.get("What is it called when most prices in the market are rising?") == "dearness", shorts
    assert not any(prompt.startswith("What is the term for when") for prompt in shorts), shorts


def test_a_plural_subject_with_its_plain_verb_is_a_statement() -> None:
    assert states_a_fact("tides rise and fall with the pull of the moon")
    assert states_a_fact("feelings consist of a bodily state and a thought about it")
    assert statement_prompt("tides rise and fall with the pull of the moon", "lunar tide theory") \
        == "What is the term for the idea that tides rise and fall with the pull of the moon?"
    # The same words as nouns: 'the sales rise of a shop', 'a series of steps that lead to ...'.
    assert not states_a_fact("the sales rise of a shop in its first winter")
    assert not states_a_fact("a series of steps that lead to a finished cloth")
    assert not states_a_fact("storage of brief sights, sounds and tastes")


def test_a_glossary_line_that_runs_into_a_second_sentence_is_asked_by_its_first() -> None:
    assert first_sentence("a mill that grinds two grains at once. The grains are fed in turn") \
        == "a mill that grinds two grains at once"
    assert first_sentence("a coarse salt, e.g. Glauber salt") == "a coarse salt, e.g. Glauber salt"
    shorts = _shorts(
        "# Mills\n\nThe twin mill stood by the weir and ground for the whole valley.\n\n### Glossary\n\n"
        "twin mill\n: mill that grinds two grains at once. The grains are fed in turn by the miller\n"
    )
    assert shorts.get("What is the term for a mill that grinds two grains at once?") == "twin mill", shorts


def test_a_condition_alone_is_asked_with_when_whatever_the_term_names() -> None:
    # An 'effect' or a 'law' whose line is only a condition names a state of affairs, not an idea that ...
    assert statement_prompt("when hens lay fewer eggs because the farmer is watching them", "watched hen effect") == (
        "What is it called when hens lay fewer eggs because the farmer is watching them?")
    # A noun and its verb after the comma is a main clause too: the idea stands.
    assert condition("when the feed runs short, farmers sell part of the flock") == (
        "when the feed runs short, farmers sell part of the flock", True)
    assert statement_prompt("when the feed runs short, farmers sell part of the flock", "flock effect") == (
        "What is the term for the idea that when the feed runs short, farmers sell part of the flock?")


def test_people_and_children_are_plural_subjects_when_they_open_the_line() -> None:
    assert states_a_fact("people become sleepy after a heavy meal at noon")
    assert statement_prompt("people become sleepy after a heavy meal at noon", "noon slump") == (
        "What is it called when people become sleepy after a heavy meal at noon?")
    # After a verb they are its object, and the line is still a phrase.
    assert not states_a_fact("method aimed at helping people become calmer before a test")


def test_a_law_whose_line_is_a_sentence_is_asked_as_the_principle_it_states() -> None:
    # A verb in -s after the law's subject, then its object.
    assert law_verb("every magnet pulls every piece of iron toward its nearer pole")
    assert statement_prompt("the lift on a kite equals the weight of the air it turns aside", "kite law") == (
        "What is the term for the principle that the lift on a kite equals the weight of the air it turns aside?")
    # 'states that ...' says what the law states.
    assert statement_prompt("states that a sealed jar of air keeps its weight when heated", "jar law") == (
        "What is the term for the principle that a sealed jar of air keeps its weight when heated?")
    # A phrase is still a phrase: plurals before a preposition, a clause opened by 'that'.
    assert not law_verb("the rules that govern the flow of water in pipes")
    assert not law_verb("relation between the pulls of two ropes on a post")
    assert statement_prompt("relation between the pulls of two ropes on a post", "rope law") is None


def test_a_claim_verb_that_is_never_a_noun_may_drop_its_that() -> None:
    assert statement_prompt("asserts our habits set the limits within which we choose", "limits view") == (
        "What is the term for the idea that our habits set the limits within which we choose?")
    assert statement_prompt("specifies that no two boats may share a mooring", "mooring rule") == (
        "What is the term for the principle that no two boats may share a mooring?")
    assert statement_prompt("states of water in which it flows freely", "liquid") is None


def test_a_line_whose_subject_has_a_verb_that_agrees_is_asked_as_what_it_states() -> None:
    assert statement_prompt("a valley experiences long droughts and sudden floods in one year", "flash regime") == (
        "What is it called when a valley experiences long droughts and sudden floods in one year?")
    assert statement_prompt("all crystals of one salt share the same angles between their faces",
                            "law of constant angles") == (
        "What is the term for the principle that all crystals of one salt share the same angles between their faces?")
    assert statement_prompt("the mass of a sealed jar remains the same while its contents burn", "jar law") == (
        "What is the term for the principle that the mass of a sealed jar remains the same while its contents burn?")
    assert statement_prompt("heat and light move together out of every flame", "glow theory") == (
        "What is the term for the idea that heat and light move together out of every flame?")


def test_a_noun_that_looks_like_a_verb_leaves_a_phrase_a_phrase() -> None:
    assert statement_prompt("price changes caused by a frost in the orchards", "frost shock") is None
    assert statement_prompt("lack of exact results in counts of the birds", "count doubt") is None
    assert statement_prompt("average of the colour forms shown by one flower", "colour blend") is None
    assert statement_prompt("tax increases or cuts meant to cool the market", "cooling plan") is None


def test_a_phrase_whose_own_clause_has_the_verb_stays_a_phrase() -> None:
    assert statement_prompt("a custom where sons tend to follow the trade of their fathers", "trade custom") is None
    assert statement_prompt("the right to bend others to one’s will", "sway") is None


def test_a_thing_defined_by_what_happens_in_it_is_asked_as_that_thing() -> None:
    assert statement_prompt("fine drops of paint are blown through a narrow nozzle onto the wall", "paint sprayer") == (
        "What is the term for a sprayer in which fine drops of paint are blown through a narrow nozzle onto the wall?")
    assert statement_prompt("when the lake first froze over from shore to shore", "freeze-up time") == (
        "What is the term for the time when the lake first froze over from shore to shore?")
    # A name for an action or a state, or a one-word name, is asked as what happens.
    assert statement_prompt("many banks are closed in the same week", "bank closing") == (
        "What is it called when many banks are closed in the same week?")
    assert statement_prompt("most shops are shut for the winter", "lull") == (
        "What is it called when most shops are shut for the winter?")


def test_an_aside_after_a_dash_leaves_a_phrase_a_phrase() -> None:
    assert statement_prompt("a count of the birds seen from one hide—that is, how many the watcher notes",
                            "hide tally") is None


def test_a_condition_with_no_main_clause_after_it_is_asked_what_it_is_called() -> None:
    # an aside in brackets, or a predicate joined by 'and', does not make a main clause
    wheel = "when a wheel (for example, a mill's) turns at the same rate as the stream"
    assert statement_prompt(wheel, "even turning") == f"What is it called {wheel}?"
    assert statement_prompt("when tenants pledge their crops for seed, and are then paid too little to repay it",
                            "crop bondage") == (
        "What is it called when tenants pledge their crops for seed, and are then paid too little to repay it?")
    # a main clause after the condition makes a statement of it
    assert statement_prompt("when a mill is idle, the wheel is raised out of the stream", "lifting rule") == (
        "What is the term for the principle that when a mill is idle, the wheel is raised out of the stream?")
