"""An aside that only points at a figure is left out of its sentence (figure_asides.py, called by clean.py).

Seen in the physics and economics books: '..., as illustrated in [link], but ...', '..., as [link] shows.',
'As shown in [link], the ...' made whole sentences unquotable ('the figure'). The sentences below are made up.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.figure_asides import drop_figure_asides
from quizmg.generate.sentence_use import quotable

_STUB = r"[\[link\]](#fig-3)"


def test_a_pointing_aside_is_left_out() -> None:
    assert drop_figure_asides(f"A sail bends the wind, as illustrated in {_STUB}, but slows the boat.") == (
        "A sail bends the wind, but slows the boat.")
    assert drop_figure_asides(f"The keel resists drift, as {_STUB} shows.") == "The keel resists drift."
    assert drop_figure_asides(f"The hull is long. As shown in {_STUB}, the bow cuts the waves.") == (
        "The hull is long. The bow cuts the waves.")
    assert drop_figure_asides(f"Wind spills off the leech, shown in {_STUB}(b).") == "Wind spills off the leech."
    # Between a subject and its verb, the aside's closing comma goes with it.
    assert drop_figure_asides(f"A spinnaker, shown in {_STUB}, is a large sail.") == "A spinnaker is a large sail."
    # Closing its clause with no comma before it, and pointing at several figures.
    assert drop_figure_asides(f"A jib fills first as seen in {_STUB}, {_STUB}, and {_STUB}. It luffs") == (
        "A jib fills first. It luffs")
    # 'such as shown in [link]' names the figure as the example: no aside to drop ('a string, such.' read nothing).
    assert drop_figure_asides(f"A mast holds a sail, such as shown in {_STUB}.") == (
        f"A mast holds a sail, such as shown in {_STUB}.")


def test_a_sentence_that_needs_the_figure_keeps_it() -> None:
    # The stub is the sentence's subject or its object: the sentence says nothing without the figure.
    for line in (f"{_STUB} shows the forces on a sail.", f"In {_STUB}, the area labeled B is the lift.",
                 f"The drag on a hull, the force that slows it, is illustrated in {_STUB}."):
        assert drop_figure_asides(line) == line


def test_the_sentence_becomes_quotable() -> None:
    text = (
        "# Sailing\n\n"
        f"A **keel** is a fin under the hull that keeps a boat from sliding sideways, as illustrated in {_STUB}, "
        "and it carries weight low in the water.\n"
    )
    document = read_document(text, Path("sail.md"))
    sentence = next(s for s in document.sentences if "keel" in s.text)
    assert "figure" not in sentence.text
    assert quotable(sentence, sentence.text)


def test_a_bracketed_pointer_is_left_out_and_the_sentence_quoted() -> None:
    # '(see [link])', '(as illustrated in [link])', '(shown in [link] and [link])' became '(see the figure)',
    # and the word 'figure' kept a sentence that says everything itself out of every question.
    for aside in (f"(see {_STUB})", f"(as illustrated in {_STUB})", f"(shown in {_STUB} and {_STUB})"):
        document = read_document(f"# Sailing\n\nA **keel** keeps a boat from sliding sideways {aside}.\n", Path("k.md"))
        sentence = next(s for s in document.sentences if "keel" in s.text)
        assert sentence.text == "A keel keeps a boat from sliding sideways.", aside
        assert quotable(sentence, sentence.text)
