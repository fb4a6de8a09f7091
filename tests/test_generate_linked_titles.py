"""A link to another section names a place to read, not a fact: its title is never a blank's answer."""

from __future__ import annotations

from blank_support import blank_problem

from quizmg.generate.linked_titles import titles_linked


def test_titles_of_other_sections_are_read_from_their_links() -> None:
    line = ("Glaciers carve valleys, as [Ice and the Shaping of Land](/m101) explains; see also "
            "[Rivers](../rivers.md), the [meltwater](/m102) step, [Figure 3](#fig-3) and ![Ice](ice.png).")
    assert titles_linked(line) == ["Ice and the Shaping of Land", "Rivers"]


def _why(text: str, hidden: str) -> str | None:
    return blank_problem(text, hidden, name="ice.md")


def test_a_blank_on_a_linked_title_is_refused() -> None:
    text = ("Meltwater lakes are also thought to feed many of the floods described in [Glacial Outbursts](/m77).\n\n"
            "A **cirque**{: data-type=\"term\"} is a bowl carved by ice. A **moraine**{: data-type=\"term\"} is a "
            "ridge of debris. An **esker**{: data-type=\"term\"} is a ridge of gravel.\n")
    assert "title of another section" in (_why(text, "Glacial Outbursts") or "")


def test_a_linked_title_the_text_marks_as_its_own_term_stays_a_blank() -> None:
    text = ("A ridge of debris that a glacier leaves is a **Terminal Moraine**{: data-type=\"term\"}, as "
            "[Terminal Moraine](/m78) shows at length.\n")
    assert "title of another section" not in (_why(text, "Terminal Moraine") or "")


def test_a_linked_title_that_names_a_key_term_is_refused_in_its_title_form() -> None:
    text = ("Lakes held back by ice feed many of the sudden floods described in [Glacial Outbursts](/m77).\n\n"
            "Such **glacial outbursts**{: data-type=\"term\"} can drain a lake in a day. A "
            "**cirque**{: data-type=\"term\"} is a bowl carved by ice. A **moraine**{: data-type=\"term\"} is "
            "a ridge of debris.\n")
    assert "title of another section" in (_why(text, "Glacial Outbursts") or "")


def test_a_blank_on_part_of_a_linked_title_is_refused() -> None:
    text = ("The floods treated in [Glacial Outbursts and Their Floods](/m77) can drain a lake in a day.\n\n"
            "A **cirque**{: data-type=\"term\"} is a bowl carved by ice. A **moraine**{: data-type=\"term\"} is a "
            "ridge of debris. An **esker**{: data-type=\"term\"} is a ridge of gravel.\n")
    assert "title of another section" in (_why(text, "Glacial Outbursts") or "")
    assert "title of another section" not in (_why(text, "lake") or "")
