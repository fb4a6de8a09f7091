"""`quizmg generate` on a teacher's web page (.html) or Word document (.docx).

The Word documents are written by python-docx (an independent writer of the format), and by hand
where a test needs what only Word writes (style ids in another language, tracked changes, the strict
namespace). The texts are the project's own words.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.errors import DeckError
from quizmg.formats.document_html import html_to_markdown
from quizmg.formats.documents import read_document_text

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<title>Rivers and Their Valleys</title>
<style>p { color: red; } .hidden-style-word { }</style>
<script>var trackingWord = "sediment pump";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/lessons">All lessons about glaciers</a></nav>
<h1>Rivers and Their Valleys</h1>
<p>A river carries rock fragments downstream, and the grinding of those fragments against the bed is
called <b>abrasion</b>.</p>
<p>Where a river flows over a band of hard rock above a band of soft rock, the soft rock wears away
faster, and a <strong>waterfall</strong> forms at the edge of the hard band.</p>
<h2>Meanders</h2>
<p>On a gentle slope a river swings from side to side in loops called <dfn>meanders</dfn>. The water on
the outside of a bend flows faster and erodes the bank, while the slower water on the inside drops its
load of sand.</p>
<p>When the neck of a meander is cut through during a flood, the abandoned loop becomes an
<b>oxbow lake</b>.</p>
<table><tr><td>Table word tributary</td><td>3 km</td></tr></table>
<ul><li>A <b>delta</b> builds up where a river slows as it enters the sea.</li></ul>
<dl><dt>floodplain</dt><dd>the flat land beside a river that is covered by water when it floods</dd></dl>
<footer>Copyright the school, all rights reserved.</footer>
</body>
</html>
"""


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_web_page_becomes_markdown_without_its_furniture() -> None:
    markdown, title = html_to_markdown(PAGE)
    assert title == "Rivers and Their Valleys"
    for furniture in ("tracking", "color", "All lessons", "Table word", "Copyright"):
        assert furniture not in markdown
    assert "called **abrasion**." in markdown
    assert "loops called **meanders**." in markdown
    assert "## Meanders" in markdown
    assert "* A **delta** builds up" in markdown
    assert "floodplain\n: the flat land beside a river" in markdown  # a definition list stays one
    # Each block starts on the line its tag starts on in the page, so a draft's line points into it.
    for needle in ("A river carries rock", "On a gentle slope", "When the neck of a meander"):
        assert _line_of(markdown, needle) == _line_of(PAGE, needle)


def test_bold_marks_hug_their_words_and_bold_around_nothing_goes() -> None:
    markdown, _title = html_to_markdown("<p>Salt is <b> sodium chloride </b>, (<strong>halite</strong>)<b></b>.</p>")
    assert markdown.strip() == "Salt is **sodium chloride**, (**halite**)."


def test_a_draft_from_a_web_page_asks_its_terms_and_points_at_its_lines(tmp_path: Path) -> None:
    page = tmp_path / "rivers.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "rivers.yaml"
    result = CliRunner().invoke(cli, ["generate", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    deck = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert deck["title"].startswith("Rivers and Their Valleys")
    shown = yaml.safe_dump(deck["questions"])
    assert "oxbow lake" in shown and "meanders" in shown
    assert "tributary" not in shown and "glaciers" not in shown
    line = _line_of(PAGE, "When the neck of a meander")
    oxbow = [q for q in deck["questions"] if "oxbow lake" in yaml.safe_dump(q)]
    assert any(f"line {line}" in yaml.safe_dump(q) for q in oxbow)


def test_a_page_in_a_declared_legacy_encoding_is_read(tmp_path: Path) -> None:
    page = tmp_path / "cafe.html"
    page.write_bytes(
        '<html><head><meta charset="windows-1252"></head><body><p>The café sells crème brûlée.</p></body></html>'
        .encode("cp1252")
    )
    assert "The café sells crème brûlée." in read_document_text(page)


# -- Word documents ------------------------------------------------------------------------------


def _word_document(path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "Volcanoes"
    document.add_heading("Volcanoes", level=1)
    paragraph = document.add_paragraph("Molten rock below the surface is called ")
    paragraph.add_run("magma").bold = True
    paragraph.add_run("; once it reaches the surface it is called ")
    paragraph.add_run("lava").bold = True
    paragraph.add_run(".")
    document.add_heading("Kinds of volcano", level=2)
    paragraph = document.add_paragraph("A ")
    paragraph.add_run("shield volcano").bold = True
    paragraph.add_run(" has gentle slopes because its runny lava flows far before it cools.")
    document.add_paragraph(
        "A stratovolcano is built from layers of ash and thick lava, which gives it steep sides.",
        style="List Bullet",
    )
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Tablecell caldera"
    document.add_paragraph(
        "When a magma chamber empties after an eruption, the ground above it collapses into a wide "
        "basin called a caldera."
    )
    document.save(str(path))


def test_a_word_document_becomes_markdown_with_headings_lists_and_terms(tmp_path: Path) -> None:
    path = tmp_path / "volcanoes.docx"
    _word_document(path)
    markdown = read_document_text(path)
    assert markdown.startswith("# Volcanoes\n")
    assert "## Kinds of volcano" in markdown
    assert "is called **magma**; once it reaches the surface it is called **lava**." in markdown
    assert "A **shield volcano** has gentle slopes" in markdown
    assert "* A stratovolcano is built" in markdown
    assert "Tablecell" not in markdown


def _drafted_word_document(tmp_path: Path) -> str:
    """The volcanoes document drafted with --all: the text bolds three terms, so a blank on a word it does not
    bold scores under the threshold; every paragraph's question is wanted, to show the whole document was read."""
    path = tmp_path / "volcanoes.docx"
    _word_document(path)
    out = tmp_path / "volcanoes.yaml"
    result = CliRunner().invoke(cli, ["generate", str(path), "-o", str(out), "--all"])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_a_draft_from_a_word_document(tmp_path: Path) -> None:
    shown = _drafted_word_document(tmp_path)
    assert "magma" in shown and "caldera" in shown
    assert "Tablecell" not in shown


def test_a_draft_from_a_word_document_points_at_paragraphs_not_lines(tmp_path: Path) -> None:
    # Word shows no line numbers, and the Markdown the draft reads has two lines a paragraph: a note saying
    # "line 11" sent the teacher to the wrong place. The caldera sentence is the sixth paragraph with text
    # (the two headings and the bullet count; the table does not).
    deck = yaml.safe_load(_drafted_word_document(tmp_path))
    notes = [q.get("explanation", "") for q in deck["questions"]]
    caldera = [q.get("explanation", "") for q in deck["questions"] if "caldera" in yaml.safe_dump(q)]
    assert caldera and all("(paragraph 6)" in note for note in caldera)
    assert notes and not any("(line " in note for note in notes)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _hand_made(body: str, styles: str = "", namespace: str = W) -> bytes:
    """A .docx as Word writes one, with only the parts quizmg reads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>')
        if styles:
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{namespace}">{styles}</w:styles>')
    return buffer.getvalue()


def test_word_in_another_language_tracked_changes_and_hidden_text(tmp_path: Path) -> None:
    # A German Word names its heading style "berschrift1" but stores the built-in name in English.
    styles = ('<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
              '<w:style w:type="character" w:styleId="Fett"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>')
    body = (
        '<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Tides</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">The pull of the moon raises a </w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Fett"/></w:rPr><w:t>tidal bulge</w:t></w:r>'
        '<w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t xml:space="preserve"> on the near side</w:t></w:r></w:ins>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden words</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:t>.</w:t></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Not bold at all.</w:t></w:r></w:p>'
    )
    for namespace in (W, STRICT):
        path = tmp_path / "tides.docx"
        path.write_bytes(_hand_made(body, styles, namespace))
        markdown = read_document_text(path)
        assert markdown == (
            "# Tides\n\nThe pull of the moon raises a **tidal bulge** on the near side.\n\nNot bold at all.\n"
        )


def _with_entities() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f'<!DOCTYPE w:document [<!ENTITY a "aaaa">]><w:document xmlns:w="{W}"/>')
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"plain text, not a zip", "not a zip file"),
        (None, "no word/document.xml"),
        (_hand_made("<w:p><w:r><w:t>cut short"), "damaged"),
        (_with_entities(), "entities"),
    ],
)
def test_a_damaged_or_foreign_docx_is_named_and_refused(tmp_path: Path, content: bytes | None, says: str) -> None:
    path = tmp_path / "lesson.docx"
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        content = buffer.getvalue()
    path.write_bytes(content)
    with pytest.raises(DeckError) as caught:
        read_document_text(path)
    assert says in str(caught.value) and "lesson.docx" in str(caught.value)
    result = CliRunner().invoke(cli, ["generate", str(path), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output and "lesson.docx" in result.output


def test_a_zip_that_inflates_too_far_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quizmg.formats.document_zip as office

    monkeypatch.setattr(office, "MAX_PART_BYTES", 1000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_hand_made("<w:p><w:r><w:t>" + "a" * 5000 + "</w:t></w:r></w:p>"))
    with pytest.raises(DeckError, match="inflates past"):
        read_document_text(path)


@pytest.mark.parametrize("suffix", [".pdf", ".doc", ".rtf"])
def test_formats_quizmg_cannot_read_say_what_to_save_them_as(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"lesson{suffix}"
    path.write_bytes(b"%PDF-1.4 not read")
    result = CliRunner().invoke(cli, ["generate", str(path), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 1
    assert f"lesson{suffix}" in result.output and ".docx" in result.output and "save" in result.output


def test_program_code_and_markdown_looking_lines_in_a_word_document(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    code = document.styles.add_style("Listing", WD_STYLE_TYPE.PARAGRAPH)
    code.font.name = "Courier New"  # a custom style, known as code only by its font
    document.add_paragraph("# the loop counts down", style="Listing")
    document.add_paragraph("while n > 0: n -= 1", style="Listing")
    document.add_paragraph("# of moles is the amount of a substance.")
    document.add_paragraph("1. Heat the water before the salt is added.")
    path = tmp_path / "notes.docx"
    document.save(str(path))
    markdown = read_document_text(path)
    assert "loop" not in markdown and "while" not in markdown
    assert "\\# of moles" in markdown and "1\\. Heat" in markdown

    from quizmg.generate.document import read_document

    sentences = [s.text for s in read_document(markdown, path).sentences]
    assert "# of moles is the amount of a substance." in sentences  # a sentence, not a heading
    assert "Heat the water before the salt is added." in sentences  # a paragraph, not a list item


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    f'xmlns:text="{ODF_TEXT}" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


def _opendocument(body: str, automatic: str = "", named: str = "") -> bytes:
    """An .odt as LibreOffice writes one, with only the parts quizmg reads."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", (
            f'<office:document-content {ODF_NAMESPACES}><office:font-face-decls>'
            '<style:font-face style:name="Liberation Mono" svg:font-family="Liberation Mono" '
            'style:font-pitch="fixed"/></office:font-face-decls>'
            f'<office:automatic-styles>{automatic}</office:automatic-styles>'
            f'<office:body><office:text>{body}</office:text></office:body></office:document-content>'
        ))
        archive.writestr("styles.xml", f'<office:document-styles {ODF_NAMESPACES}><office:styles>{named}'
                                       '</office:styles></office:document-styles>')
    return buffer.getvalue()


def test_an_opendocument_text_becomes_markdown(tmp_path: Path) -> None:
    named = (
        '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"/>'
        '<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Example" style:family="paragraph">'
        '<style:text-properties style:font-name="Liberation Mono"/></style:style>'
    )
    automatic = (
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>'
    )
    body = (
        '<text:h text:outline-level="1">Glaciers</text:h>'
        '<text:p>Snow that survives the summer is pressed into <text:span text:style-name="T1">firn</text:span>,'
        '<text:s/>and firn slowly becomes <text:span text:style-name="Strong_20_Emphasis">glacier ice</text:span>.'
        '<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p>'
        '</text:note-body></text:note></text:p>'
        '<text:p text:style-name="P1">How ice moves</text:p>'
        '<text:list><text:list-item><text:p>A glacier slides on meltwater at its base.</text:p></text:list-item>'
        '</text:list>'
        '<table:table><table:table-row><table:table-cell><text:p>Cell moraine</text:p></table:table-cell>'
        '</table:table-row></table:table>'
        '<text:p text:style-name="Example">ice = snow * pressure</text:p>'
        '<text:tracked-changes><text:changed-region><text:deletion><text:p>Removed sentence.</text:p>'
        '</text:deletion></text:changed-region></text:tracked-changes>'
    )
    path = tmp_path / "glaciers.odt"
    path.write_bytes(_opendocument(body, automatic, named))
    assert read_document_text(path) == (
        "# Glaciers\n\n"
        "Snow that survives the summer is pressed into **firn**, and firn slowly becomes **glacier ice**.\n\n"
        "## How ice moves\n\n"
        "* A glacier slides on meltwater at its base.\n"
    )
    from quizmg.generate.document import read_document

    document = read_document(read_document_text(path), path)
    assert document.title == "Glaciers" and document.sections == ["How ice moves"]
    slides = next(sentence for sentence in document.sentences if "slides on meltwater" in sentence.text)
    assert slides.place == "paragraph 4"  # the heading, the firn paragraph and the second heading before it
    assert slides.line == 7  # the Markdown line, which the marks of key terms are counted in
    assert {"firn", "glacier ice"} <= set(document.emphasised)


def test_a_spreadsheet_saved_as_odt_is_refused_by_name(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", f'<office:document-content {ODF_NAMESPACES}><office:body>'
                                        '<office:spreadsheet/></office:body></office:document-content>')
    path = tmp_path / "marks.odt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DeckError, match="no text body"):
        read_document_text(path)


def test_program_code_on_a_web_page_is_left_out() -> None:
    markdown, _title = html_to_markdown("<p>A loop repeats.</p><pre>for i in range(3):\n    print(i)</pre>"
                                        "<p># of tries is three.</p>")
    assert "range" not in markdown and "\\# of tries" in markdown
