"""A blank or a right choice on an acronym the section names in passing falls under the threshold, as
'What does X stand for?' on it does; an acronym the section teaches is still asked."""

from __future__ import annotations

import re

from quizmg.generate.acronyms import aside_answer
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD

SCORE = re.compile(r"Draft score (\d+)/100")

# A section that marks its key terms. It teaches one acronym (marked with its long form, used often);
# another is marked for the index only and named twice, in a side remark about a supplier.
BAKERY = """# Bread Dough and Its Rising

**Yeast**{: data-type="term"} is a fungus that turns the sugars of flour into gas and alcohol.
**Gluten**{: data-type="term"} is the web of wheat proteins that traps the gas and lets dough rise.
**Kneading**{: data-type="term"} stretches the gluten web so that it holds more gas.
**Proofing**{: data-type="term"} is the last rise of shaped dough before it is baked.
The **carbon dioxide gas (CDG)**{: data-type="term"} made by yeast fills the bubbles of the dough.
The CDG expands in the oven, and the CDG escapes as the crust sets, so the loaf stops growing.
Warm dough makes CDG faster than cold dough, and salt slows the yeast that makes the CDG.
Many bakeries buy their flour from the Northern Grain Cooperative (NGC){: data-type="term" .no-emphasis}.
The NGC mills its wheat in small batches that it delivers every week.
A loaf that is baked too early is dense, because its gluten web has not yet filled with gas.
"""


def _questions(keep_all: bool) -> dict[str, tuple[str, str]]:
    deck = draft_deck(BAKERY, "bakery.md", keep_all=keep_all).deck
    return {q.prompt_text(): (q.answer_text(), q.explanation or "") for q in deck.questions}


def test_a_blank_on_an_acronym_named_in_passing_falls_under_the_threshold() -> None:
    drafted = _questions(keep_all=True)
    on_ngc = {prompt: note for prompt, (answer, note) in drafted.items()
              if answer == "NGC" and "stand for" not in prompt}
    assert on_ngc, sorted(drafted)  # the side remark is drafted ...
    for note in on_ngc.values():
        assert "named in passing" in note
        assert int(SCORE.search(note).group(1)) < THRESHOLD  # type: ignore[union-attr]
    kept = _questions(keep_all=False)
    assert not any(answer == "NGC" for answer, _ in kept.values()), sorted(kept)


def test_an_acronym_the_section_teaches_is_no_aside_in_any_form() -> None:
    terms = find_terms(read_document(BAKERY, "bakery.md"))
    assert not aside_answer("CDG", terms) and not aside_answer("carbon dioxide gas", terms)
    assert aside_answer("NGC", terms) and aside_answer("the NGC", terms)
    assert not aside_answer("Northern Grain Cooperative", terms)  # where a sentence spells it out, the name
    assert not aside_answer("gluten", terms)  # no acronym at all

