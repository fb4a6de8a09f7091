"""A glossary line that is a noun with a clause that has no 'that': 'the speed a body must reach to ...'.

'the time it takes to ...', 'the energy an object has because of ...', 'the style a leader uses', 'memories
we try to recall': the line names a thing (a speed, a time, an energy) and the clause after it says which.
Its verb ('takes', 'has', 'must') made the line look like a clause of its own, so it was never asked, or
asked 'What is it called when the time it takes ...?'. It is a noun phrase: 'What is the term for the
speed a body must reach to ...?'. The line opens with an article and a noun (without the article, 'time it
takes' would be read 'a time it takes'), and a subject (an article, a pronoun, 'people') follows the noun at
once; a verb before that subject ('the state passes a law') makes the line a clause after all.
"""

from __future__ import annotations

from quizmg.generate.words import STOP_WORDS, VERB_WORDS, is_plural_phrase, word_set

_ARTICLES = word_set("the a an")
# A clause's own subject, right after the noun it describes.
_SUBJECTS = word_set("a an the we you it they he she one each people someone our his her their its your")
# Words after which a subject word does not open a clause: 'the sum of the ...', 'the time and the ...'.
_NOT_NOUNS = word_set("of and or to in on at by for from with into as than that which who whose where when whereby "
                      "wherein while if because")


def contact_clause(definition: str) -> bool:
    """True for 'the time it takes ...', 'the speed a body must ...', 'memories we try to ...' (see above)."""
    words = [w.strip(",;:()").lower() for w in definition.split()]
    if len(words) < 4:
        return False
    if words[0] not in _ARTICLES:
        return False
    first = 2
    if len(words) > 5 and words[2] == "of" and words[3].isalpha() and words[3] not in STOP_WORDS \
            and not words[3].endswith("ing"):  # 'the means of calculating the emf': a gerund takes an object
        first = 4  # 'the amount of heat one gram of a substance must absorb ...': the noun's own 'of' phrase
    for index in range(first, min(len(words) - 1, first + 3)):
        word, before = words[index], words[index - 1]
        if before in STOP_WORDS or before in _NOT_NOUNS or not before.isalpha() or (
                index > 2 and words[index - 2] != "of" and _verb_after(before, words[1])):
            return False  # the noun phrase ended, or its verb came, before any subject
        if word in _SUBJECTS:
            return True
    return False


def _verb_after(word: str, noun: str) -> bool:
    """'passes' in 'the state passes a law': a verb, or a word in -s, after a singular noun."""
    if is_plural_phrase(noun) and not noun.endswith(("ss", "us", "is")):
        return False  # 'the standards a society ...': the plural noun goes on
    return word in VERB_WORDS or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
