"""'What does X stand for?' only for the acronyms a section teaches, not for those it names in passing."""

from __future__ import annotations

import re

from quizmg.generate.acronyms import taught_groups
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import Term
from quizmg.generate.trust import THRESHOLD

SCORE = re.compile(r"Draft score (\d+)/100: (.+)\.$")

# A section that marks its key terms (term markup). It teaches two acronyms: one marked with its long
# form in bold, one in its heading. A third names an agency once, in a policy sentence, and a fourth a
# molecule in one step of a process: both spelled out, neither marked.
HOUSING = """# Housing Aid and the Earned Income Tax Credit

**Public housing**{: data-type="term"} is rented to low-income families below the market price.
A **housing voucher**{: data-type="term"} pays part of a family's rent in a private flat of its choice.
The **poverty line**{: data-type="term"} is the income below which a family counts as poor.
The **low income housing credit (LIHC)**{: data-type="term"} lowers the taxes of builders who rent to the poor.
Builders apply for the LIHC before they break ground, and the LIHC lasts for ten years.
The earned income tax credit (EITC) pays working families a credit that grows with their earnings.
The EITC ends once a family's earnings pass a set level, and the EITC is paid with the tax refund.
The Department of Housing and Urban Development (HUD) sets the rules for vouchers in each city.
Each flat is warmed by burning natural gas, and the boiler makes carbon monoxide (CO) when it runs short of air.
Vouchers cover about two million families, far fewer than qualify.
"""


def _notes(text: str, keep_all: bool = False) -> dict[str, str]:
    questions = draft_deck(text, "housing.md", keep_all=keep_all).deck.questions
    return {q.prompt_text(): q.explanation for q in questions}


def test_an_acronym_the_text_marks_or_heads_with_is_asked() -> None:
    notes = _notes(HOUSING)
    assert "What does LIHC stand for?" in notes, sorted(notes)  # marked with its long form
    assert "What does EITC stand for?" in notes, sorted(notes)  # its long form is the heading


def test_an_acronym_named_in_passing_falls_under_the_threshold() -> None:
    assert "What does HUD stand for?" not in _notes(HOUSING)
    note = _notes(HOUSING, keep_all=True)["What does HUD stand for?"]
    assert "the text marks neither the acronym nor its long form" in note
    assert int(SCORE.search(note).group(1)) < THRESHOLD  # type: ignore[union-attr]


def test_a_text_that_marks_nothing_still_asks_its_acronyms() -> None:
    plain = re.sub(r"\*\*(.+?)\*\*\{: data-type=\"term\"\}", r"\1", HOUSING)
    notes = _notes(plain, keep_all=True)
    assert "What does HUD stand for?" in notes, sorted(notes)
    assert "named in passing" not in notes["What does HUD stand for?"]
    # hd: a cloze on this sentence hid 'HUD sets' before the verb was kept out of the term. (The cloze
    # 'The Department of [...] sets the rules' that followed is half of a name, no question: name_parts.py.)
    assert not any(re.search(r"\[\.\.\.\]\)? the rules", prompt) for prompt in notes), sorted(notes)


def test_a_long_form_spelled_out_once_in_bold_marks_its_acronym() -> None:
    # '**positron emission tomography (PET)**': the long form is then counted only as 'PET', and the
    # index drops it; the marking must still count. A long form too long to be a term counts as well.
    text = ("# Scans\n\n**Positron emission tomography (PET)**{: data-type=\"term\"} shows which areas use sugar.\n"
            "**Aid to Families with Dependent Children (AFDC)**{: data-type=\"term\"} paid cash to poor parents.\n"
            "The Food and Drug Administration (FDA) approves the tracer.\n")
    document = read_document(text, "scans.md")
    terms = find_terms(document)
    assert {"pet", "afdc"} <= terms.taught
    assert "fda" not in terms.taught


def test_taught_groups_reads_marks_definitions_and_headings() -> None:
    marked = Term("ATP", {"acronym", "marked"}, group="atp")
    headed = Term("EITC", {"acronym", "heading"}, group="eitc")
    glossary = Term("GDP", {"acronym"}, group="gdp", definition_source="glossary")
    passing = Term("HUD", {"acronym"}, expansion="Housing and Urban Development", group="hud")
    long_form = Term("AFDC", {"acronym"}, expansion="Aid to Families with Dependent Children", group="afdc")
    groups = taught_groups([marked, headed, glossary, passing, long_form],
                           ["aid to families with dependent children"])
    assert groups == {"atp", "eitc", "gdp", "afdc"}


def test_a_definition_of_an_acronym_is_answered_by_its_long_form() -> None:
    # 'What is the term for a genetic disorder ...?' -> 'CF' asks for letters; the name is the answer.
    text = ("# Channel Proteins\n\nA mutation in one channel protein causes cystic fibrosis (CF) in children.\n"
            "CF is a genetic disorder caused by a faulty chloride channel in the lungs.\n"
            "Patients with CF cough up thick mucus, and CF shortens their lives.\n")
    questions = draft_deck(text, "channels.md", keep_all=True).deck.questions
    defining = [q for q in questions if q.prompt_text().startswith("What is the term for a genetic disorder")]
    assert len(defining) == 1, [q.prompt_text() for q in questions]
    assert defining[0].answer_text() == "cystic fibrosis"
    assert "CF" in defining[0].accepted  # type: ignore[attr-defined]


# A section in a book that marks its key terms in bold and indexes other names in plain type
# ('.no-emphasis'). One acronym it indexes is a single example in a list; another it indexes and then
# uses throughout; a third is a key term named once.
LAB = """# Keeping Cultures Clean

A **sterile hood**{: data-type="term"} keeps dust and spores away from open plates.
An **autoclave**{: data-type="term"} kills spores with steam under pressure.
A **flame loop**{: data-type="term"} is heated until it glows before each transfer.
Teaching labs grow harmless organisms, such as baker's yeast and \
**tobacco ringspot virus (TRSV)**{: data-type="term" .no-emphasis}, on simple media.
Plates are poured from **potato glucose broth (PGB)**{: data-type="term" .no-emphasis} cooled to hand warmth.
PGB sets within an hour, and PGB plates keep for a week in the cold.
A plate of PGB that clouds overnight was poured too hot, and PGB that smells sour has spoiled.
The **colony forming unit (CFU)**{: data-type="term"} counts the living cells a plate started from.
"""


def test_the_cleaner_tells_index_marks_from_key_term_marks() -> None:
    from quizmg.generate.clean import clean_text

    cleaned = clean_text(LAB)
    assert "tobacco ringspot virus" in cleaned.marked_terms
    assert cleaned.index_marked == ["tobacco ringspot virus", "potato glucose broth"]


def test_an_acronym_only_indexed_and_named_once_is_in_passing() -> None:
    notes = _notes(LAB)
    assert "What does TRSV stand for?" not in notes, sorted(notes)
    note = _notes(LAB, keep_all=True)["What does TRSV stand for?"]
    assert "named in passing" in note


def test_an_indexed_acronym_the_text_goes_on_using_and_a_key_term_named_once_are_asked() -> None:
    notes = _notes(LAB)
    assert "What does PGB stand for?" in notes, sorted(notes)
    assert "What does CFU stand for?" in notes, sorted(notes)


def test_taught_groups_reads_an_index_mark_by_how_often_the_text_uses_the_name() -> None:
    aside = Term("TRSV", {"acronym"}, expansion="tobacco ringspot virus", group="trsv", count=1)
    used = Term("PGB", {"acronym"}, expansion="potato glucose broth", group="pgb", count=4)
    bold = Term("CFU", {"acronym"}, expansion="colony forming unit", group="cfu", count=1)
    marks = ["tobacco ringspot virus", "potato glucose broth", "colony forming unit"]
    spans = ["tobacco ringspot virus (TRSV)", "potato glucose broth (PGB)", "colony forming unit (CFU)"]
    groups = taught_groups([aside, used, bold], marks, ["tobacco ringspot virus", "potato glucose broth"], spans)
    assert groups == {"pgb", "cfu"}
    # An index mark on a bare acronym is also read as bold: neither copy teaches it.
    bare = Term("HTV", {"acronym", "marked", "emphasised"}, expansion="hot tub virus", group="htv", count=2)
    assert not taught_groups([bare], ["HTV"], ["HTV"], ["HTV"])


def test_a_blank_where_the_sentence_spells_an_acronym_out_hides_the_name_not_the_letters() -> None:
    from quizmg.generate.acronyms import spelled_out_here

    term = Term("SRT", {"acronym"}, expansion="slow rinse test", group="srt")
    sentence = "A slow rinse test (SRT) shows whether a filter still holds back fine grit."
    assert spelled_out_here(term, "SRT", sentence) == "slow rinse test"
    # Where the sentence only uses the acronym, the acronym is what it says.
    assert spelled_out_here(term, "SRT", "The SRT takes an hour.") is None


RINSE = """# Testing Filters

A **filter bed**{: data-type="term"} holds sand in layers under the water.
**Backwashing**{: data-type="term"} pushes clean water up through the bed to lift trapped grit.
The **turbidity**{: data-type="term"} of the water shows how much grit it carries.
Coarse gravel at the bottom keeps the fine sand from washing into the drains.
A layer of charcoal above the sand takes up the smell of rotting leaves.
Water reaches the beds from the settling tanks through wide channels.
Each bed is cleaned in turn, so the plant never stops.
Pumps lift the water from the river into the first tank.
Alum is stirred into the tanks so that fine clay sinks.
Plant workers check each bed with a slow rinse test (SRT) once a month.
A long SRT means that the sand needs backwashing.
"""


def test_a_cloze_on_a_spelled_out_acronym_asks_for_its_long_form() -> None:
    questions = draft_deck(RINSE, "rinse.md", keep_all=True).deck.questions
    spelled = [q for q in questions if "once a month" in q.prompt_text() and "[...]" in q.prompt_text()
               and "check each bed with a [...]" in q.prompt_text()]
    assert spelled, [q.prompt_text() for q in questions]
    assert {q.answer_text() for q in spelled} == {"slow rinse test"}


def test_a_long_form_the_text_abbreviates_is_a_term_however_common_its_words() -> None:
    from quizmg.generate.quality import treated_as_term
    from quizmg.generate.terms import TermIndex

    acronym = Term("BTP", {"acronym"}, expansion="base time period", group="btp")
    terms = TermIndex({acronym.key: acronym})
    assert terms.acronym_of("Base time period") is acronym
    assert treated_as_term("base time period", terms)
    assert not treated_as_term("time period", terms)
