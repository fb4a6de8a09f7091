"""Reading documents for `quizmg generate`: sections, sentences, lines, and the inputs it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmg.errors import DeckError
from quizmg.formats.text import read_text
from quizmg.generate.document import read_document

DOCUMENTS = Path(__file__).parent / "data" / "documents"


def test_markdown_front_matter_headings_links_html_code_and_lists() -> None:
    path = DOCUMENTS / "painkillers.md"
    document = read_document(read_text(path), path)
    assert document.title == "How Common Painkillers Work"
    assert document.author == "quizmg test writers"
    assert document.sections == ["Aspirin and the NSAIDs", "Paracetamol", "Opioids", "Caffeine as a helper"]
    texts = [s.text for s in document.sentences]
    # A link keeps its words and loses its address; inline HTML and code blocks are left out.
    assert any("see the course page for the reading list" in t for t in texts)
    assert not any("example.org" in t or "<div" in t or "dose_mg" in t for t in texts)
    assert "Never exceed the dose printed on the packet." not in texts
    # Emphasised words are remembered as candidate key terms.
    assert "non-steroidal anti-inflammatory drugs" in document.emphasised
    assert "Paracetamol" in document.emphasised
    # List items become sentences of their own, in their section.
    naloxone = next(s for s in document.sentences if s.text.startswith("Naloxone competes"))
    assert naloxone.section == "Opioids"


def test_every_sentence_knows_its_line_section_and_position() -> None:
    path = DOCUMENTS / "painkillers.md"
    text = read_text(path)
    document = read_document(text, path)
    lines = text.split("\n")
    for sentence in document.sentences:
        # The sentence's first words stand on the line it names (soft-wrapped paragraphs included).
        first_words = " ".join(sentence.text.split()[:2]).replace("**", "")
        assert first_words.split()[0].strip("*") in lines[sentence.line - 1], sentence
    morphine = next(s for s in document.sentences if s.text.startswith("Morphine, the classic"))
    assert (morphine.section, morphine.position) == ("Opioids", 1)


def test_plain_text_title_and_headings() -> None:
    path = DOCUMENTS / "wolves-and-rivers.txt"
    document = read_document(read_text(path), path)
    assert document.title == "Wolves, Elk and the Shape of Rivers"
    assert document.sections == [
        "Predators and Grazers", "Beavers and Water", "Nutrients and Soil", "Coyotes and Smaller Prey"
    ]
    first = document.sentences[0]
    assert first.section is None and first.line == 3 and first.text.startswith("A trophic cascade")


def test_sentences_split_at_full_stops_but_not_at_abbreviations(tmp_path: Path) -> None:
    text = "Enzymes, e.g. lipase, digest fats. Dr. Smith studied them in 1990. The gut absorbs them."
    document = read_document(text, tmp_path / "notes.txt")
    assert [s.text for s in document.sentences] == [
        "Enzymes, e.g. lipase, digest fats.",
        "Dr. Smith studied them in 1990.",
        "The gut absorbs them.",
    ]


@pytest.mark.parametrize("text", ["", "   \n\n  \t\n"])
def test_an_empty_document_is_refused_with_a_clear_message(tmp_path: Path, text: str) -> None:
    with pytest.raises(DeckError, match="the document is empty"):
        read_document(text, tmp_path / "empty.txt")


def test_french_is_refused_as_not_english() -> None:
    path = DOCUMENTS / "french-bread.txt"
    with pytest.raises(DeckError, match="does not look like English") as caught:
        read_document(read_text(path), path)
    assert "french-bread.txt" in str(caught.value)


def test_a_non_latin_script_is_refused_as_not_english(tmp_path: Path) -> None:
    text = "Το μαγνήσιο είναι ένα μέταλλο. Βοηθά τους μυς να χαλαρώσουν μετά την άσκηση."
    with pytest.raises(DeckError, match="most letters are not Latin"):
        read_document(text, tmp_path / "greek.txt")


def test_a_binary_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DeckError, match="binary"):
        read_text(path)


_TIDES = """# Tides

The gravity of the moon raises a bulge of ocean water on the side of the earth facing it.
The chapter on orbits will discuss why the bulge lags behind the moon.
Tide tables for every harbour are published at https://tides.example.org/tables, which list high water by the hour.
Spring tides occur when the sun and the moon pull in line, as Reaction 2 shows for the forces.
Neap tides follow the following pattern: a quarter moon gives the weakest range.
A tidal bore is a wave that runs up a narrow river against its current.
Coastal Planning and Harbours will explain how engineers build sea walls.
A higher sea level moves the high-water mark from point H₀ to point H₁ on the chart.
"""


def test_cross_references_links_and_unseen_numbered_items_are_not_mined() -> None:
    texts = [s.text for s in read_document(_TIDES, Path("tides.md")).sentences]
    assert texts == [
        "The gravity of the moon raises a bulge of ocean water on the side of the earth facing it.",
        "A tidal bore is a wave that runs up a narrow river against its current.",
    ]


_SAVINGS = """# Saving and lending

Start with a hypothetical credit union called Larkspur Mutual.
Larkspur Mutual holds deposits of two million dollars and must keep a tenth of them as reserves.
Consider Tomasz, a carpenter who keeps his wages in an account at Larkspur Mutual.
Tomasz borrows to buy a lathe from Wren Timber Yard, and Wren Timber Yard deposits his payment in its own bank.
Wren Timber Yard then lends part of that payment to a neighbour.
A reserve requirement is the share of deposits a bank may not lend out.
The Federal Reserve sets the reserve requirement for the banks it supervises.
Every loan that is spent and deposited again adds to the money supply.
"""


def test_the_invented_firms_and_people_of_a_worked_example_are_not_mined() -> None:
    texts = [s.text for s in read_document(_SAVINGS, Path("savings.md")).sentences]
    assert texts == [
        "A reserve requirement is the share of deposits a bank may not lend out.",
        "The Federal Reserve sets the reserve requirement for the banks it supervises.",
        "Every loan that is spent and deposited again adds to the money supply.",
    ]


def test_a_real_persons_surname_is_no_key_term_even_when_marked() -> None:
    from quizmg.generate.term_finding import find_terms

    text = (
        "# Learning\n\n"
        "Edwin R. **Guthrie**{: data-type=\"term\"} (1886–1959) described learning as a single pairing.\n"
        "Guthrie argued that a **contiguity**{: data-type=\"term\"} of stimulus and response is enough to learn.\n"
        "Contiguity needs no reward, and Guthrie saw reward only as a way to end the pairing.\n"
    )
    document = read_document(text, Path("learning.md"))
    assert len(document.sentences) == 3  # 'Edwin R.' did not end a sentence
    terms = find_terms(document)
    assert terms.get("contiguity") is not None
    assert terms.get("Guthrie") is None


def test_a_real_person_known_by_one_name_in_a_history_is_no_invented_character() -> None:
    # A history's people are mostly named by their surname and 'he': they are real, and their sentences are the
    # text's facts. (An economics example's 'Tomasz ... his wages' above is invented.)
    text = (
        "# The Grain Embargo\n\n"
        "In 1807, Grenville closed the ports to foreign grain. He hoped the embargo of 1807 would starve the rebels.\n"
        "By 1809, Grenville lifted the embargo, and his successor reopened the grain trade in 1810.\n"
        "The grain riots of 1811 followed a poor harvest in 1810.\n"
    )
    texts = [s.text for s in read_document(text, Path("embargo.md")).sentences]
    assert any("Grenville closed the ports" in t for t in texts)
    assert any("Grenville lifted the embargo" in t for t in texts)
