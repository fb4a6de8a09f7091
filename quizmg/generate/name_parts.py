"""A blank on part of a longer proper name: 'the United [States]', 'the Organization for [Economic
Cooperation] and Development', 'the No [Child Left] Behind Act', '[Hepatitis] A', '[Bergey's Manual] of
Systematics of Archaea and Bacteria', 'The [Social Construction] of Reality'.

A name is learned whole: with one half shown the blank asks for the words that complete a title, not for
a concept, and no other answer could be right. On the top 20s of the six h17 books minus the evaluation
sections, eleven clozes and choices hid such a half (book titles in a reference line, agencies, laws,
disease and group names); none was a question a teacher would keep.

Read from the words written next to the blank: a capitalised word (not the sentence's first, not an
acronym, not a possessive) directly before a capitalised answer, or joined to it by 'of'/'for'; a
capitalised word, a single capital letter or a Roman numeral directly after it ('[Hepatitis] A', '[World
War] II'), or 'of'/'for' and two capitalised words, or one that no lowercase word follows ('of Reality', but
not '[X] of African descent', where the capital is an adjective of a description).
"""

from __future__ import annotations

import re

from quizmg.generate.words import STOP_WORDS

# A word written with a capital and lowercase letters after it: a name's word, not an acronym ('NREM').
_NAME_WORD = r"[A-Z][a-z][\w’'.-]*"
_BEFORE = re.compile(rf"(?P<word>{_NAME_WORD})(?P<link>\s+(?:of|for))?\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]*\s+|[“\"(]\s*)$")
_POSSESSIVE = re.compile(r"['’]s?$")
_AFTER_WORD = re.compile(rf"^\s(?P<word>{_NAME_WORD}|[A-Z]|I{{1,3}}|IV|VI{{0,3}})(?![\w’'-])")
_AFTER_LINKED = re.compile(rf"^\s+(?:of|for)\s+(?P<word>{_NAME_WORD}(?:\s+{_NAME_WORD})*)(?P<next>\s+[a-z][\w’'-]*)?")
_LINK_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an"})


def name_part(hidden: str, before: str, after: str) -> str | None:
    """The longer name a capitalised blank is part of ('United States'), or None when the blank is whole."""
    if not hidden[:1].isupper():
        return None
    shown = _name_before(before)
    if shown:
        return f"{shown} {hidden}"
    shown = _name_after(after)
    if shown:
        return f"{hidden} {shown}"
    return None


def _name_before(before: str) -> str | None:
    """The words of a name written directly before the blank, or None."""
    found = _BEFORE.search(before)
    if found is None or _POSSESSIVE.search(found.group("word")):
        return None  # "Newton's [Second Law]": the owner's name, then a name of its own
    if _SENTENCE_START.search(before[: found.start()]):
        return None  # 'Many [Americans] ...': the first word of a sentence wears a capital anyway
    return before[found.start():].strip()


def _name_after(after: str) -> str | None:
    """The words of a name written directly after the blank, or None."""
    found = _AFTER_WORD.match(after)
    if found:
        return found.group("word")
    found = _AFTER_LINKED.match(after)
    if found is None:
        return None
    following = found.group("next")
    if following and following.strip() not in _LINK_WORDS and len(found.group("word").split()) < 2:
        return None  # '[Americans] of African descent': the capital begins a description
    return after[: found.end("word")].strip()


def proper_name(hidden: str, before: str) -> bool:
    """True when the words are written as a proper name ('Keystone Ridge', a single 'Brackenmoor' after
    the sentence's first word): every content word capitalised, no acronym, and not capitalised only
    because the sentence opens with it (a single word there tells nothing)."""
    words = [word for word in hidden.split() if word.lower() not in STOP_WORDS]
    if not words or hidden.isupper() or not all(word[:1].isupper() for word in words):
        return False
    return len(words) >= 2 or _SENTENCE_START.search(before) is None
