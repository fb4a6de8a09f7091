"""`quizmg generate` asks the concept an example illustrates, not the example's particulars.

A text illustrates in three places besides its running prose: a box set apart from it (a note or an
aside), a part headed as an example or a case ('Example 2', 'Case study'), and a paragraph that turns
to a case ('For example, ...', 'Imagine ...', 'you could ...'). A blank in such a sentence is refused
unless its answer is a key term the text marks, defines or abbreviates. The texts are written for these
tests, in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.clean import clean_text
from quizmg.generate.details import detail_blank
from quizmg.generate.document import Sentence, read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex
from quizmg.generate.told import BOX, EXAMPLE, STORY, example_heading, told_in_paragraph
from quizmg.model import Cloze

TEXT = """# Saving and lending

A **savings bond**{: data-type="term"} is a loan a household makes to the government for a fixed term.
The government pays interest on the bond and repays the loan when the term ends.
Bonds carry less risk than shares, and so they pay a lower rate of interest over the years.
For example, a family might put its spare cash into a village credit union that lends to local farmers.
The **interest rate**{: data-type="term"} is the price a borrower pays for the use of money.
A credit union is owned by its members, who also borrow from it.

Imagine that you lend a neighbour some money to buy a delivery van for the bakery.
The neighbour promises to pay for the delivery van in two years with a little extra.
The extra is the **interest**{: data-type="term"} on the loan, and the delivery van is what the loan buys.

<div data-type="note" class="everyday" markdown="1">
Many households keep a jar of coins (or a tin) in the kitchen cupboard for a rainy day.
A jar of coins earns no interest, but the kitchen cupboard is always open.
A **liquid asset**{: data-type="term"} is one a household can turn into cash at once.
</div>

Lenders ask a higher rate of interest from a borrower whose repayment is less certain.

### Example 2: A loan for a fishing boat

The harbour cooperative lends the crew enough to buy a fishing boat with a new diesel engine.
The crew repays the harbour cooperative from the catch of the fishing boat.
"""


def _terms_and_sentences() -> tuple[TermIndex, dict[str, Sentence]]:
    document = read_document(TEXT, "saving.md")
    return find_terms(document), {s.text: s for s in document.sentences}


def _reason(context: str, hidden: str) -> str | None:
    terms, _ = _terms_and_sentences()
    start = context.index(hidden)
    return detail_blank(hidden, context, start, start + len(hidden), terms)


def test_each_sentence_knows_whether_it_tells_an_example_a_story_or_a_box() -> None:
    _, sentences = _terms_and_sentences()
    setting = {" ".join(text.split()[:2]): s.told for text, s in sentences.items()}
    assert setting["A savings"] == ""  # the running prose
    assert setting["For example,"] == STORY
    assert setting["The interest"] == ""  # back to the concept after the example
    assert setting["Imagine that"] == STORY and setting["The neighbour"] == STORY  # a case runs on
    assert setting["Many households"] == BOX
    assert setting["Lenders ask"] == ""  # after the box: the prose again
    assert setting["The harbour"] == EXAMPLE


def test_a_particular_of_an_example_is_no_answer_but_its_key_term_is() -> None:
    example = "For example, a family might put its spare cash into a village credit union that lends to local farmers."
    assert _reason(example, "village credit union") is not None
    assert "example" in (_reason(example, "village credit union") or "")
    story = "The neighbour promises to pay for the delivery van in two years with a little extra."
    assert _reason(story, "little extra") is not None
    term = "The extra is the interest on the loan, and the delivery van is what the loan buys."
    assert _reason(term, "interest") is None  # marked by the text: the concept the story teaches
    box = "Many households keep a jar of coins (or a tin) in the kitchen cupboard for a rainy day."
    assert _reason(box, "kitchen cupboard") is not None
    simple = "Many households keep a jar of coins in the kitchen cupboard for a rainy day."  # as a cloze reads it
    assert _reason(simple, "kitchen cupboard") is not None
    assert _reason("A liquid asset is one a household can turn into cash at once.", "liquid asset") is None
    headed = "The harbour cooperative lends the crew enough to buy a fishing boat with a new diesel engine."
    assert _reason(headed, "diesel engine") is not None
    prose = "Lenders ask a higher rate of interest from a borrower whose repayment is less certain."
    assert _reason(prose, "borrower") is None


def test_the_draft_asks_no_blank_on_an_example_s_particulars() -> None:
    draft = draft_deck(TEXT, "saving.md", keep_all=True)
    clozes = [q.text for q in draft.deck.questions if isinstance(q, Cloze)]
    assert any("{{c1::savings bond}}" in cloze for cloze in clozes), clozes
    for cloze in clozes:
        for particular in ("credit union}}", "jar of coins}}", "kitchen cupboard}}", "harbour cooperative}}",
                           "fishing boat}}", "delivery van}}"):
            assert particular not in cloze, cloze


def test_a_case_opens_by_its_shape_and_an_example_ends_with_its_sentence() -> None:
    paragraph = [
        "Markets set prices.",
        "For instance, a baker sells bread at the price buyers accept.",
        "She then raises it when flour costs more.",
        "Prices therefore carry information about costs.",
    ]
    assert told_in_paragraph(paragraph) == [False, True, True, False]
    suppose = ["Suppose a town has one well.", "The owner can charge what she likes.", "That is a monopoly."]
    assert told_in_paragraph(suppose) == [True, True, True]
    reader = ["Prices change.", "In terms of your budget, you could buy less bread.", "Demand falls."]
    assert told_in_paragraph(reader) == [False, True, False]
    assert told_in_paragraph(["A tariff gives you a higher price to pay."]) == [False]  # the reader acts in nothing


def test_a_heading_names_an_example_by_its_first_word() -> None:
    for heading in ("Example 2", "Example 3.1: Bond prices", "Worked example", "Case Study: A bank run",
                    "Case in Point", "Scenario", "Sample Problem"):
        assert example_heading(heading), heading
    for plain in ("Examples of operant conditioning", "Cases of fraud in banking", "Bonds", None, ""):
        assert not example_heading(plain), plain


def test_the_cleaner_remembers_the_lines_of_a_box_it_keeps() -> None:
    text = "\n".join(["Prose.", "", '<div data-type="note" class="x">', '<div data-type="title">', "T", "</div>",
                      "Inside.", "</div>", "", "After.", ""])
    cleaned = clean_text(text)
    assert cleaned.box_lines == {3, 4, 5, 6, 7, 8}
    aside = clean_text("Prose.\n<aside>\nAside.\n</aside>\nAfter.\n")
    assert aside.box_lines == {2, 3, 4}


def test_what_a_paragraph_calls_an_example_is_a_particular_of_it() -> None:
    paragraph = [
        "Two hydrogen atoms and one sulfur atom can be joined to form hydrogen sulfide, a gas that smells of eggs.",
        "Hydrogen sulfide and methanethiol are examples of **sulfur compounds**.",
        "Sulfur compounds often smell strongly.",
    ]
    assert told_in_paragraph(paragraph) == [True, True, False]
    pointer = ["Shares pay dividends.", "This is an example of a return on capital.", "Bonds pay interest."]
    # 'this' names nothing of its own, but says the sentence before it told an example; the one after is prose
    assert told_in_paragraph(pointer) == [True, True, False]


def test_a_box_gives_no_claim_but_a_blank_on_a_key_term_or_an_expansion() -> None:
    from quizmg.generate.told import told_problem

    assert told_problem("truefalse", BOX) is not None
    assert told_problem("basic", BOX, "What is the link between exit and the demand curve?") is not None
    assert told_problem("short", BOX, "What is the term for the most common risk factor?") is not None
    assert told_problem("short", BOX, "What does GBS stand for?") is None
    assert told_problem("cloze", BOX) is None and told_problem("mcq", BOX) is None
    assert told_problem("truefalse", STORY) is None and told_problem("truefalse", "") is None


def test_the_draft_states_no_claim_read_from_a_box() -> None:
    text = """# Firms

A **cartel**{: data-type="term"} is a group of firms that agree to limit output and raise the price.
Firms in a cartel earn more together than they would by competing with one another.
Cartels are hard to keep together because each member gains by selling more than its share.

<div data-type="note" class="debate" markdown="1">
Some critics argue that trade fairs lead to higher prices for shoppers in small towns.
Trade fairs cause crowding in small towns during the summer months.
</div>

A **price war**{: data-type="term"} is a run of price cuts by rival firms, each answering the other.
"""
    draft = draft_deck(text, "firms.md", keep_all=True)
    assert any(question.answer_text() == "cartel" for question in draft.deck.questions)
    for question in draft.deck.questions:
        prompt = question.prompt_text()
        assert "trade fair" not in prompt.lower() and "small towns" not in prompt.lower(), prompt


def test_a_plain_text_heading_names_an_example_too() -> None:
    text = (
        "Interest\n\nInterest is the price a borrower pays for the use of money.\n\n"
        "Example 1: A loan for a van\n\nThe baker borrows money from her brother to buy a van.\n\n"
        "Rates\n\nRates rise when lenders expect prices to rise.\n"
    )
    document = read_document(text, "interest.txt")
    told = {sentence.text.split()[0]: sentence.told for sentence in document.sentences}
    assert told == {"Interest": "", "The": EXAMPLE, "Rates": ""}
