"""Word lists for drafting questions from English text: stop words, action verbs, hedges, antonyms."""

from __future__ import annotations

import re
from functools import lru_cache

from quizmg.generate.word_counts import zipf


def word_set(text: str) -> frozenset[str]:
    """The words of a text as a set: word lists stay readable in the source."""
    return frozenset(text.split())


# Counts written as words: 'two voltage sources', 'the sum of four components'.
NUMBER_WORDS = word_set("one two three four five six seven eight nine ten")

# Function words: never a key term, never hidden by a cloze, never the end of a noun phrase.
STOP_WORDS = word_set("""
    a an the and or but nor so yet if then than that this these those there here which who whom
    whose what when where why how while whereas because although though since until unless as
    of in on at by for from to into onto upon with within without about above below over under
    between among through during before after against across along around behind beyond near
    toward towards via per is are was were be been being am do does did done doing have has had
    having can could may might must shall should will would it its itself they them their theirs
    themselves he him his she her hers we us our ours you your yours i me my mine not no yes also
    too very just only even more most less least much many some any all each every both either
    neither other another such same own one ones once again further furthermore moreover however
    therefore thus hence indeed often sometimes usually always never rather quite almost already
    still well up down out off just like unlike s fewer few several less far away back
    """)

# Words so common in English prose that their share tells English from other languages.
ENGLISH_MARKERS = word_set("the of and to in is that it for as with was on are by this be from or an which at have")

# Words as common in other languages as "the" and "of" are in English (French, Spanish, German,
# Italian, Portuguese, Dutch): a text full of them is not English.
FOREIGN_MARKERS = word_set(
    """
    le la les des est et une du dans pour sur avec qui pas au aux sont ce cette il elle
    el los las que y por con una es del se lo su al
    der die das und ist nicht mit ein eine den dem zu von auf sich
    il di che non della per sono gli nel
    os um uma não da em para com
    het een van en niet zijn op met voor
    """
)

PRONOUN_STARTS = word_set("it its this these those they their such he she them that")

DETERMINERS = word_set("a an the this these those that its their his her our your my some any each every")

# Adverbs that may sit between a subject and its verb ("magnesium also blocks").
ADVERBS = word_set("""
    also directly indirectly strongly further therefore thereby then often usually typically
    normally generally partly largely mainly primarily selectively reversibly irreversibly
    rapidly slowly quickly gradually readily effectively actively naturally simultaneously
    turn
    """)  # 'turn' of 'in turn'; 'in' itself is a preposition (phrases.is_adverb tells the two apart)

# Nouns and verbs that end in -ly like an adverb: 'the money supply', 'a monopoly', 'apply'.
NOT_ADVERBS_LY = word_set(
    """supply monopoly oligopoly duopoly family assembly anomaly ally rally belly jelly fly butterfly firefly
    dragonfly housefly lily reply apply comply multiply imply rely bully gully holly folly homily panoply
    only early daily weekly monthly yearly quarterly elderly friendly likely unlikely costly"""
)


def adverb_ly(word: str) -> bool:
    """True for an adverb made with -ly ('rapidly', 'largely'); 'supply' and 'monopoly' are nouns."""
    lower = word.lower()
    return lower.endswith("ly") and len(lower) > 3 and lower not in NOT_ADVERBS_LY


MODALS = word_set("may might can could would should must will")
# The forms of 'be', 'have' and 'do' that carry a clause's tense.
BE_FORMS = word_set("is are was were")
HAVE_FORMS = word_set("has have had")
DO_FORMS = word_set("does do did")
HEDGE_VERBS = ("appears to", "appear to", "seems to", "seem to", "tends to", "tend to", "helps", "help")
NEGATIONS = word_set("not never no")
# An action said as a hypothetical or denied ('would not induce', 'cannot grow'): true or false only under a
# condition the claim leaves out.
UNREAL = re.compile(r"\b(?:would|should|not|never|cannot|no longer)\b|n[’']t\b", re.I)

# Mechanism verbs, in their base form, with the preposition that belongs to them (if any).
ACTION_VERBS: tuple[str, ...] = (
    "block", "inhibit", "enhance", "promote", "trigger", "release", "convert", "regulate",
    "stimulate", "activate", "increase", "decrease", "reduce", "raise", "lower", "suppress",
    "antagonize", "antagonise", "oppose", "limit", "temper", "modulate", "catalyze", "catalyse",
    "produce", "secrete", "cause", "prevent", "induce", "drive", "absorb", "transport", "dilate",
    "constrict", "stabilize", "stabilise", "dampen", "amplify", "degrade", "accelerate", "slow",
    "alleviate", "improve", "support", "impair", "damage", "protect", "trap", "emit", "reflect",
    "attract", "repel", "control", "synthesize", "synthesise", "metabolize", "metabolise",
    "excite", "deplete", "restore", "reverse", "mediate", "transmit", "generate", "store",
    "consume", "pollinate", "disperse", "outcompete", "displace", "compress", "heat", "warm",
    "cool", "fix", "break down", "bind to", "compete with", "interact with", "lead to",
    "contribute to", "act on", "feed on", "prey on", "depend on", "respond to", "give rise to",
    "result in", "inactivate", "deactivate", "weaken", "strengthen", "boost", "curb", "cut",
    "shrink", "expand", "widen", "narrow", "encourage", "discourage", "relieve", "ease", "worsen",
    "deliver", "carry", "remove", "recycle", "return", "fertilize", "fertilise", "poison",
    "avoid", "erode", "shade", "depress", "neutralise", "neutralize", "sensitise", "sensitize",
    "exacerbate", "aggravate", "intensify", "hinder", "spur", "fuel", "attract", "hydrolyze",
    "hydrolyse", "oxidize", "oxidise", "bind", "excrete", "filter", "eat", "kill", "feed",
)

# Every single-word form of the action verbs, plus common verbs of explanatory prose.
VERB_WORDS = frozenset(
    form
    for verb in (*ACTION_VERBS, "play", "create", "feed", "extend", "explain", "involve", "include",
                 "make", "occur", "become", "remain", "help", "calm", "mean", "drop", "give",
                 "take", "keep", "leave", "provide", "build", "grow", "turn", "pass", "ask",
                 "buy", "sell", "use", "need", "hold", "stand", "sit", "live", "climb", "record",
                 "replace", "destroy", "describe", "argue", "suggest", "predict", "offer", "watch",
                 "pull", "push", "combine", "belong", "act", "stop", "start", "begin", "fade")
    for form in (verb, verb + "s", verb + "es", verb + "d", verb + "ed")
    if " " not in form
)

# Past participles that do not end in -ed: never a key term ("a lens made of glass").
VERB_WORDS = VERB_WORDS | word_set(
    "made built found known called used given taken seen done held kept left brought bought sold "
    "grown shown written drawn thrown worn born borne led fed bred spent sent lent meant"
)

# Relations the text only claims loosely; kept, with their auxiliary, as hedged actions.
ASSOCIATIONS = ("associated with", "linked to", "correlated with", "related to", "tied to")

# Actions of the same direction: swapping one for another does not make a statement false.
LOWERING = word_set("block inhibit suppress limit temper dampen oppose reduce lower decrease curb prevent "
    "antagonize antagonise weaken slow impair relieve ease alleviate hinder cut shrink")
RAISING = word_set("enhance promote support stimulate activate increase raise boost strengthen improve amplify "
    "trigger induce cause drive accelerate encourage exacerbate aggravate intensify spur fuel "
    "expand widen worsen")

# Roles a subject can play towards its object: "X is a cofactor in Y", "X acts as an antagonist to Y".
ROLE_NOUNS = (
    "cofactor", "antagonist", "agonist", "inhibitor", "precursor", "catalyst", "substrate",
    "source", "regulator", "activator", "messenger", "carrier", "sink", "buffer", "trigger",
)
ROLE_PATTERN = re.compile(
    r"\b(?P<verb>is|are|acts as|act as|acting as|serves as|serve as|serving as|functions as|"
    r"function as|functioning as)\s+"
    r"(?P<article>an?|the)\s+(?P<adjectives>(?:[a-z-]+\s+){0,2}?)"
    r"(?P<role>" + "|".join(ROLE_NOUNS) + r")s?\s+(?P<prep>of|in|for|to|on)\b",
)

# Pairs of opposite actions; a swap makes a grammatical false statement.
ANTONYMS: dict[str, str] = {
    "block": "activate", "inhibit": "stimulate", "enhance": "weaken", "promote": "prevent",
    "increase": "decrease", "decrease": "increase", "reduce": "increase", "raise": "lower",
    "lower": "raise", "suppress": "stimulate", "stimulate": "suppress", "activate": "block",
    "accelerate": "slow", "slow": "accelerate", "dilate": "constrict", "constrict": "dilate",
    "absorb": "reflect", "reflect": "absorb", "prevent": "cause", "cause": "prevent",
    "strengthen": "weaken", "weaken": "strengthen", "boost": "reduce", "encourage": "discourage",
    "discourage": "encourage", "attract": "repel", "repel": "attract", "widen": "narrow",
    "narrow": "widen", "expand": "shrink", "shrink": "expand", "alleviate": "worsen",
    "ease": "worsen", "relieve": "worsen", "improve": "impair", "impair": "improve",
    "worsen": "improve", "cool": "warm", "warm": "cool", "heat": "cool", "enhances": "weakens",
    "dampen": "amplify", "amplify": "dampen", "stabilize": "destabilize",
    "stabilise": "destabilise", "limit": "increase", "temper": "amplify", "curb": "boost",
}

_IRREGULAR_PAST = {"drive": "drove", "break": "broke", "bind": "bound", "give": "gave", "lead": "led",
                   "cut": "cut", "feed": "fed", "store": "stored"}


def third_person(verb: str) -> str:
    """'block' -> 'blocks', 'carry' -> 'carries', 'catalyse' -> 'catalyses'."""
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    return verb + "s"


_IRREGULAR_BASE = {"is": "be", "are": "be", "has": "have", "does": "do", "goes": "go"}


def base_form(verb: str) -> str:
    """'blocks' -> 'block', 'carries' -> 'carry', 'passes' -> 'pass': the third person undone."""
    if verb in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[verb]
    if re.search(r"[^aeiou]ies$", verb):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith(("ss", "us", "is")):
        return verb[:-1]
    return verb


def plain_forms(word: str) -> set[str]:
    """The word and the plain forms it may be the -s form of: 'calculates' -> {'calculates', 'calculate'},
    'carries' -> {.., 'carry'}, 'focuses' -> {.., 'focuse', 'focus'}. For matching against a set of verbs
    or nouns, where a wrong candidate finds nothing; `base_form` gives the one right form of a known verb."""
    found = {word}
    if word.endswith("ies"):
        found.add(word[:-3] + "y")
    if word.endswith("es"):
        found.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        found.add(word[:-1])
    return found


def past(verb: str) -> str:
    """'block' -> 'blocked', 'promote' -> 'promoted', 'carry' -> 'carried'."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", verb) and len(verb) <= 4:
        return verb + verb[-1] + "ed"
    return verb + "ed"


def gerund(verb: str) -> str:
    """'block' -> 'blocking', 'promote' -> 'promoting', 'cut' -> 'cutting'."""
    if verb.endswith("ee"):
        return verb + "ing"
    if verb.endswith("e"):
        return verb[:-1] + "ing"
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", verb) and len(verb) <= 4:
        return verb + verb[-1] + "ing"
    return verb + "ing"


def verb_forms(phrase: str) -> dict[str, str]:
    """Every written form of a verb phrase mapped to its grammatical role.

    Roles: 'base' (they block), 'third' (it blocks), 'past' (blocked), 'gerund' (blocking).
    """
    head, _, rest = phrase.partition(" ")
    tail = f" {rest}" if rest else ""
    return {
        f"{head}{tail}": "base",
        f"{third_person(head)}{tail}": "third",
        f"{past(head)}{tail}": "past",
        f"{gerund(head)}{tail}": "gerund",
    }


def inflect(phrase: str, role: str) -> str:
    """A verb phrase in the form named by `role` (see verb_forms)."""
    head, _, rest = phrase.partition(" ")
    tail = f" {rest}" if rest else ""
    maker = {"base": lambda v: v, "third": third_person, "past": past, "gerund": gerund}[role]
    return f"{maker(head)}{tail}"


_HEAD_ENDS = word_set("of in on at for with from within between inside into by among")


_LATIN_PLURALS = word_set("bacteria data criteria phenomena fungi nuclei stimuli protozoa media genera bacilli "
                          "cocci mitochondria flagella cilia")


@lru_cache(maxsize=65_536)
def is_plural_phrase(phrase: str) -> bool:
    """A rough number test for a noun phrase: 'calcium ions' and 'X and Y' are plural; 'the diameter
    of the blood vessels' is as singular as its head, the noun before the first preposition."""
    if re.search(r"\b[A-Z][A-Z0-9-]+s$", phrase.split()[-1] if phrase.split() else ""):
        return True  # 'SSRIs', 'NSAIDs': an acronym with a small s is a plural
    if phrase.lower().split()[-1:] and (phrase.lower().split()[-1] in _LATIN_PLURALS
                                        or phrase.lower().endswith("ae")):
        return True  # 'bacteria', 'fungi', 'algae'

    words = phrase.lower().split()
    for index, word in enumerate(words[1:], start=1):
        if word in _HEAD_ENDS:
            words = words[:index]
            break
    if not words:
        return False
    if "and" in words:
        return True
    last = re.sub(r"[^a-z]", "", words[-1])
    singular_endings = ("ss", "us", "is", "ics", "ous", "sis", "ness", "ess", "gas", "tus", "bus")
    return last.endswith("s") and not last.endswith(singular_endings) and len(last) > 3 and not _one_in_s(last)


def _one_in_s(word: str) -> bool:
    """'pancreas', 'diabetes', 'measles', 'herpes': English uses the word far more than any singular it could be the
    plural of ('pancrea', 'measle'), so its -s is no plural's. 'areas', 'ovaries' ('ovary'), 'testes' ('test'
    is common) and a plural English seldom uses at all ('osteoclasts') stay plural."""
    singulars = [word[:-1]]
    if word.endswith("es"):
        singulars.append(word[:-2])
    for plural, *ones in _PLURAL_ENDINGS:
        if word.endswith(plural):
            singulars += [word[: -len(plural)] + one for one in ones]
    return zipf(word) - max(zipf(one) for one in singulars) >= _PLURAL_GAP


# Plurals not made by adding -s: 'ovaries' (ovary), 'wolves' (wolf), 'knives' (knife), 'indices', 'matrices',
# 'crises', 'theses'.
_PLURAL_ENDINGS = (("ies", "y"), ("ves", "f", "fe"), ("ices", "ex", "ix"), ("ses", "sis"))


_PLURAL_GAP = 1.5  # Zipf units: the word is thirty times as common as its would-be singular


# A naming verb ending the text before a name: 'called', 'also known as the', 'referred to as a'.
NAMED_AS = re.compile(r"\b(?:also\s+)?(?:called|known\s+as|referred\s+to\s+as|termed|named)\s+(?:(?:the|an?)\s+)?$",
                      re.I)


def search_end(pattern: re.Pattern[str], text: str, words: int) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern that matches only within the last `words` words of `text` (as
    str.split parts it) and the spaces after them: searched from where those words start, not from the
    start of a long text before a blank. The pattern still sees the character before (its \\b, its look-behinds)."""
    parts = text.rsplit(None, words)
    return pattern.search(text, len(parts[0]) if len(parts) > words else 0)
