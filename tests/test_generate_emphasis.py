"""Emphasis stars never reach a question: a glossary's italic letters ('*f* orbital', 'where *v* = speed')
and italics around a lone comma after a marked term ('***Genus***{...}*,*'). Every text here is written for
the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.clean import clean_text
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck

TERM = '{: data-type="term" .no-emphasis}'


def test_a_glossary_reads_its_italic_letters_as_plain_letters() -> None:
    glossary = clean_text(
        "# Waves\n\n### Glossary\n\n*k* wave\n: ripple whose speed is *v* = *k* times its depth\n\n"
        "*xy*²*z* knot\n: knot tied from one *x* loop, two *y* loops and one *z* loop\n"
    ).glossary
    assert glossary == {"k wave": "ripple whose speed is v = k times its depth",
                        "xy²z knot": "knot tied from one x loop, two y loops and one z loop"}


def test_italics_around_a_comma_after_a_marked_term_do_not_leave_stars() -> None:
    text = (f"# Ponds\n\nOne pond weed, ***Lemna***{TERM}*,* covers still water within a week. "
            f"Ducks eat ***Lemna***{TERM} in spring, and **Lemna**{TERM} grows back by summer.\n")
    sentences = [s.text for s in read_document(text, Path("ponds.md")).sentences]
    assert sentences[0] == "One pond weed, Lemna, covers still water within a week.", sentences
    shown = " ".join(q.prompt_text() + " " + str(getattr(q, "answer", ""))
                     for q in bank_from_deck(draft_deck(text, Path("ponds.md"), keep_all=True).deck).questions)
    assert "*" not in shown, shown


def test_a_comma_inside_a_bold_italic_term_leaves_no_stars() -> None:
    text = (f"# Ponds\n\nIn still ponds the floating weed ***Lemna minor*,**{TERM} which ducks eat, covers the water. "
            f"***Lemna minor***{TERM} grows back by summer.\n")
    sentences = [s.text for s in read_document(text, Path("ponds.md")).sentences]
    assert sentences[0] == "In still ponds the floating weed Lemna minor, which ducks eat, covers the water.", sentences
