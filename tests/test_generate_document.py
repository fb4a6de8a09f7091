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
