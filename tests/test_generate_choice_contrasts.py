"""No multiple choice on a blank the sentence sets apart from its subject: 'NK cells have a different
lineage than _____' is true of every other cell type offered (held-out set 7: granulocytes, monocytes,
erythrocytes and thrombocytes were all right)."""

from __future__ import annotations

from pathlib import Path

from drafting import term

from quizmg.generate.document import read_document
from quizmg.generate.questions import Drafter
from quizmg.generate.term_finding import find_terms
from quizmg.model import MultipleChoice

TEXT = f"""---
title: "Blood Cells"
---

The marrow makes {term("erythrocytes")}, {term("thrombocytes")}, {term("monocytes")}, and {term("granulocytes")} daily.
Erythrocytes carry oxygen from the lungs to the tissues of the body.
Thrombocytes gather where a vessel is torn and plug the hole.
Monocytes leave the blood and settle in the tissues as large eaters of debris.
Granulocytes hold granules of enzymes that they release at a wound.
Lymphocytes have a different lineage than granulocytes, arising from lymphoid stem cells.
Lymphocytes differ from monocytes in the way they kill infected cells.
Most of the cells that the marrow releases each day are erythrocytes.
Blood makes up about a twelfth of the weight of an adult body.
A drop of blood holds millions of cells floating in a pale yellow fluid.
The fluid part of blood carries salts, sugars and hormones around the body.
Doctors count the cells of each kind in a sample to look for signs of illness.
A person who loses a lot of blood in an accident may need a transfusion.
The heart pumps the whole volume of the blood around the body about once a minute.
"""


def _choice_prompts() -> list[str]:
    document = read_document(TEXT, Path("blood.md"))
    drafter = Drafter(find_terms(document), len(document.sentences), set(), document.sentences)
    return [candidate.question.prompt for sentence in document.sentences for candidate in drafter.draft(sentence)
            if isinstance(candidate.question, MultipleChoice)]


def test_a_blank_set_apart_by_different_than_or_differ_from_gets_no_choices() -> None:
    prompts = _choice_prompts()
    assert any("Most of the cells" in prompt for prompt in prompts), prompts  # the cell types make choices
    assert not any("different lineage than _____" in prompt for prompt in prompts), prompts
    assert not any("differ from _____" in prompt for prompt in prompts), prompts
