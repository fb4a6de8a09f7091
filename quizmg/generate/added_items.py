"""One more item added to what the sentence before told: '... as well.', '..., too.' with nothing in the sentence to
add it to.

'Modern bakeries divide the work as well.' and 'Rising rents can push prices up, too.' each add to a claim the reader
cannot see: as well as what? The sentence stands when it holds both items itself: a clause joined by 'and' or 'but'
('Prices rose, and wages did as well.'), 'also', 'both' or 'not only ... but', a semicolon or a colon, or an opening
clause that pairs the two ('As the price rises, the supply rises as well.', 'If there was water, perhaps there was
life too.'), or the word it adds to said twice ('Good cooks are good bakers, too.').
"""

from __future__ import annotations

import re

from quizmg.generate.words import STOP_WORDS

# 'as well' or 'too' closing the sentence ('as well as X' adds to its own X).
_ADDED_AT_END = re.compile(r"(?:\bas\s+well|,\s*too)\s*[.!]?\s*$")
# What holds the other item in the sentence itself: a clause joined by 'and', 'but' or a subordinator, a second
# phrase or verb after 'and' ('in the lungs and in other organs as well', 'lie ... and are ... as well'), 'also',
# 'both', 'not only', a semicolon or a colon.
_PAIR_HERE = re.compile(
    r"[;:]|,\s+(?:and|or|yet|then|as|if|when|once)\b|\b(?:but|while|whereas|since|because|although|though|also|both"
    r"|not\s+only|along\s+with|in\s+addition\s+to|besides|like|just\s+as)\b"
    r"|\band\s+(?:in|on|at|for|to|from|with|by|sometimes|often|even|then|usually|is|are|was|were|can|may|will|has|have"
    r"|had|does|do|did|remains?|becomes?)\b"
    r"|^(?:As|If|When|Whenever|Where|Once|Since|Because|Although|Though|While|Whereas)\b"
)


def unstated_addend(text: str) -> str | None:
    """'as well' or 'too' closing a sentence that does not say what it adds to ('Dust storms dim the sky as
    well.'), or None."""
    added = _ADDED_AT_END.search(text)
    if added is None or _PAIR_HERE.search(text[: added.start()]):
        return None
    words = re.findall(r"[a-z]+", text[: added.start()].lower())
    if any(word not in STOP_WORDS and word in words[:-3] for word in words[-3:]):
        return None  # 'Good iron pans are good ovens, too': the word it adds to is in the sentence
    return added.group(0).strip(" ,.!")
