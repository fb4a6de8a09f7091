"""What goes into an Anki note's fields: deck text as HTML, the hidden question JSON, GUIDs, scrambled items.

Pure functions, checked without a collection; the import into real Anki is in test_anki_export.py.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import genanki

from quizmg.bank import load_bank
from quizmg.formats.deck_html import field_html

to_html = partial(field_html, None)  # deck text to HTML, with no images to collect


def test_to_html_fast_path_matches_markdown() -> None:
    from quizmg.formats.deck_html import _markdown

    for text in ('Plain "quoted" text', "It's 3 o'clock", "Ends with a colon:"):
        assert to_html(text) == _markdown().render(text).strip()[3:-4]
    assert to_html("two\nlines") == "two<br>lines"
    assert to_html("1. first\n2. second") == "<ol>\n<li>first</li>\n<li>second</li>\n</ol>"


def test_note_guid_is_genankis_guid_for() -> None:
    """quizmg's faster GUID is exactly genanki.guid_for("quizmg", deck, question)."""
    from quizmg.formats.anki.ids import note_guid

    cases = [("magnesium", f"mech-{n}.recall") for n in range(2000)]
    cases += [("", ""), ("dé/ck", "q/1"), ("a" * 300, "ü" * 50)]
    for deck_id, question_id in cases:
        assert note_guid(deck_id, question_id) == genanki.guid_for("quizmg", deck_id, question_id)


def test_scrambled_items_are_fixed_and_never_in_order() -> None:
    from quizmg.formats.anki.fields import _scrambled

    for count in range(2, 7):
        items = [f"step {n}" for n in range(count)]
        for seed in (f"q{n}" for n in range(200)):
            shuffled = _scrambled(items, seed)
            assert sorted(shuffled) == sorted(items) and shuffled != items
            assert _scrambled(items, seed) == shuffled
    assert _scrambled(["only"], "q") == ["only"]


def test_question_json_is_the_models_json(sample_deck: Path) -> None:
    import html

    from pydantic import TypeAdapter

    from quizmg.formats.anki.fields import question_json
    from quizmg.model import Question

    adapter: TypeAdapter = TypeAdapter(Question)
    for question in load_bank(sample_deck).questions:
        field = question_json("sample", question)
        data = json.loads(html.unescape(field))
        # Only what differs from the defaults, and the kind: the same question read back, in
        # fewer characters than the whole model.
        assert data == {
            "deck": "sample",
            "question": {"kind": question.kind, **json.loads(question.model_dump_json(exclude_defaults=True))},
        }
        assert adapter.validate_python(data["question"]) == question
        assert len(field) - len('{"deck":"sample","question":}') < len(question.model_dump_json())


def test_question_json_escapes_markup_for_its_field() -> None:
    import html

    from quizmg.formats.anki.fields import question_json
    from quizmg.model import Basic

    raw = Basic(id="q", kind="basic", prompt="Is <b> & </b> bold?", answer="yes")
    field = question_json("d", raw)
    assert "<" not in field and ">" not in field and "&lt;b&gt; &amp; &lt;/b&gt;" in field
    assert json.loads(html.unescape(field))["question"]["prompt"] == "Is <b> & </b> bold?"
    plain = Basic(id="q", kind="basic", prompt="Plain?", answer="yes")
    assert json.loads(question_json("d", plain)) == {
        "deck": "d", "question": {"kind": "basic", "id": "q", "prompt": "Plain?", "answer": "yes"}
    }


def _markdown_it_reference(text: str) -> str:
    """What markdown-it renders for deck text, <p> unwrapped: the meaning of `field_html`.

    One exception, on purpose: one line starting with `[` is read as a paragraph, so a field
    such as "[ref]: /url" shows as written instead of vanishing as a link reference definition.
    """
    from quizmg.formats.deck_html import _markdown

    text = text.strip()
    if text.startswith("[") and "\n" not in text:
        return _markdown().renderInline(text)
    rendered = _markdown().render(text).strip().replace("<br />\n", "<br>")
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


# Pieces of deck text that Markdown treats specially, and plain ones around them.
_MARKDOWN_PIECES = [
    "a", "b", "Zé", "1", "2.", "3)", " ", "  ", "\t", "\n", "*", "**", "***", "_", "__", "`", "&",
    "&amp;", "&#49;", "&copy;", "&x", ";", "#", ".", ",", "(", ")", '"', "'", "<", ">", "[", "]", ":",
    "/url", "!", "-", "---", "+", "=", "\\", "~", "|", "\u00a0", "http://x.org", "<img src=a>",
]


def test_to_html_renders_exactly_what_markdown_it_renders() -> None:
    """Every fast path of field_html gives markdown-it's output, on texts full of Markdown signs."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=3000, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=12).map("".join))
    def check(text: str) -> None:
        from quizmg.formats.deck_html import _MATH

        if _MATH.search(text) is None:  # math spans are kept from markdown-it on purpose
            assert to_html(text) == _markdown_it_reference(text)

    check()


def test_to_html_simple_emphasis_and_its_limits() -> None:
    assert to_html("Because of rule 7 & its **exception**.") == (
        "Because of rule 7 &amp; its <strong>exception</strong>."
    )
    assert to_html('*one* and **"two"**') == "<em>one</em> and <strong>&quot;two&quot;</strong>"
    for text in ("**a*b**", "(**in brackets**)", "**x**y", "***both***", "** spaced **", "a**b**",
                 "**snake_case**", "&amp; **x**", "---", "- - -", "+ item"):
        assert to_html(text) == _markdown_it_reference(text), text
    assert to_html("[ref]: /url") == "[ref]: /url"
