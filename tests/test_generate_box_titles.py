"""Markup a textbook runs into its prose: a feature box's title set before its first sentence, a figure's
part written in bold after the link to it, and Markdown's backslash escapes ('Merkel\\'s disc'). None is a word
of the sentence (clean.py). Seen in a biology book ('EndosymbiosisWe have mentioned ...', '... shown in the
figurea.'); the sentences here are made up.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document


def _sentences(text: str) -> list[str]:
    return [s.text for s in read_document(text, Path("box.md")).sentences]


def test_a_box_title_run_into_its_first_sentence_is_left_out() -> None:
    text = (
        "# Reefs\n\n"
        "Corals build reefs from the lime they lay down.\n\n"
        "<span data-type=\"title\">Bleaching</span>Warm water drives the algae out of the coral's tissue.\n"
        "<span data-type=\"title\">Reef Keepers</span> Divers count the fish on each reef every year.\n"
    )
    sentences = _sentences(text)
    assert "Warm water drives the algae out of the coral's tissue." in sentences
    assert "Divers count the fish on each reef every year." in sentences
    assert not any("Bleaching" in s or "Keepers" in s for s in sentences)


def test_a_figures_part_in_bold_is_no_letter_of_the_sentence() -> None:
    text = (
        "# Reefs\n\n"
        "Brain corals grow in domes, like the one shown in [\\[link\\]](#fig-reef-2)**a**. "
        "Staghorn corals branch instead ([\\[link\\]](#fig-reef-2)**b**).\n"
    )
    sentences = _sentences(text)
    assert sentences[0] == "Brain corals grow in domes, like the one shown in the figure."
    assert sentences[1] == "Staghorn corals branch instead."


def test_a_backslash_escape_shows_only_its_mark() -> None:
    text = (
        "# Reefs\n\n"
        "A diver\\'s light shows the coral\\'s true colour at depth.\n\n"
        "<div data-type=\"glossary\" markdown=\"1\">\n### Glossary\n{: data-type=\"glossary-title\"}\n\n"
        "Darwin\\'s atoll\n: a ring of coral left where an island sank\\: a lagoon inside a reef\n^\n\n</div>\n"
    )
    document = read_document(text, Path("box.md"))
    assert document.sentences[0].text == "A diver's light shows the coral's true colour at depth."
    assert document.glossary == {"Darwin's atoll": "a ring of coral left where an island sank: a lagoon inside a reef"}
