"""`quizmg generate` asks what a study found, not who studied what, where or when.

The texts are written for these tests, in the project's own words. The classes:

- a sentence that reports a study gives no blank before its reporting verb (the study's setting: who
  did it, when, what it looked at), nor on the beings it observed; a sentence that tells the study ('In
  one study, ...', 'The trained pigeons pecked ...') gives none at all, except inside 'found that ...';
- a sentence that tells a case pinned to a date ('Since the 1980s, Norway and Chile have ...') is an
  example: no blank in it;
- a date or a period is an answer only in a text that tells a history (a quarter of its sentences dated).
"""

from __future__ import annotations

from quizmg.generate.details import detail_blank, is_time, tells_history
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze

TEXT = """# Tariffs and trade

A **tariff**{: data-type="term"} is a tax on goods that cross a border.
Tariffs raise the price of imported goods, and so they lower the quantity of imports that buyers demand.
A **quota**{: data-type="term"} is a limit on the quantity of a good that may be imported.
Quotas, like tariffs, raise the domestic price of the limited good.
A Harbour Institute survey done in the early 1980s,
looking at **import quotas**{: data-type="term"} in coastal states, found a similar pattern.
Research with **dairy farmers**{: data-type="term"} has shown that protected producers invest less in new machinery.
In one study, **shipping clerks**{: data-type="term"} recorded every crate of grain that entered the port.
Since the 1980s, Norway and Chile have kept their tariffs on grain low, and neither country
has had a **trade war**{: data-type="term"} since the early 1990s.
When **import quotas**{: data-type="term"} bind, the domestic price of the good rises above the world price.
A **trade war**{: data-type="term"} is a series of tariffs that countries raise in answer to each other.
Protection shields domestic producers from foreign competition, but consumers pay higher prices.
An **export subsidy**{: data-type="term"} is a payment a government makes to firms that sell goods abroad.
Export subsidies lower the price that foreign buyers pay for the subsidised goods.
"""


def _hidden(text: str) -> list[str]:
    draft = draft_deck(text, "trade.md", keep_all=True)
    return [q.text for q in draft.deck.questions if isinstance(q, Cloze)]


def test_a_study_s_setting_and_a_dated_case_give_no_blank() -> None:
    clozes = _hidden(TEXT)
    assert clozes, "the text's definitions still give blanks"
    for cloze in clozes:
        assert "survey done" not in cloze, cloze  # what the survey looked at
        assert "Research with" not in cloze, cloze  # whom the research studied
        assert "In one study" not in cloze, cloze  # what happened in the study
        assert "Since the 1980s" not in cloze, cloze  # a case pinned to a date
    assert any("{{c1::export subsidy}}" in cloze for cloze in clozes)


def _reason(context: str, hidden: str, text: str = TEXT) -> str | None:
    document = read_document(text, "trade.md")
    terms = find_terms(document)
    start = context.index(hidden)
    return detail_blank(hidden, context, start, start + len(hidden), terms)


def test_the_finding_of_a_study_may_still_be_asked() -> None:
    context = "A later survey of port towns found that import quotas raise the price of grain."
    assert _reason(context, "port towns") is not None  # what it looked at
    assert _reason(context, "import quotas") is None  # what it found


def test_the_beings_a_cited_study_observed_are_no_answer() -> None:
    context = "The same loss of appetite has been observed in both humans and laboratory rats (Okafor & Lind, 2011)."
    assert _reason(context, "laboratory rats") is not None
    assert _reason("The trained pigeons pecked the lit key more often than the dark one.", "lit key") is not None


def test_a_date_is_an_answer_only_in_a_text_that_tells_a_history() -> None:
    context = "When budget deficits turned to surpluses in the late 1990s, private saving fell."
    assert is_time("late 1990s") and is_time("the twentieth century") and is_time("1848")
    assert not is_time("the 1990 Act") and not is_time("saving")
    assert _reason(context, "late 1990s") is not None
    history = "# The canal\n\n" + " ".join(
        f"In {1800 + 10 * n}, the canal company dug a new stretch of {n + 2} miles to the east."
        for n in range(8)
    )
    assert tells_history(sentence.text for sentence in read_document(history, "canal.md").sentences)
    plain = ["Tariffs raise prices.", "In 1990, a survey was done.", "Quotas bind.", "Rates fall.", "Trade grows."]
    assert not tells_history(plain)
    assert _reason(context, "late 1990s", history) is None


def test_a_word_of_a_statistic_or_a_worked_example_is_no_answer() -> None:
    statistic = "World trade in grain is about 14% of farm output, which is about $700 billion a year."
    assert _reason(statistic, "farm output") is not None
    worked = "If the krone is worth $0.15 next month, the importer pays the new price and saves $3,000."
    assert _reason(worked, "importer") is not None
    assert _reason("Tariffs raise the price of imported goods by the amount of the tax.", "imported goods") is None


def test_a_case_set_in_a_named_place_or_ended_by_a_period_gives_no_blank() -> None:
    assert _reason("In the Baltic, the grey seal is a large mammal hunted for its fur.", "grey seal") is not None
    assert _reason("In the Baltic, a **tariff**{: data-type=\"term\"} once protected fishing.", "tariff") is None
    assert _reason("Most of the growth in crop yields came in the twentieth century.", "crop yields") is not None


def test_what_a_thing_was_once_used_for_is_no_definition_to_ask() -> None:
    from quizmg.generate.definition_checks import askable_definition, past_use

    assert past_use("a white powder that was formerly used as a face paint")
    assert not askable_definition("lead carbonate", "a white powder that was formerly used as a face paint")
    assert not past_use("a white powder that is used as a face paint")
    context = "Lead carbonate is a white powder that was formerly used as a face paint."
    assert _reason(context, "Lead carbonate") is not None


def test_a_past_event_with_a_time_anywhere_in_it_gives_no_blank() -> None:
    context = "Dyers, as early as the tenth century, knew indigo as the blue of the woad plant."
    assert _reason(context, "woad plant") is not None
    assert _reason("Dyers know indigo as the blue of the woad plant.", "woad plant") is None
