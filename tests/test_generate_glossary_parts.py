"""A glossary line of several parts (split by semicolons) is asked by the part that says what the thing is.

A glossary names the kind of thing first, then adds what it does, where it is found or how it is measured.
The later parts describe without defining, however long they are. Every text here is written for the
test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import _main_part
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_the_first_part_names_the_kind_of_thing() -> None:
    assert _main_part("shelter that gives travellers a bed for one night; quiet rooms away from the road; "
                      "usually near a river") == "shelter that gives travellers a bed for one night"
    assert _main_part("unit of loudness; a whisper measures about twenty on this scale in a quiet room") \
        == "unit of loudness"
    # What names another word or points back is never the definition.
    assert _main_part("also simply called a dam; a wall that holds back the water of a river") \
        == "a wall that holds back the water of a river"
    assert _main_part("tool that smooths the surface of planks; this lets carpenters fit boards closely") \
        == "tool that smooths the surface of planks"
    # A two-word part is too short to ask by: the next part of three words or more.
    assert _main_part("water clock; vessel that measures time by the flow of water") \
        == "vessel that measures time by the flow of water"


def test_a_glossary_question_asks_by_the_defining_part() -> None:
    shorts = _shorts(
        "# Travel\n\nThe old roads had an inn every day's walk apart. Travellers slept at the inn.\n\n"
        "### Glossary\n\n"
        "inn\n: house that lodges travellers for a night; quiet rooms and a warm fire "
        "after a long day on the road; usually beside a road\n"
    )
    assert shorts.get("What is the term for a house that lodges travellers for a night?") \
        == "inn", shorts
    assert not any("quiet rooms" in prompt for prompt in shorts), shorts


def test_a_part_that_only_sets_the_scene_goes_after_the_one_that_defines() -> None:
    # 'in bone marrow transplants; occurs when ...' had been asked 'What is the term for in bone marrow transplants?'
    assert _main_part("in long sea voyages; occurs when sailors eat no fresh fruit for months") == (
        "occurs when sailors eat no fresh fruit for months, in long sea voyages")
    # a relative clause is no setting: it is never moved behind the next part
    assert not _main_part("in which the hull is sealed; a method of keeping out water").endswith(
        ", in which the hull is sealed")
