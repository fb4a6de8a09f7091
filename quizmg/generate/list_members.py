"""A blank that is one member of a list or a pair.

A list's member has several right answers unless the list is the point: any other item (or any other
member of the class the items are examples of) fits the blank as well. `list_item` reads a list of plain
items joined by commas, and the other shapes a textbook writes (`one_of_many`):
- the first item after a preposition or a possessive ('treated with [X], Y, and Z', 'in his [X], Y, or
  Z', "the bond's [X], interest rate, and maturity date"), or at the head of the sentence ('[X], Y, and Z
  are typical examples');
- a middle item with its own phrase, before the last ('A, B, [X] of the product, and C');
- an item that takes an article between two others that do ('a dietitian, a [X], a hearing aid dealer');
- the last item after 'or even' / 'and also' ('tourists, firms, or even [X]'), or with its article after
  two or more ('A, B, C, and the [X]');
- an item of a list set off by semicolons ('such as A; [X]; ionic bonds; and D');
- a member the sentence names only as one more of its class ('Another rule of grouping is [X].', 'Two
  further kinds are A and [X].', 'We can also use the rule of [X] to ...'): what sets it apart comes in
  another sentence, and every other member fits;
- what the sentence adds to ('In addition to [X], the state may ...', 'Besides [X], ...'): the sentence is
  about something else, and any other thing fits.

Examples after 'such as' / 'like' and the first item of a plain series are blanks.ambiguous_blank's. A pair
joined by 'both ... and' is left alone: reviewers kept one such blank and rejected one.
"""

from __future__ import annotations

import re

_ITEM = r"[^,.;:()]{1,50}"
_DETERMINER = r"(?:the|a|an|his|her|its|their|our|your)"
# What opens a clause rather than an item: '[X], which ...', 'in the [gut], where they live, and ...'.
_CLAUSE = (r"(?:which|where|who|whom|whose|that|when|while|because|although|though|but|as|if|so|then|including|"
           r"such|especially|particularly|like|a|an|the)\b")
_SHORT_ITEM = r"[^,.;:()\s]+(?:\s[^,.;:()\s]+){0,3}"  # a noun phrase of up to four words, no clause
_AFTER_FIRST = re.compile(rf"^,\s+(?!{_CLAUSE}){_SHORT_ITEM},?\s+(?:and|or)\s")
_PREPOSITION = re.compile(
    rf"\w[\w’'-]*\s+(?:with|of|by|for|from|in|on|to|into|between|among|against){{1}}\s+(?:{_DETERMINER}\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"\w[’']s\s+$")  # "the bond's [X], interest rate, and maturity date"
# After 'as', only a list of three with its commas: 'Known as the [...], Paul and her group ...' opens a sentence.
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
_VERB_NEXT = r"(?!(?:is|are|was|were|has|have|had|can|may|will|would|could|should|must|do|does|did)\b)"
_SERIAL_AFTER = re.compile(rf"^,\s+{_VERB_NEXT}[^,.;:()]{{1,40}},\s+(?:and|or)\s")  # not ', are still ..., and'
_HEAD_OF_SENTENCE = re.compile(rf"^\s*(?:{_DETERMINER}\s+)?$", re.IGNORECASE)
# 'A, B, [X] of the product, and C': a middle item with its own phrase, before the list's last.
_MIDDLE_BEFORE = re.compile(rf"{_ITEM},\s+{_ITEM},\s+$")
_TAIL_THEN_LAST = re.compile(rf"^\s+(?:of|for|in|on|from|to)\s+{_ITEM},\s+(?:and|or)\s")
_ARTICLE_MIDDLE = re.compile(rf"(?:^|[\s,])(?:a|an|the)\s+{_ITEM},\s+(?:a|an|the)\s+$", re.IGNORECASE)
# The next item takes its article too: 'the agent of X, the [...], is ...' is an aside, not a list.
_AFTER_MIDDLE = re.compile(r"^,?\s+(?:(?:and|or)\s+)?(?:a|an|the)\s", re.IGNORECASE)
_LAST_AFTER_ADVERB = re.compile(
    r",\s+(?:and|or)\s+(?:even|also|perhaps|possibly|sometimes|occasionally|especially)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
_LAST_WITH_ARTICLE = re.compile(rf"{_ITEM},\s+{_ITEM},\s+(?:and|or)\s+(?:the|a|an)\s+$", re.IGNORECASE)
_SEMICOLON_BEFORE = re.compile(r";\s+(?:(?:and|or)\s+)?$")
_SEMICOLON_AFTER = re.compile(r"^;")
# 'Another kind of rock formed by heat is [X].': one more member, named by its class and nothing of its own. What
# narrows the class ('Another cell that lines the gut is ...') narrows it for every member alike.
_ONE_MORE = re.compile(
    r"\b(?:another|additional|further|a\s+second|a\s+third|one\s+more|the\s+other)\s+"
    r"(?:[\w’'-]+\s+){1,10}"
    r"(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?:[^,.;:()]{1,40}\s+and\s+(?:(?:the|a|an)\s+)?)?$",
    re.IGNORECASE,
)
_ENDS = re.compile(r"^\s*[.!]?\s*$")  # nothing of the member's own after the blank
_ALSO_OF = re.compile(
    r"\balso\s+(?:[\w’'-]+\s+){0,4}(?:the\s+)?(?:principle|law|rule|process|method|idea|concept)\s+of\s+$",
    re.IGNORECASE,
)
_ADDED_TO = re.compile(r"(?:^|[,;]\s+|\b(?:that|whether)\s+)(?:in\s+addition\s+to|besides|apart\s+from|aside\s+from)"
                       r"\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE)

# 'The United States, along with [...] and Germany, sent ...': the blank and what follows it are listed beside
# the subject. 'other bee species and various [...] and birds': a list joined by 'and' alone.
_ALONG_WITH = re.compile(r"\b(?:along|together)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\s+and\s+(?:(?:various|other|several|many|some|the)\s+)?$", re.IGNORECASE)
_AND_AFTER = re.compile(
    r"^\s+and\s+(?:(?:various|other|several|many|some|the)\s+)?[\w’'-]+(?:\s[\w’'-]+)?\s*(?:[,.;:)]|$)", re.IGNORECASE
)


def one_of_many(before: str, after: str) -> str | None:
    """Which list shape makes the blank between `before` and `after` one member of many, or None."""
    if _AFTER_FIRST.match(after) and (_PREPOSITION.search(before) or _POSSESSIVE.search(before)
                                      or _HEAD_OF_SENTENCE.match(before)):
        return "the first item of a list"
    if _AS_BEFORE.search(before) and _SERIAL_AFTER.match(after):
        return "the first item of a list"  # 'They worked as [...], vaqueros, and cartmen'
    # What follows the blank is tried first: a match at its start is quick, a search of all before it is not.
    if (_AFTER_MIDDLE.match(after) and _ARTICLE_MIDDLE.search(before)) or (
            _TAIL_THEN_LAST.match(after) and _MIDDLE_BEFORE.search(before)):
        return "an item of a list"
    if _LAST_AFTER_ADVERB.search(before) or (_after_and_article(before) and _LAST_WITH_ARTICLE.search(before)):
        return "the last item of a list"
    if _SEMICOLON_BEFORE.search(before) and (_SEMICOLON_AFTER.match(after) or ";" in before[:-2]):
        return "an item of a list set off by semicolons"
    if (_ONE_MORE.search(before) and _ENDS.match(after)) or _ALSO_OF.search(before):
        return "one more member of a class, named by the class alone"
    if _ADDED_TO.search(before):
        return "what the sentence adds to"
    if _AND_AFTER.match(after) and (_ALONG_WITH.search(before) or _AND_BEFORE.search(before)):
        return "an item of a list joined by 'and'"
    return None



def _after_and_article(before: str) -> bool:
    """True when `before` ends on 'and' or 'or' and an article, then a space: what `_LAST_WITH_ARTICLE` needs
    at its end, told without searching the whole text before the blank."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 2)[-2:]
    return len(words) == 2 and words[0].lower() in {"and", "or"} and words[1].lower() in {"the", "a", "an"}


# A list item's neighbours: 'A, [B], C', 'A, B, and [C]', '[A], B, and C'. Two items joined by 'and' alone
# ('problem-focused and [emotion-focused] coping') are a pair the sentence defines, not a list.
# A first item is told from a clause ('When the [...], the valve closes, ...') by what opens the list.
_PLAIN_BEFORE_MIDDLE = re.compile(r",\s+$")
_PLAIN_AFTER_MIDDLE = re.compile(r"^(?:,|,?\s+(?:and|or)\s)")
_PLAIN_BEFORE_LAST = re.compile(r"(?:,\s+(?:and|or)|,\s*[\w’'-]+(?:\s[\w’'-]+)?\s(?:and|or))\s+$")
# 'contains a sugar, a phosphate group, and a [...]': items that each take an article.
_PLAIN_BEFORE_LAST_ARTICLE = re.compile(r",\s+(?:a|an|the)\s+[^,.;:()]{1,40},\s+(?:and|or)\s+(?:a|an|the)\s+$")
_PLAIN_LIST_OPENER = re.compile(r"(?:\bsuch as|\binclud(?:e|es|ing)|\bnamely|:)\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
_PLAIN_AFTER_FIRST = re.compile(rf"^,\s+{_ITEM},?\s+(?:and|or)\s|^,\s+{_ITEM},\s")


def list_item(before: str, after: str) -> bool:
    """True when the text around a blank makes it one item of a list of three or more, where the
    learner cannot tell which item is wanted ('Enzymes such as [...], lipase, and proteases')."""
    return bool(
        (_PLAIN_AFTER_MIDDLE.match(after) and _PLAIN_BEFORE_MIDDLE.search(before))
        or _PLAIN_BEFORE_LAST.search(before)
        or _PLAIN_BEFORE_LAST_ARTICLE.search(before)
        or (_PLAIN_AFTER_FIRST.match(after) and _PLAIN_LIST_OPENER.search(before))
        or one_of_many(before, after)  # the shapes above: semicolons, examples, 'both ... and', ...
    )
