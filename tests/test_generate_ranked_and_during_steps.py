"""A comparative that opens its sentence, the verb before the subject ('More serious are the late frosts ...'), ranks
what follows against what the sentence before told; a step told while or by doing the one before ('In the process,
...', 'In doing so, ...', 'In the meantime, ...', 'Along the way, ...') leans on it as 'Then ...' does. A 'than' or
'to whom' in the sentence, or 'In the process of X', says what the sentence means, and it stands."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.likeness import unstated_comparand
from quizmg.generate.linked_openings import next_step

INVERTED = {
    "More serious are late frosts, which kill the young shoots of the vines.": "More serious are",
    "Much more basic is the choice of soil for the orchard.": "Much more basic is",
    "Most disruptive are the hailstorms of early summer.": "Most disruptive are",
    "Also required is a cellar that stays cool all year.": "Also required is",
    "Less common are grafts made on old rootstock.": "Less common are",
    "Of particular concern are the beetles that bore into the bark.": "Of particular concern are",
}

INVERTED_STANDING = [
    "More common than mildew is the rot that starts at the stem.",  # 'than' names the other term
    "Of particular interest to growers is the date of the last frost.",  # 'to growers' says to whom
    "More farmers are planting vines on the hillsides each year.",  # a count of farmers, not an inverted rank
    "Also called a scion, the twig grafted onto a rootstock bears the fruit.",
    "More important, the soil must drain well.",  # a comment, not an inverted subject
]

DURING = {
    "In the process, the grapes lose much of their water.": "In the process",
    "In doing so, the grower trades yield for sweetness.": "In doing so",
    "By doing so, the press keeps the seeds whole.": "By doing so",
    "In so doing, the yeast turns sugar into alcohol.": "In so doing",
    "In the meantime, the must is kept in cool vats.": "In the meantime",
    "Along the way, many growers switch to hardier vines.": "Along the way",
}

DURING_STANDING = [
    "In the process of fermentation, yeast turns sugar into alcohol.",  # names its process
    "In the processing plant, the grapes are sorted by hand.",
    "The press does so without breaking the seeds.",
]


def test_an_inverted_comparison_opening_the_sentence_leans_back() -> None:
    assert_leaning(unstated_comparand, INVERTED, INVERTED_STANDING)


def test_a_step_told_while_or_by_doing_the_one_before_leans_back() -> None:
    assert_leaning(next_step, DURING, DURING_STANDING)
