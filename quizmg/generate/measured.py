"""A blank on what a stated value measures, or on whose value it is, where the value is the sentence's fact.

A sentence that gives a measurement ('The mass of the crust is about 2 × 10²² kg', 'Pella has a period of
40 years') teaches the value. Blanking the thing measured ('The mass of the [...] is about ...'), the owner as
the subject ('[...] has a period of 40 years'), the owner a value is compared with ('versus 6 days for the
[...]', '300 times as far as the [...]'), or a one-word quantity the value is given in ('a typical [albedo] of
15%', 'The [density] of ice is 0.9 g/cm³') asks the learner to match a number to a name: trivia, or a guess
from the unit. Shapes only, not words: what stays is a rank ('The largest moon is [...], with a diameter of
...': the blank is no subject), a feature told by what it does ('[...] towers 20 km above the plain'), and a
named quantity of several words ('a [resting potential] of about -70 mV'), which is a concept the text teaches.
"""

from __future__ import annotations

import re

# A value: digits with a sign, separators, a decimal point, a power of ten or a fraction ('−4.4', '5 × 10¹⁸',
# '1/1000', '25', '3.5–8'). A number word is left out: 'one of the', 'two types of' are no measurements.
_NUM = r"[−–-]?\d[\d,]*(?:\.\d+)?(?:\s*[×x]\s*10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?(?:/\d+)?"
# Hedges that may stand before a value: 'about 200 km', 'only 0.1%', 'just less than 1000'.
_HEDGE = r"(?:(?:about|roughly|approximately|nearly|almost|only|just|some|around|still|typically|less\s+than|" \
    r"more\s+than|over|under|equal\s+to|close\s+to)\s+)*"
_WORD = r"[\w’'-]+"
_COPULA = r"(?:is|was|are|were)"
_VALUE = rf"{_HEDGE}(?:magnitude\s+)?{_NUM}(?![\w-])"

# The blank as the owner in 'the <quantity> of [...] is <value>': 'The total mass of [...] is about ...'.
_OWNER_AFTER_OF = re.compile(rf"\b(?:the|its|their)\s+(?:{_WORD}\s+){{0,2}}{_WORD}\s+of\s+(?:the\s+)?$", re.I)
_IS_VALUE = re.compile(rf"^(?:,[^,]{{1,40}},)?\s+{_COPULA}\s+{_VALUE}")
# The blank as the subject of its sentence, after at most an opening phrase and its comma ('At the other
# extreme, [...] has ...'); a clause's subject ('while [...] requires ...') is left alone.
_SUBJECT = re.compile(r"(?:[A-Z][^,;:]{0,40},\s+)?(?:(?:the|a|an)\s+)?", re.I)
# What the subject is given: its own value ('[...]'s diameter is about 200 km', '[...] has a period of 165
# years', '[...], with a mass of ...', '[...] at its brightest is magnitude -4.4') or a distance or size ('[...]
# is 10 blocks from the Sun', '[...] is 500 km across').
_SUBJECT_VALUE = re.compile(
    rf"^(?:[’']s\s+(?:{_WORD}\s+){{0,2}}?{_COPULA}\s+{_VALUE}"
    rf"|\s+(?:has|had|have)\s+(?:a|an)\s+(?:{_WORD}\s+){{0,2}}?{_WORD}\s+of\s+{_VALUE}"
    rf"|,\s+with\s+(?:a|an)\s+(?:{_WORD}\s+){{0,2}}?{_WORD}\s+of\s+{_VALUE}"
    rf"|\s+at\s+its\s+{_WORD}\s+{_COPULA}\s+{_VALUE}"
    rf"|\s+{_COPULA}\s+{_VALUE}\s+(?:{_WORD}\s+){{0,2}}?(?:away|from|across|in\s+diameter|long|wide|thick|deep|"
    r"high|tall|old)\b)",
    re.I,
)
# The owner a value is set against: 'versus about 6 days for the [...]', '400 times as far from us as the [...]',
# '25 times brighter than [...]'.
_COMPARED_OWNER = re.compile(
    rf"(?:\b(?:versus|vs\.|compared\s+with|compared\s+to|against|whereas|while)\s+{_VALUE}\s+(?:{_WORD}\s+){{0,2}}?"
    rf"for\s+(?:the\s+)?|\b{_NUM}\s+times\s+(?:{_WORD}\s+){{1,6}}?(?:as|than)\s+(?:that\s+of\s+)?(?:the\s+)?)$",
    re.I,
)
# A one-word quantity given a value: 'The [...] of the Sun is 0.02', 'a typical [...] of 15%', 'with a [...]
# still about equal to 100,000'.
_QUANTITY_BEFORE = re.compile(r"(?:^|\b(?:the|a|an|its|their|typical|average|mean|total)\s+)$", re.I)
_QUANTITY_VALUE = re.compile(
    rf"^(?:\s+of\s+(?:the\s+)?[^,.;:]{{1,40}}?(?:,[^,]{{1,30}},)?\s+{_COPULA}\s+{_VALUE}|\s+of\s+{_VALUE}"
    rf"|\s+{_VALUE})",
    re.I,
)
# A list whose verb is left out after its first item: 'Ria is 4 steps from the gate; [...], 9 steps; and ...'.
_ELIDED_BEFORE = re.compile(r"[;,]\s+(?:and\s+)?(?:the\s+)?$")
_ELIDED_VALUE = re.compile(rf"^,\s+{_VALUE}\s+{_WORD}\s*(?:[;,.]|$)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def measured_blank(hidden: str, before: str, after: str) -> str | None:
    """Why a blank that only names what a stated value measures, or whose value it is, is poor, or None.

    `before` and `after` are the text around the blank; only the blank's own sentence is read."""
    own = _SENTENCE_END.split(before)[-1]
    rest = re.split(r"(?<=[.!?;])\s", after, maxsplit=1)[0]
    if _OWNER_AFTER_OF.search(own) and _IS_VALUE.match(rest):
        return f"hides whose value the sentence gives ({hidden!r}): a number matched to a name"
    if _SUBJECT.fullmatch(own) and _SUBJECT_VALUE.match(rest):
        return f"hides whose value the sentence gives ({hidden!r}): a number matched to a name"
    if _ELIDED_BEFORE.search(own) and _ELIDED_VALUE.match(rest):
        return f"hides whose value the sentence gives ({hidden!r}): a number matched to a name"
    if _COMPARED_OWNER.search(own):
        return f"hides what a value is compared with ({hidden!r}): a number matched to a name"
    if len(hidden.split()) == 1 and _QUANTITY_BEFORE.search(own) and _QUANTITY_VALUE.match(rest):
        return f"hides the quantity a value is given in ({hidden!r}): guessed from the number and its unit"
    return None
