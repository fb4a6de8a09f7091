"""In a text that marks its key terms (bold, term markup), what it leaves unmarked waits: unmarked names,
the names it says a thing is called, and the kinds of a term asked above."""

from __future__ import annotations

import re

from quizmg.generate.draft import draft_deck
from quizmg.generate.named_terms import named_again
from quizmg.generate.terms import Term, TermIndex
from quizmg.generate.trust import THRESHOLD

SCORE = re.compile(r"Draft score (\d+)/100: (.+)\.$")


def _scores(questions: list) -> list[int]:
    found = [SCORE.search(q.explanation) for q in questions]
    assert all(found), [q.explanation for q, m in zip(questions, found, strict=True) if not m]
    return [int(m.group(1)) for m in found if m]


# A text that marks its key terms (bold here), with one defined but unmarked word (crevasse).
MARKED_GLACIERS = """# Glaciers

A **glacier** is a slow river of ice that forms where snow outlasts the summer.
Snow that survives a whole year is called **firn**, and firn slowly turns into glacial ice under pressure.
The **accumulation zone** is the upper part of a glacier where more snow falls than melts.
The **ablation zone** is the lower part of a glacier where melting and calving remove more ice than falls.
Meltwater streams carry rock flour away from the snout of the glacier.
Rock flour gives many mountain lakes their milky turquoise colour.
Rock flour is ground so fine by the moving ice that it stays suspended in lake water for weeks.
The equilibrium line separates the accumulation zone from the ablation zone.
A crevasse is a deep crack that opens where the ice flows over a steep step in its bed.
"""


def _asked(questions: list) -> dict[str, str]:
    """Each question's answer -> its score note."""
    return {q.answer_text(): q.explanation for q in questions}


def test_a_text_that_marks_its_key_terms_asks_about_them_and_leaves_the_unmarked_out() -> None:
    draft = draft_deck(MARKED_GLACIERS, "glaciers.md")
    asked = _asked(list(draft.deck.questions))
    assert "crevasse" not in asked  # defined, but the text that bolds its terms does not bold it
    assert {"glacier", "ablation zone", "accumulation zone"} <= set(asked)
    assert draft.left_out >= 1
    everything = _asked(list(draft_deck(MARKED_GLACIERS, "glaciers.md", keep_all=True).deck.questions))
    note = everything["crevasse"]
    assert "the text does not mark the answer as a key term" in note
    assert int(SCORE.search(note).group(1)) < THRESHOLD  # type: ignore[union-attr]


def test_a_text_that_marks_nothing_keeps_its_defined_words() -> None:
    plain = MARKED_GLACIERS.replace("**", "")
    asked = _asked(list(draft_deck(plain, "glaciers.md").deck.questions))
    assert "crevasse" in asked and "does not mark" not in asked["crevasse"]


def test_a_name_the_text_says_a_thing_is_called_counts_as_marked() -> None:
    called = MARKED_GLACIERS.replace(
        "A crevasse is a deep crack that opens where the ice flows over a steep step in its bed.",
        "A deep crack that opens where the ice flows over a steep step in its bed is called a crevasse.",
    )
    asked = _asked(list(draft_deck(called, "glaciers.md").deck.questions))
    assert "crevasse" in asked and "does not mark" not in asked["crevasse"]


# A text that bolds its key terms and names one more thing twice without bolding it ('pollinator variety').
ORCHARD = """# Orchards

An **orchard** is a planting of fruit trees grown for their crop.
Most apple trees are grown on a **rootstock**, the lower trunk and roots of another variety.
The chosen variety is joined to the rootstock by **grafting**, so every tree of that variety is a clone.
A **dwarfing rootstock** keeps the tree small enough to pick without ladders.
Growers plant a pollinator variety in every few rows, because most apples cannot set fruit with their own pollen.
Crab apples are often used as the pollinator variety in commercial blocks.
Fire blight is a bacterial disease that blackens young shoots as if they were scorched.
"""


# The orchard with a second section where the unmarked name comes back twice more: used four times, and
# still unmarked among the many terms the text bolds.
ORCHARD_OFTEN = ORCHARD + """
## Care through the year

Winter **pruning** removes crowded shoots so that light reaches the fruiting spurs.
A **fruiting spur** is a short shoot that carries flower buds for several years.
**Thinning** takes off part of a young crop so that the rest of the fruit grows larger.
Each spring the grower checks that the pollinator variety flowers in the same weeks as the main variety.
Bees carry pollen from the pollinator variety to the blossoms of the rows around it.
A **codling moth** lays its eggs on young fruit, and its larvae tunnel to the core.
**Pheromone traps** catch the male moths and tell the grower when to act.
"""


def test_an_unmarked_name_the_text_uses_often_still_waits_under_the_threshold() -> None:
    # Reviewers kept two in three such blanks, whatever the count: under the 70% a teacher asks of a deck, so
    # they wait for --all with their reason, however often the text repeats the name.
    asked = _asked(list(draft_deck(ORCHARD_OFTEN, "orchard.md").deck.questions))
    assert "rootstock" in asked
    assert "pollinator variety" not in asked, sorted(asked)
    every = _asked(list(draft_deck(ORCHARD_OFTEN, "orchard.md", keep_all=True).deck.questions))
    note = every["pollinator variety"]
    assert "the text does not mark the answer, though it names it 4 times" in note
    assert int(SCORE.search(note).group(1)) < THRESHOLD  # type: ignore[union-attr]
    assert "Fire blight" not in asked  # named once, never marked: left out as well


def test_an_unmarked_name_used_only_twice_waits_under_the_threshold() -> None:
    # Two uses are as often a passing phrase ('radioactive substances') as a name: left out of the deck,
    # and kept, with its reason, for a teacher who asks for every draft.
    assert "pollinator variety" not in _asked(list(draft_deck(ORCHARD, "orchard.md").deck.questions))
    every = _asked(list(draft_deck(ORCHARD, "orchard.md", keep_all=True).deck.questions))
    note = every["pollinator variety"]
    assert "the text does not mark the answer, though it names it 2 times" in note
    assert int(SCORE.search(note).group(1)) < THRESHOLD  # type: ignore[union-attr]


def _index(*names: str) -> TermIndex:
    return TermIndex({name.lower(): Term(text=name, count=2, kinds={"recurring"}) for name in names})


def test_a_repeated_clause_or_a_proper_name_is_no_unmarked_name() -> None:
    terms = _index("meltwater channel", "glaciers retreat", "valleys deepen", "moraines form slowly",
                   "Little Ice Age", "ice", "terminal moraine ridge crest line")
    assert named_again("the meltwater channel", terms) is not None
    assert named_again("glaciers retreat", terms) is None  # a plural and its verb: a clause
    assert named_again("valleys deepen", terms) is None
    assert named_again("moraines form slowly", terms) is None  # an adverb in it
    assert named_again("Little Ice Age", terms) is None  # a proper name: a story's, in a marking text
    assert named_again("ice", terms) is None  # one word is no name of this kind
    assert named_again("terminal moraine ridge crest line", terms) is None  # five words: a description
    once = TermIndex({"meltwater channel": Term(text="meltwater channel", count=1)})
    assert named_again("meltwater channel", once) is None  # used once


def test_a_kind_of_a_term_asked_above_is_a_new_question_when_the_text_marks_it() -> None:
    # 'dwarfing rootstock' holds 'rootstock' whole, but the text bolds both: it is a kind of rootstock,
    # not the same answer again.
    asked = _asked(list(draft_deck(ORCHARD, "orchard.md").deck.questions))
    assert "rootstock" in asked and "dwarfing rootstock" in asked, sorted(asked)
    assert "overlaps" not in asked["dwarfing rootstock"]


# Notation a reader sees as letters: K with a subscript c is 'Kc'.
