"""How common a word is in English (wordfreq), to tell a generic word from a term worth asking.

A blank over 'light', 'cell' or 'blood levels' teaches nothing: any reader could fill it. wordfreq's
lists (a few MB) are read on the first look-up only, so a command that never drafts never pays.
"""

from __future__ import annotations

from functools import lru_cache

from quizmg.generate.word_counts import zipf
from quizmg.generate.words import NUMBER_WORDS, word_set

# Zipf frequency (log10 of uses per billion words) at and above which a lone word is everyday English.
GENERIC_ZIPF = 4.5
# Each word of a phrase at and above this, and the phrase is everyday English too ('time zones').
GENERIC_PHRASE_ZIPF = 4.0
# Nouns that name a kind of thing rather than a thing: a blank over them asks for a category.
KIND_NOUNS = word_set(
    """enzyme enzymes protein proteins cell cells molecule molecules hormone hormones receptor receptors
    substance substances compound compounds organism organisms tissue tissues organ organs reaction reactions
    process processes structure structures system systems factor factors product products type types form
    forms group groups level levels amount amounts part parts function functions effect effects change changes
    thing things way ways example examples case cases area areas region regions result results energy light
    water food body bodies people person individual individuals behavior behaviour response responses
    disease diseases disorder disorders condition conditions pathogen pathogens parasite parasites
    microbe microbes microorganism microorganisms host hosts"""
)
# Heads of a vague phrase: what something does or yields in general ('adverse effects', 'negative
# outcomes'), people of no particular kind ('affluent individuals'), and how something was found out
# ('longitudinal studies'). Unless the text marks the phrase as a term, a blank over one asks for the
# writer's wording, not a concept.
VAGUE_HEADS = word_set(
    """effect effects outcome outcomes consequence consequences benefit benefits impact impacts result
    results problem problems level levels extent influence influences role roles"""
)
PEOPLE_NOUNS = word_set(
    """individual individuals people persons patients participants subjects adults children men women
    friends members groups populations"""
)
# Firms and traders of no particular kind: alone, a blank over one asks who, never what ('all [participants]
# have an equal chance ...', 'roughly 2,000 [firms] are ...', 'the major [dealers] keep watch').
AGENT_NOUNS = word_set("firm firms company companies business businesses dealer dealers trader traders")
RESEARCH_NOUNS = word_set(
    """study studies research experiment experiments trial trials survey surveys finding findings evidence
    investigation investigations analysis analyses"""
)
# Adjectives that judge or grade rather than name a kind: 'adverse', 'beneficial', 'higher', 'extensive'.
EVALUATIVE = word_set(
    """adverse beneficial harmful helpful useful good bad better worse best worst poor poorer great greater
    high higher low lower large larger small smaller important significant serious severe extensive
    considerable substantial profound dramatic positive negative favorable favourable unfavorable
    unfavourable desirable undesirable detrimental damaging protective healthy unhealthy strong stronger
    weak weaker major minor overall general various numerous many several"""
)
# Adjectives that pick out or qualify members of a class without naming a kind: 'possible orbitals',
# 'different currencies', 'new antibiotics', 'similar observations', 'predictable ways'.
QUALIFYING = word_set(
    """possible different similar same new certain particular given predictable unpredictable unique special
    typical usual unusual likely unlikely specific"""
)
# Adjectives and counts that place things by where, when or how many, seen from the writer: 'distant
# galaxies', 'the early universe', 'recent decades', 'two voltage sources'. The noun names the things.
PLACING = word_set(
    """distant remote nearby near nearest far farther farthest faraway close closer closest early earlier
    earliest late later latest recent past present current future young younger youngest old older oldest
    ancient modern last dozen hundred thousand"""
) | NUMBER_WORDS
_ADJECTIVE_END = ("al", "ar", "ic", "ous", "ive", "ful", "less", "able", "ible", "ary", "ory", "ent", "ant")
# General nouns: they stand for a whole class of things and name none ('components', 'magnitudes',
# 'aspects'). A blank over one, or over one with an everyday adjective ('relative magnitudes'), asks
# for a word any reader could supply.
GENERAL_NOUNS = word_set(
    """component components element elements aspect aspects feature features property properties
    characteristic characteristics magnitude magnitudes quantity quantities variable variables detail details
    item items kind kinds sort sorts category categories aspect aspects means manner degree degrees extent
    quality qualities condition conditions situation situations matter matters issue issues"""
)




@lru_cache(maxsize=65_536)
def is_generic(phrase: str, *, marked: bool = False) -> bool:
    """True for everyday words that make a poor answer: 'light', 'cell', 'enzyme', 'blood levels'.

    A term the source marks or defines ('active site') is a term even when its words are common;
    a single common word is generic however the source treats it.
    """
    if len(phrase.split()) > 1 and any(len(w) > 1 and w.isupper() for w in phrase.split()):
        return False  # 'real GDP', 'M1 money': an acronym makes the phrase a term
    words = [w for w in phrase.lower().replace("’", "'").split() if w not in {"the", "a", "an"}]
    if not words:
        return True
    if len(words) == 1:
        word = words[0]
        if word.isupper() or any(ch.isdigit() for ch in word):
            return False
        return word in KIND_NOUNS or word in GENERAL_NOUNS or word in PEOPLE_NOUNS or word in AGENT_NOUNS \
            or zipf(word) >= GENERIC_ZIPF
    if marked:
        return False
    if vague(words):
        return True
    if words[-1] in GENERAL_NOUNS and all(zipf(w) >= GENERIC_PHRASE_ZIPF for w in words[:-1]):
        return True  # 'relative magnitudes', 'other components'
    return all(w in KIND_NOUNS or zipf(w) >= GENERIC_PHRASE_ZIPF for w in words)


def vague(words: list[str]) -> bool:
    """True for a phrase that names no concept: people or research of some description ('affluent
    individuals', 'longitudinal studies'), or a general result graded by adjectives ('adverse effects',
    'beneficial physiological effects', 'higher levels')."""
    head, modifiers = words[-1], words[:-1]
    if not modifiers:
        return False
    if head in PEOPLE_NOUNS or head in RESEARCH_NOUNS:
        return True
    if head in VAGUE_HEADS:  # 'adverse effects'; 'adverse health consequences' (graded, then an everyday word)
        return all(w in EVALUATIVE or w.endswith(_ADJECTIVE_END) for w in modifiers) or (
            modifiers[0] in EVALUATIVE and all(zipf(w) >= GENERIC_PHRASE_ZIPF for w in modifiers[1:]))
    return modifiers[0] in EVALUATIVE and (head in KIND_NOUNS or head in GENERAL_NOUNS)


RARE_ZIPF = 3.0  # a lone word under this is no everyday English: the vocabulary of a subject ('precession')


def is_rare(word: str) -> bool:
    """True for a word English seldom uses outside a subject's writing."""
    return 0 < zipf(word) < RARE_ZIPF


# Adjectives of a nation or a continent. Before everyday words they make no name: 'the Chinese market', 'American
# goods', 'British soldiers' say whose, and a text that repeats them has not made them terms. With a rare word they
# may name one thing ('German measles', 'American trypanosomiasis'), which is_generic tells.
NATIONALITIES = word_set(
    "american british english french german spanish chinese japanese russian soviet mexican canadian european african "
    "asian italian dutch irish scottish cuban korean vietnamese filipino greek egyptian arab israeli iranian iraqi "
    "afghan brazilian australian swedish norwegian polish portuguese indian turkish"
)


def nationality_phrase(phrase: str) -> bool:
    """'Chinese market', 'American goods': an adjective of a nation, then lowercase words."""
    words = phrase.split()
    return len(words) > 1 and words[0].lower() in NATIONALITIES and all(w[:1].islower() for w in words[1:])
