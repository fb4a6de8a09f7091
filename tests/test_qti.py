"""QTI 1.2 for Canvas: the zip has the structure text2qti (the reference for what Canvas accepts)
writes for the same questions."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, fromstring

from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.formats.qti import write_qti
from quizmg.model import Choice, Deck, Match, MultipleChoice, Numeric, Pair, Short, TrueFalse

DATA = Path(__file__).parent / "data"

DECK = Deck(
    id="canvas",
    title="Canvas quiz",
    questions=[
        MultipleChoice(id="one", prompt="What is 2+3?", choices=[Choice(text="6"), Choice(text="5", correct=True)]),
        MultipleChoice(
            id="many",
            prompt="Which are primes?",
            choices=[Choice(text="2", correct=True), Choice(text="3", correct=True), Choice(text="4")],
        ),
        Short(id="short", prompt="Capital of France?", answer="Paris", accepted=["paris"]),
        Numeric(id="num", prompt="Body temperature?", answer=37, tolerance=0.5),
        TrueFalse(id="tf", statement="Is water wet?", answer=True),
    ],
)
TEXT2QTI_SOURCE = """Quiz title: Canvas quiz

1.  What is 2+3?
a)  6
*b) 5

2.  Which are primes?
[*] 2
[*] 3
[ ] 4

3.  Capital of France?
*   Paris
*   paris

4.  Body temperature?
=   37 +- 0.5

5.  Is water wet?
*a) True
b)  False
"""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _shape(element: Element) -> str:
    """An element's tags and attributes that carry structure, without identifiers or text."""
    keep = {k: v for k, v in element.attrib.items() if k in ("rcardinality", "fibtype", "action", "vartype")}
    inner = "".join(_shape(child) for child in element)
    return f"<{_local(element.tag)}{keep or ''}>{inner}"


def skeleton(data: bytes) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The zip's layout and, item by item, the question type, the response's shape and the scoring's."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        layout = sorted(re.sub(r"text2qti_assessment_[0-9a-f]+|q[0-9a-f]{32}", "ID", name) for name in names)
        item_file = next(n for n in names if n.endswith(".xml") and "/" in n and "meta" not in n)
        root = fromstring(archive.read(item_file))
        for name in ("imsmanifest.xml", next(n for n in names if n.endswith("assessment_meta.xml"))):
            fromstring(archive.read(name))  # well-formed
    items = []
    for item in root.iter():
        if _local(item.tag) != "item":
            continue
        fields = {_local(f[0].tag) and f[0].text: f[1].text for f in item.iter() if _local(f.tag) == "qtimetadatafield"}
        presentation = next(c for c in item if _local(c.tag) == "presentation")
        response = "".join(_shape(c) for c in presentation if _local(c.tag) != "material")
        response = re.sub(r"(<response_label>(<material><mattext>)?)+", "<label>", response)
        scoring = [
            _shape(condition)
            for condition in item.iter()
            if _local(condition.tag) == "respcondition" and condition.get("continue") == "No"
        ]
        items.append((str(fields["question_type"]), response, "".join(scoring)))
    return layout, items


def test_qti_zip_has_the_structure_text2qti_writes() -> None:
    from text2qti.config import Config
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz

    reference = QTI(Quiz(TEXT2QTI_SOURCE, config=Config())).zip_bytes()
    ours, warnings = write_qti(DECK)
    assert warnings == []
    assert skeleton(ours) == skeleton(reference)


def test_matching_and_hostile_text() -> None:
    deck = Deck(
        id="m",
        title="M",
        questions=[
            Match(
                id="m",
                prompt="<script>alert(1)</script> **pair**",
                pairs=[Pair(left="a", right="x"), Pair(left="b", right="x"), Pair(left="c", right="y")],
                distractors=["z"],
            )
        ],
    )
    data, _ = write_qti(deck)
    _, items = skeleton(data)
    assert items[0][0] == "matching_question" and items[0][1].count("<response_lid") == 3
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = next(archive.read(n) for n in archive.namelist() if n.endswith(".xml") and "meta" not in n and "/" in n)
    prompt = next(e.text or "" for e in fromstring(body).iter() if _local(e.tag) == "mattext")
    assert "&lt;script&gt;" in prompt and "<script>" not in prompt and "<strong>pair</strong>" in prompt


def test_export_qti_command(tmp_path: Path) -> None:
    out = tmp_path / "quiz.zip"
    result = CliRunner().invoke(cli, ["export", "qti", str(DATA / "sample.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "as a Canvas QTI zip" in result.stdout
    layout, items = skeleton(out.read_bytes())
    assert "imsmanifest.xml" in layout and len(items) >= 20
