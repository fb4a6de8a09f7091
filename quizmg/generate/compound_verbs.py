"""A word beside a blank that is a verb, not the other half of a compound noun.

A blank beside a noun hides half of a compound ('[MRSA] strains', 'hospice [services]'), so the quality
gate refuses it. A verb beside the blank is no such half: the blank is the verb's subject or object.

- After the blank: a singular subject and its -s verb, when what follows opens the verb's object or is an
  adverb ('The [epidermis] lies beneath ...', '[Economics] seeks to ...', '[Acne] afflicts nearly 80% ...').
  A noun ending in -is, -us or -ics is singular ('epidermis', 'toxoplasmosis', 'economics').
- Before the blank: a word that follows 'to', a modal or 'who', perhaps with an adverb between ('will also
  experience [dissociative fugue]', 'used to distinguish [Staphylococcus]', 'patients who harbor [MRSA]'),
  and that the text never uses after an article (a noun there: 'bind to cell [receptors]' keeps 'cell
  receptors' whole).
"""

from __future__ import annotations

from quizmg.generate.words import VERB_WORDS, adverb_ly, is_plural_phrase, word_set

# What opens a verb's object or complement: an article, a pronoun, a count, 'to'. Not a preposition or
# 'that': a plural noun takes those as often ('[cytomegalovirus] infections in ...').
_OBJECT_OPENERS = word_set(
    "a an the its their his her our your this these those us them him it to whether how what two three four "
    "several many both some most all no"
)
_OPENS_VERB = word_set("to will can may might could would should must cannot who not")
_BETWEEN = word_set("also then often usually generally only still even further first")


def verb_after(hidden: str, word: str, after: str | None) -> bool:
    """True when `word`, right after the blank `hidden`, is the blank's verb: 'the [dermis] lies a ...'."""
    lower = word.lower()
    if is_plural_phrase(hidden) or not lower.endswith("s") or lower.endswith(("ss", "us", "is")) or len(lower) < 4:
        return False
    if lower in VERB_WORDS:
        return True
    return after is not None and (after.lower() in _OBJECT_OPENERS or adverb_ly(after))


def verb_before(before: list[str], word: str, nouns: frozenset[str]) -> bool:
    """True when `word`, right before the blank, is a verb by the words before it: 'to [treat] X', 'will
    also [experience] X'. `before` holds the words before `word`, last nearest; `nouns` the words the text
    uses after an article."""
    lower = word.lower()
    if lower in nouns or not before or "-" in lower or "from" in (w.lower() for w in before[-6:]):
        return False  # 'to [long-run] equilibrium', 'from mild to severe [disease]': a describing word
    previous = [w.lower() for w in before[-2:]]
    if previous[-1] in _BETWEEN or adverb_ly(previous[-1]):
        previous = previous[:-1]
    return bool(previous) and previous[-1] in _OPENS_VERB
