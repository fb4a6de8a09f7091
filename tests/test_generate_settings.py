"""A blank on where a claim holds, not on what it is about (settings.py, called by quality.bad_blank).

'Vesk is the largest moon in the [...]' asks for the frame of a rank, which the rank alone gives away; 'Most of
the comets in the [local neighborhood] are faint' asks where, while the claim is about the comets. A place that
is the subject of its sentence, where something goes, a plural kind, or a place the text marks as its term is
still asked. Every sentence here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from drafting import drafter, term

from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.sentence_use import sentence_score, term_value
from quizmg.generate.settings import place_blank, scope_blank
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze


def test_the_scope_of_a_rank_is_no_blank() -> None:
    assert scope_blank("planetary system", "Vesk is the largest moon in the ")
    assert scope_blank("outer belt", "Its crust is the darkest surface of any body in the ")
    assert scope_blank("lake basin", "Pollen gives the oldest record of the ")
    assert scope_blank("solar system", "It holds a kind of ice that we do not find in our own ")
    assert scope_blank("river valley", "The most common reed grown in the ")


def test_a_share_a_bound_or_a_group_is_no_rank() -> None:
    assert scope_blank("noble metal", "Gold is at least one of the ") is None  # 'at least' bounds a count
    assert scope_blank("sandstone", "Whereas most grains in ") is None  # 'most' + a noun is a share
    assert scope_blank("mood disorders", "It is the most puzzling of the ") is None  # the group it belongs to
    assert scope_blank("planetary system", "Moons form early in the ") is None


def test_the_one_place_a_claim_happens_in_is_no_blank() -> None:
    assert place_blank("local neighborhood", "Most of the comets in the ")
    assert place_blank("lunar surface", "Frost can last for years on the ")
    assert place_blank("early universe", "Small ripples in the ")
    assert place_blank("solar system", "We began to ask whether it was our ")
    assert place_blank("planet’s surface", "Wind keeps sculpting the ")
    assert place_blank("outer solar system", "Probes sent to the ")
    # A table things are set out in: where a claim holds, as a place is ('across a row in the [periodic table]').
    assert place_blank("element table", "Going down a column of the ")


def test_a_place_the_sentence_is_about_or_sends_things_to_stays() -> None:
    assert place_blank("solar system", "") is None  # the subject: '[The solar system] formed ...'
    assert place_blank("early universe", "The ") is None
    assert place_blank("element table", "The ") is None
    assert place_blank("intergalactic space", "Winds drive the gas back into ") is None  # where it goes
    assert place_blank("open clusters", "Young stars gather in ") is None  # a kind, compared or sorted
    assert place_blank("immune system", "Stress has an effect on the ") is None  # no place
    assert place_blank("naming system", "Acids are named differently in the ") is None


_FROST = (
    "# Frost\n\n"
    f"{term('Water ice')} is frozen water that has stayed solid for a long time. "
    f"The {term('tidal sphere')} of a moon is the region where its own gravity beats the planet's pull. "
    "Dust within the tidal sphere stays with the moon. "
    "Dark craters near the poles never see the Sun. "
    "Probes have mapped the lunar surface in fine detail. "
    "Cold traps keep gases frozen for billions of years. "
    "The lunar surface is covered in fine grey dust. "
    "Rovers dig into the regolith to find buried layers. "
    "Landers carry drills that reach a metre down. "
    "Sunlight splits some of the vapour into hydrogen and oxygen. "
    "Each lunar night lasts about two weeks. "
    "Water ice can last for ages in shaded pits on the lunar surface.\n"
)


def test_bad_blank_refuses_a_setting_unless_the_text_marks_the_place() -> None:
    terms = find_terms(read_document(_FROST, Path("frost.md")))
    marked = "Dust within the tidal sphere stays with the moon."
    start = marked.index("tidal sphere")
    assert bad_blank("tidal sphere", marked, start, start + len("tidal sphere"), terms) is None
    unmarked = "Water ice can last for ages in shaded pits on the lunar surface."
    start = unmarked.index("lunar surface")
    assert "setting" in (bad_blank("lunar surface", unmarked, start, start + len("lunar surface"), terms) or "")


def test_a_setting_still_counts_to_what_its_sentence_names() -> None:
    made, _ = drafter(_FROST, "frost.md")
    sentence = next(s for s in made.sentences if s.text.startswith("Water ice can last"))
    clozes = [c for c in made.draft(sentence) if isinstance(c.question, Cloze)]
    assert [c.answer for c in clozes] == ["Water ice"]  # the place is no blank ...
    ice = made.terms.get("water ice")
    assert ice is not None
    base = sentence_score(sentence, sentence.text, 2, False)  # ... but still one of the two terms it names
    assert clozes[0].score == base + term_value(ice, made.share(ice))


def test_the_readers_own_world_is_a_setting_even_when_marked() -> None:
    assert place_blank("Earth", "Soil bacteria first spread on ")
    assert place_blank("Sun", "The glare from the ", marked=True)  # a book may index 'Sun' wherever it names it
    assert place_blank("Milky Way Galaxy", "Cold gas in the ")
    assert place_blank("Moon", "Crews of two once landed on the ")
    assert place_blank("lunar surface", "Dust drifts across the ", marked=True) is None  # a place taught as a term


def test_the_subject_of_a_clause_is_what_the_clause_is_about() -> None:
    assert place_blank("Earth", "The light fades as ") is None  # '... as [Earth] blocks the light'
    assert place_blank("Milky Way Galaxy", "When the ") is None  # 'When the [...] was young, ...'
    assert place_blank("Sun", "Rain fell all night. The ") is None  # a sentence shown before is cut off
    assert place_blank("Sun", "Rain fell all night. Most of the heat of the ")
