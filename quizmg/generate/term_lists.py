"""The runs of key terms a sentence lists ('A, B, and C', 'A or B'): things the text puts side by side
as one kind (quizmg.generate.peers reads kinds from them)."""

from __future__ import annotations

import re

from quizmg.generate.terms import Term

# What may stand between two items of a list: a comma, a conjunction, or both, and an article after
# the conjunction ("the hypothalamus, thalamus, and the hippocampus").
GAP = re.compile(
    r"(?P<comma>\s*,)?\s+(?:(?P<conj>and|or|nor|as well as)\s+)?(?:(?:the|a|an|both|either)\s+)?",
    re.I,
)


# A phrase that opens the sentence, up to the comma that closes it: the comma after its last word ends the
# phrase, it joins no list ('For louseborne relapsing fever, doxycycline or erythromycin are the first-line
# antibiotics': a disease and two drugs, not three of a kind).
_OPENING_PHRASE = re.compile(
    r"^\s*(?:for|in|with|without|during|after|before|among|unlike|like|besides|except|against|beyond|"
    r"despite|within|throughout|following|apart from|compared with|compared to)\b[^,;:()]*$",
    re.I,
)


def listed_terms(text: str, found: list[tuple[int, int, Term]]) -> list[list[tuple[int, int, Term]]]:
    """The runs of key terms the sentence lists: 'A, B, and C', 'A, B or C', 'A and B', 'A or B'.

    A comma alone joins list items only when a conjunction ends the run; a comma with a conjunction
    joins two items only after a comma alone ('A, B, and C'): "X binds Y, and Z ..." joins clauses.
    """
    lists: list[list[tuple[int, int, Term]]] = []
    run: list[tuple[int, int, Term]] = []
    commas = 0
    for item in found:
        if re.search(r"\d[%‰]?\s*$", text[: item[0]]):
            run, commas = [], 0  # '120 mm Hg and a diastolic pressure': a unit ends a quantity, no list
            continue
        if not run:
            run, commas = [item], 0
            continue
        gap = GAP.fullmatch(text[run[-1][1] : item[0]])
        if gap is None or not (gap.group("comma") or gap.group("conj")):
            run, commas = [item], 0
            continue
        if gap.group("conj"):
            if gap.group("comma") and commas == 0:
                run, commas = [item], 0  # 'Y, and Z' alone joins two clauses
                continue
            lists.append([*run, item])
            run, commas = [], 0
            continue
        if len(run) == 1 and _OPENING_PHRASE.match(text[: run[0][0]]):
            run, commas = [item], 0  # 'For louseborne relapsing fever, doxycycline or erythromycin ...'
            continue
        run.append(item)
        commas += 1
    return [items for items in lists if len({term.key for _, _, term in items}) > 1]
