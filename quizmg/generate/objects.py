"""The object of a verb: the noun phrase after it, up to a clause boundary, or none when the parse is
not sure ('cuts the argument points out ...': two verbs in a row, so one of them is a noun).

No parser: stop words, the words that end a noun phrase, particles of phrasal verbs, the endings of
describing words ('social', 'serious'), and nouns that need their complement ('an emphasis on').
"""

from __future__ import annotations

from quizmg.generate.phrases import FORMS, TARGET_STOPS, Word, verb_at
from quizmg.generate.words import (
    ADVERBS,
    DETERMINERS,
    MODALS,
    PRONOUN_STARTS,
    STOP_WORDS,
    VERB_WORDS,
    adverb_ly,
    word_set,
)

_DANGLING = word_set("due owing prior according similar related close responsible able unable subject "
                     "equivalent contrary next necessary sufficient")


_CONVERSION_VERBS = frozenset({"convert", "break down", "metabolize", "metabolise", "transform"})


MAX_TARGET_WORDS = 9


def _phrasal_verb_at(words: list[Word], index: int) -> bool:
    """'depends on', 'leads to' at `index`: a verb with its own preposition, in the present tense."""
    found = verb_at(words, index)
    return found is not None and found[2] > 1 and found[1] in {"third", "base"}


def _verb_in_s(words: list[Word], index: int) -> bool:
    """'forms feces' after 'and': a word in -s straight before another noun is a verb, since a plural
    noun does not modify the next one ('salts from', 'channels.' end their phrase)."""
    if index + 1 >= len(words):
        return False
    word, following = words[index], words[index + 1]
    return word.lower.endswith("s") and not word.lower.endswith(("ss", "us", "is")) and following.is_word \
        and following.lower not in STOP_WORDS | _PREPOSITIONS and following.lower not in {"and", "or"} \
        and word.text.islower()


# Prepositions the stop words lack: 'signs and symptoms throughout the body' is one phrase.
_PREPOSITIONS = word_set("throughout inside outside beneath underneath alongside despite amid besides toward")


# Particles of phrasal verbs ('points out', 'sets up', 'brings about'). After a word in -s, the first five
# always mark a verb; 'about', 'down' and 'back' also follow nouns ('concerns about'), so only a known verb.
PARTICLES = word_set("out up off away forward about down back")
_LOOSE_PARTICLES = word_set("about down back")
ADJECTIVE_ENDS = ("ar", "al", "ic", "ous", "ive", "ful", "able", "ible", "ary")


def _verb_like(word: str, particle: str) -> bool:
    lower = word.lower()
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is")) or not word.islower():
        return False
    return particle not in _LOOSE_PARTICLES or lower in VERB_WORDS or lower[:-1] in _PHRASAL_HEADS \
        or lower[:-2] in _PHRASAL_HEADS


# Verbs that make phrasal verbs with 'about', 'down', 'back': 'brings about', 'breaks down', 'sets back'.
_PHRASAL_HEADS = word_set("bring carry set point turn break shut take give put come go get cut hold")


def _describing_words_go_on(words: list[Word], comma: int) -> bool:
    """True when the phrase stopped at a comma that two describing words share ('thick, red skin'): after
    the comma comes a plain lower-case word and then another, with no list ('A, B, and C') going on."""
    if comma + 2 >= len(words) or words[comma].lower != ",":
        return False
    following, after = words[comma + 1], words[comma + 2]
    plain = following.is_word and following.text.islower() and following.lower not in STOP_WORDS | ADVERBS \
        and not following.lower.endswith(("ing", "ed", "ly")) and (following.lower,) not in FORMS
    # A word in -s or a verb after it ('function, magnesium creates ...') starts a clause instead.
    return plain and after.is_word and after.lower not in STOP_WORDS | {"and", "or"} and (after.lower,) not in FORMS \
        and after.lower not in VERB_WORDS and not after.lower.endswith("s")


def _shared_describer(words: list[Word], comma: int) -> bool:
    """True when the comma stands between a describing word and another before one noun that ends the phrase
    ('darker, concentrated urine that ...', 'small, pale flowers.')."""
    if comma + 2 >= len(words) or words[comma].lower != ",":
        return False
    describer, noun = words[comma + 1], words[comma + 2]
    ends = comma + 3 >= len(words) or not words[comma + 3].is_word or words[comma + 3].lower in STOP_WORDS
    return describer.is_word and describer.text.islower() and describer.lower not in STOP_WORDS | ADVERBS \
        and noun.is_word and noun.text.islower() and noun.lower not in STOP_WORDS | VERB_WORDS and ends


def _new_subject(words: list[Word], start: int) -> bool:
    """'produce energy and anabolic reactions use energy': after 'and', a noun of one or two words and a verb in
    the present open a clause of their own."""
    for size in (1, 2):
        verb = start + size
        if verb >= len(words) or not all(w.is_word and w.lower not in STOP_WORDS for w in words[start:verb]):
            return False
        word = words[verb].lower
        if words[verb].is_word and word in VERB_WORDS and not word.endswith(("ed", "ing")) \
                and words[verb - 1].lower not in DETERMINERS:
            return True
    return False


def adjective_like(word: str) -> bool:
    """A word with an adjective's ending ('serious', 'social', 'cellular'), long enough not to be a short noun."""
    lower = word.lower()
    return len(lower) > 5 and lower.endswith(ADJECTIVE_ENDS) and word[:1].islower()


def modifier_like(word: str) -> bool:
    """A word that describes the noun after it: an adjective, or a participle in -ed ('perceived control',
    'social support'); a verb form after it is that noun, not a verb."""
    lower = word.lower()
    return adjective_like(word) or (len(lower) > 5 and lower.endswith("ed") and word[:1].islower())


def object_phrase(words: list[Word], start: int, phrase: str) -> tuple[int, str]:
    """The noun phrase after the verb, up to a clause boundary; '' when there is none."""
    collected: list[str] = []
    position = start
    stops = TARGET_STOPS
    converted = complemented = False
    while position < len(words):
        word = words[position]
        if phrase in _CONVERSION_VERBS and word.lower in {"to", "into"} and not converted:
            converted = True  # "converts serotonin to melatonin" keeps its result
        elif word.lower in stops and word.is_word and not complemented and collected and \
                word.lower in _COMPLEMENTS.get(collected[-1].lower(), ()):
            complemented = True  # 'the emphasis on positive aspects': the noun needs its complement
        elif not word.is_word or word.lower in stops:
            break
        elif collected and word.lower in PARTICLES and _verb_like(collected[-1], word.lower):
            # 'cuts the argument points out that ...', '... brings about': the word before the particle
            # is the verb of another clause, so the first 'verb' was a noun ('wage cuts'): no object.
            return position, ""
        elif ((word.lower,) in FORMS and FORMS[(word.lower,)][1] != "past" and not (
            collected and (collected[-1].lower() in DETERMINERS | {"of"} or modifier_like(collected[-1]))
        ) and not (position + 1 < len(words) and words[position + 1].lower == "of")) or (
            collected and collected[-1].lower() not in DETERMINERS and _phrasal_verb_at(words, position)
        ):
            if not collected:
                return position, ""
            # 'income and a producer's supply depends ...': what follows 'and' was a new clause's subject
            joints = [i for i, w in enumerate(collected) if w.lower() in {"and", "or"}]
            if not joints and FORMS.get((word.lower,), ("", ""))[1] in {"third", "base"}:
                # 'X cuts argument points ...': two verbs in a row with no 'and' between them: one of
                # them is a noun, and which one is a guess.
                return position, ""
            if joints:
                position -= len(collected) - joints[-1]
                del collected[joints[-1]:]
            break
        if word.lower in {"and", "or"}:
            following = verb_at(words, position + 1)
            after_next = words[position + 2].lower if position + 2 < len(words) else ""
            if following is not None or position + 1 >= len(words) or (
                words[position + 1].lower in VERB_WORDS
            ) or after_next in {"it", "them", "its", "their", "the", "a", "an"} or _verb_in_s(words, position + 1) \
                    or _new_subject(words, position + 1):
                break  # "absorb X and re-emit it", "absorbs water and forms feces": a second verb
        if word.lower in MODALS or word.lower in {"is", "are", "was", "were", "can", "has", "have", "had"}:
            return position, ""  # the phrase was a subject, not an object
        collected.append(word.text)
        position += 1
        if len(collected) > MAX_TARGET_WORDS:
            return position, ""
    while collected and collected[-1].lower() in STOP_WORDS | {"and", "or"}:
        collected.pop()
        position -= 1
    while len(collected) > 1 and (collected[-1].lower() in ADVERBS or adverb_ly(collected[-1].lower())):
        collected.pop()  # 'filters blood mainly [based on size]': the adverb is the verb's, not the object's
        position -= 1
    if collected and position < len(words) and words[position].is_word and adjective_like(collected[-1]):
        return position, ""  # 'cause serious [and disfiguring sores]': the noun was cut off
    if _describing_words_go_on(words, position):
        return position, ""  # 'a healthy, productive life': the comma stood between two describing words
    if _shared_describer(words, position):
        # 'produces darker, concentrated urine', '... leaves and small, pale flowers': the word before the comma
        # describes the noun after it, which the comma cut off
        if len(collected) == 1:
            return position, ""
        if len(collected) > 2 and collected[-2].lower() in {"and", "or"}:
            del collected[-2:]
            position -= 2
    if position < len(words) and words[position].lower in {"that", "who", "which"} and \
            len([w for w in collected if w.lower() not in DETERMINERS]) == 1:
        return position, ""  # 'results in DNA [that is underwound]': a bare noun says too little without its clause
    # 'pain due [to ...]', 'the enzyme involved [in ...]': a word that needs what the stop cut off is
    # left out, and the phrase ends on its noun.
    while len(collected) > 1 and (collected[-1].lower() in _DANGLING or (
            collected[-1].lower().endswith("ed") and position < len(words)
            and words[position].lower in TARGET_STOPS)):
        collected.pop()
    while collected and collected[-1].lower() in {"and", "or"}:
        collected.pop()  # 'by X and [incorporated into ...]': the second verb left, its 'and' goes too
    if not collected or collected[0].lower() in PRONOUN_STARTS - {"the", "this", "these"}:
        return position, ""
    if all(w.lower() in ADVERBS or w.lower().endswith("ly") for w in collected):
        return position, ""  # 'binds irreversibly [to ...]': an adverb of the verb, no object
    if collected[0].lower() in STOP_WORDS - {"the", "a", "an", "this", "these"}:
        return position, ""
    return position, " ".join(collected)


# Nouns whose meaning needs a prepositional complement ('an emphasis on X', 'the ability to X'): cut
# before it, the phrase says too little ('reflects the humanistic emphasis').
_COMPLEMENTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("emphasis", "focus", "effect", "effects", "influence", "impact", "reliance",
                     "dependence"), ("on",)),
    **dict.fromkeys(("role", "part", "increase", "decrease", "rise", "fall", "drop", "change",
                     "changes", "interest", "belief", "decline", "reduction"), ("in",)),
    **dict.fromkeys(("need", "demand", "preference", "responsibility", "requirement"), ("for",)),
    **dict.fromkeys(("ability", "tendency", "response", "resistance", "access", "exposure",
                     "sensitivity", "susceptibility", "contribution", "approach", "attention",
                     "commitment", "adaptation"), ("to",)),
    **dict.fromkeys(("relationship", "link", "difference", "balance", "competition"), ("between",)),
    # A movement's path: 'increases blood flow into the right atrium' is not 'increases blood flow'.
    **dict.fromkeys(("flow", "influx", "efflux", "entry", "uptake", "loss", "transport", "movement"),
                    ("into", "to", "from", "across", "through")),
    **dict.fromkeys(("permeability", "permeable"), ("to",)),
    **dict.fromkeys(("step", "stage"), ("in",)),  # 'stimulates the last step in making X'
}
