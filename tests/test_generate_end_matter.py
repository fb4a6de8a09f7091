"""A chapter's end matter that sends the reader elsewhere or sets work is never mined: a reading list with
notes on each title, activities for a group, sums to work out oneself. Texts are the test's own."""

from __future__ import annotations

from quizmg.generate.document import read_document

_PROSE = "Kilns fire clay at temperatures high enough to fuse its grains into a hard body."


def _sentences(heading: str, body: str) -> list[str]:
    source = "\n".join([
        "# Pottery", "", _PROSE, "", heading, "", body,
    ])
    return [sentence.text for sentence in read_document(source, "pottery.md").sentences]


def test_a_reading_list_under_for_further_exploration_is_not_prose() -> None:
    body = "\n".join([
        "#### Articles", "",
        "Hale, R. “The Glaze That Cracked.” *Studio Monthly* (May 2011): 30. On why some glazes craze as they cool.",
        "", "#### Videos", "",
        "A short film on wood-fired kilns in the hills, with a potter explaining how she stacks the pots.",
    ])
    assert _sentences("### For Further Exploration", body) == [_PROSE]


def test_group_activities_and_sums_for_the_reader_are_not_prose() -> None:
    task = "Your group runs a small studio. Have your group list what would change if the kiln ran hotter."
    assert _sentences("### Collaborative Group Activities", task) == [_PROSE]
    assert _sentences("### Class Activity", task) == [_PROSE]
    sums = "A kiln heats by 150 degrees each hour. How long does it take to reach 1200 degrees from room heat?"
    assert _sentences("### Figuring for Yourself", sums) == [_PROSE]


def test_a_section_on_a_kind_of_activity_stays_prose() -> None:
    body = "Firing activity in the valley peaked when coal became cheap enough to burn in every kiln."
    assert _sentences("### Kiln Activity", body) == [_PROSE, body]
    assert _sentences("### Further Kinds of Glaze", "Ash glazes form when wood ash settles on hot pots.") == [
        _PROSE, "Ash glazes form when wood ash settles on hot pots."]
