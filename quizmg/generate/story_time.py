"""A time told from the story's clock, not the reader's: 'Two months later, ...', 'That year, ...', 'At the time, ...'.

A text that tells what happened ('The first lander touched down in July.') goes on in time counted from the
sentence before: 'Two months later, a second lander arrived ...', 'The following morning, ...', 'That same year,
...', 'In the following years, ...', 'At that point, ...', 'Within a week, ...', 'Since then, ...'. Read alone, such
a sentence has lost its clock: later than what, which year, the time of what? A phrase that says from when
('Four years after the war ended, ...', 'At the time of the eclipse, ...', 'Within a year of its discovery, ...')
or a date in the opening ('Two years later, in 1972, ...') gives the clock back, and the sentence stands.
"""

from __future__ import annotations

import re

_UNIT = (
    r"(?:seconds?|minutes?|hours?|nights?|days?|weeks?|months?|years?|decades?|centuries|century"
    r"|summers?|winters?|springs?|autumns?|mornings?|evenings?|afternoons?)"
)
_COUNT = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|a\s+few|several|many|some|\d+)"
# A linking word before the time: 'But two days later, ...', 'However, at that point ...'.
_LEAD = r"(?:(?:But|And|So|Yet|However|Then|Still),?\s+)?"
_STORY_TIME = re.compile(
    rf"^{_LEAD}(?i:"
    # 'Two months later', 'A few hours afterward', 'Some years earlier', 'Three days before,'
    rf"(?:(?:just|only|about|nearly|almost|roughly|some|more\s+than|less\s+than|over)\s+)?{_COUNT}\s+{_UNIT}"
    r"\s+(?:later|earlier|afterwards?|thereafter|(?:before|after)(?=\s*,))"
    # 'Later that night', 'Earlier the same day'
    rf"|(?:later|earlier)\s+(?:that|the\s+same)\s+{_UNIT}"
    # 'The next year', 'That following spring', 'The previous night', 'That same year', 'That night'
    rf"|(?:the|that)\s+(?:next|following|previous|preceding|same|very\s+same)\s+{_UNIT}"
    rf"|that\s+{_UNIT}\b(?!\s+(?:of|when|in\s+which)\b)"
    # 'In the following years', 'During the ensuing decade', 'In the next step' ('In the next decade' and 'In the
    # coming years' may count from the reader's own time, and stand)
    rf"|(?:in|over|during|for)\s+the\s+(?:following|ensuing|subsequent|intervening|previous|preceding)"
    rf"\s+(?:{_COUNT}\s+)?{_UNIT}|in\s+the\s+(?:next|following)\s+(?:step|stage|phase)\b"
    # 'At that point', 'At that moment', 'At the time,' (not 'At the time of ...' or 'At that time in history')
    r"|at\s+that\s+(?:time|point|moment|stage|instant)\b(?!\s+(?:of|when|in\s+which|in\s+history)\b)"
    r"|at\s+the\s+time(?=\s*,)"
    # 'Within a week,', 'After about three days,' (not 'Within a week of the infection', 'After a year, when ...')
    rf"|(?:within|after)\s+(?:(?:just|only|about|approximately|roughly|nearly|almost|some)\s+)?{_COUNT}\s+{_UNIT}"
    r"(?=\s*,)(?!\s*,\s+(?:when|by\s+which|during\s+which)\b)"
    # 'Since then', 'By then', 'Until then', 'Even then', 'Back then', 'By that time', 'From then on'
    r"|(?:since|by|until|till|even|back|from|before)\s+then\b|by\s+(?:that|this)\s+time\b"
    r")"
)
# A year in the opening gives the sentence its own clock: 'Two years later, in 1972, ...'.
_DATE = re.compile(r"\b(?:1[0-9]|20)\d\d\b|\b\d{3,4}\s*(?:BCE|CE|BC|AD)\b")
_OPENING_WORDS = 8


def story_time(text: str) -> str | None:
    """The opening words that count time from the sentence before ('Two months later', 'That year', 'At that
    point'), or None when the sentence has no such opening or says from when itself."""
    found = _STORY_TIME.match(text)
    if found is None:
        return None
    opening = " ".join(text.split()[:_OPENING_WORDS])
    if _DATE.search(opening):
        return None
    return found.group(0).strip(" ,")
