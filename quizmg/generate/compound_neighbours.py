"""Words beside a blank that are no half of a compound noun, though no verb list of words.py names them.

quality.bad_blank refuses a blank with a noun right beside it ('[asteroid] moons', 'hospice [services]'):
the blank would hide half of one name. It tells a noun from another word by the word lists of words.py
and compound_verbs.py. Some words of ordinary prose are in none of them and were read as nouns:

- after the blank, a verb cut at its contraction ('[the rule] doesn’t hold'), a verb that is never a noun
  ('[the disk] consists of ...', '[stars] seem to ...', '[the ratio] equals ...'), an adverb or a
  preposition ('[the planet] today', '[X] together with ...', '[the gas] inside the ...');
- before the blank, the verb that names it ('what we call [photochemistry]', 'astronomers call [these
  objects] ...') and a verb after its subject pronoun ('we find [quasars] ...', 'they transform [motion
  energy] ...').

'The term [X] refers to ...' stays refused: naming.py asks it as 'What is the term for ...?', and a cloze
of the same sentence would push that question out.

A past tense not made with -ed after the blank ('[the probe] flew past ...', '[the bank] took action')
is left to the compound check: it mostly tells a story, and its subject is a name of the story (a gate
showed it). A blank that ends in one ('[galaxies came] together') is a clause cut in two.
"""

from __future__ import annotations

import re

from quizmg.generate.words import adverb_ly, word_set

# Past tenses (and a few participles) not made with -ed that are no noun; 'found', 'made', 'led' are in
# words.VERB_WORDS already. Forms that are nouns too ('saw', 'rose', 'fell', 'lay', 'set') are left out.
# Only a blank that ends in one is refused by them here.
_IRREGULAR_PAST = word_set(
    "began became took went froze grew came gave got knew brought caught taught sought fought "
    "bought ran sank sat shone spoke stood struck swept told threw understood wore won wrote drew drove "
    "flew forgot hid hung lost met paid said sent spent spun stole swam swung tore woke arose "
    "begun gone frozen risen fallen chosen spoken broken stolen woken undergone undertook "
    "withdrew overcame"
)
# Verbs that are never a noun, in any of their plain, -s, -es, -ed forms: after a blank they are its verb.
_NEVER_NOUNS = word_set(
    "consist depend exist seem appear occur tend differ rely refer emerge derive arise happen denote "
    "contain require rotate believe equal involve become belong comprise constitute enable "
    "indicate suggest imply undergo persist prevail agree disagree"
)
# Adverbs and prepositions that follow a noun phrase and never join it into a compound.
_AFTER_PHRASE = word_set(
    "today alone together instead everywhere apart now soon twice inside outside throughout except "
    "beneath despite due whether whenever nowadays meanwhile anyway"
)
_CONTRACTION = re.compile(r"^\s[A-Za-z]+n[’']t\b")  # "doesn't", "isn’t", "aren't"
_NAMING_VERBS = word_set("call calls")
_SUBJECTS = word_set("we they you who")
_BETWEEN = word_set("now also then often usually generally only still even further first typically commonly "
                    "sometimes simply")


def _forms(word: str) -> set[str]:
    lower = word.lower()
    found = {lower}
    for ending in ("es", "s", "ed", "d"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            found.add(lower[: -len(ending)])
    return found


def not_noun_after(word: str, after: str, hidden: str = "") -> bool:
    """True when `word`, right after a blank (`after` the text after the blank, from its first space), is a
    verb, an adverb or a preposition rather than a noun that makes the blank half of a compound. A blank
    that itself ends in such a verb ('[galaxies came] together') is a clause cut in two, not a name."""
    last = hidden.split()[-1].lower() if hidden.split() else ""
    if last in _IRREGULAR_PAST or _forms(last) & _NEVER_NOUNS:
        return False
    lower = word.lower()
    if _CONTRACTION.match(after):
        return True
    return lower in _AFTER_PHRASE or bool(_forms(lower) & _NEVER_NOUNS)


def not_noun_before(word: str, before: str) -> bool:
    """True when `word`, right before a blank (`before` the text up to the blank), names the blank or is
    the verb of a subject pronoun: no compound noun with the blank."""
    lower = word.lower()
    if lower in _NAMING_VERBS:
        return True
    previous = [w.strip(",;:").lower() for w in before.split()[:-1][-2:]]
    if previous and (previous[-1] in _BETWEEN or adverb_ly(previous[-1])):
        previous = previous[:-1]
    return bool(previous) and previous[-1] in _SUBJECTS
