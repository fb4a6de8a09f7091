"""Which sentences are worth quoting in a question, and how much a sentence and a term teach."""

from __future__ import annotations

import re
from functools import lru_cache

from quizmg.generate.added_items import unstated_addend
from quizmg.generate.back_reference import named_before, pair_from_before, refers_back
from quizmg.generate.contrasts import says_nothing
from quizmg.generate.derivation_steps import derivation_step
from quizmg.generate.document import Sentence
from quizmg.generate.elided_reference import elided_reference
from quizmg.generate.likeness import unstated_comparand, unstated_likeness
from quizmg.generate.linked_openings import PLACE_HOLDER_IT as _PLACE_HOLDER_IT
from quizmg.generate.linked_openings import first_word as _first_word
from quizmg.generate.linked_openings import joined_pronoun, next_step, set_up, tells_reader_to_do
from quizmg.generate.linking import reply_to_before
from quizmg.generate.object_pointer import bare_object
from quizmg.generate.outside_referents import outside_referent
from quizmg.generate.person_reference import unnamed_owner, unnamed_person
from quizmg.generate.story_time import story_time
from quizmg.generate.such_reference import such_reference
from quizmg.generate.terms import Term
from quizmg.generate.text_plan import announces_plan
from quizmg.generate.unseen import points_here, reads_unseen
from quizmg.generate.words import PRONOUN_STARTS, word_set


def asks(text: str) -> bool:
    """True for a question, its mark inside closing quotes or brackets too ('... in this “cosmic year?”')."""
    return text.rstrip().rstrip("”\"’')]").endswith("?")

def sentence_score(sentence: Sentence, text: str, terms_found: int, has_mechanism: bool) -> float:
    """How much a sentence teaches: key terms, a mechanism, a readable length, no loose pronoun."""
    words = text.split()
    score = 1.0 + 0.6 * min(terms_found, 3) + (0.8 if has_mechanism else 0.0)
    if len(words) < 7:
        score -= 1.0
    if len(words) > 40:
        score -= 1.0 + (len(words) - 40) / 20
    if words and words[0].lower().strip(",") in PRONOUN_STARTS:
        score -= 1.5
    if sentence.is_fragment:
        score -= 2.0
    if re.search(r"\b(may|might|could|perhaps|possibly)\b", text, re.I):
        score -= 0.3
    if re.search(r"\b(according to|I|we|you|our)\b", text):
        score -= 0.6
    if asks(text):
        score -= 3.0
    return score


def usable(sentence: Sentence, text: str) -> bool:
    """A sentence good enough to quote in a question, alone."""
    return quotable(sentence, text) and leans_back(text) is None


def quotable(sentence: Sentence, text: str) -> bool:
    """A sentence good enough to quote, alone or after the sentence it leans on (`leans_back`)."""
    return not sentence.is_fragment and _quotable_text(text)


@lru_cache(maxsize=65_536)
def _quotable_text(text: str) -> bool:
    """`quotable` as far as the words tell (asked again of a sentence another one leans on)."""
    words = text.split()
    return (
        6 <= len(words) <= 45
        and not asks(text)
        and not tells_reader_to_do(words, text)
        and not _STEP.match(text)
        and text[:1].isupper()
        and not _NEEDS_CONTEXT.search(text)
        and not shows_a_figure(text)
        and reads_unseen(text) is None  # a figure, a table or another part of the text (unseen.py)
        and not says_nothing(text)
        and not announces_plan(text)  # 'We will then explore ...': the text's plan, not a fact (text_plan.py)
    )


@lru_cache(maxsize=65_536)
def leans_back(text: str) -> str | None:
    """The words by which a sentence leans on the one before it ('This process', 'They', 'the other X', a
    prediction whose condition the sentence before states), or None when it stands alone (asked again of a
    sentence carried before another one: kept)."""
    words = text.split()
    if words and _first_word(words[0]) in PRONOUN_STARTS:  # 'It’s' as 'It'
        pointer = _POINTER.match(text)
        return pointer.group(0) if pointer else words[0].strip(",")  # 'These investigators', 'It'
    linked = _LINKED_PRONOUN.match(text)
    if linked:
        return linked.group(0)  # 'Hence, it acts to keep ...': what is it?
    joined = joined_pronoun(text) or next_step(text) or set_up(text)
    if joined:
        return joined  # 'But this is not ...', 'And it ...', 'Then the mixture ...', 'To see why' (linked_openings.py)
    pointer = _POINTER.search(text)
    if pointer and not named_before(pointer.group("noun"), text[: pointer.start()]) \
            and not _THOSE_RESTRICTED.match(text, pointer.start()):
        return pointer.group(0)
    pair = pair_from_before(text)
    if pair:
        return pair
    shell = _SHELL.match(text) or _POSSESSIVE_FIRST.match(text) or _PRONOUN_IN_OPENING.match(text)
    if shell:
        return shell.group(0).strip()
    if unstated_condition(text):
        return "a prediction with no condition"
    here = points_here(text)
    if here:
        return here  # 'From here they crawl to ...': the place the sentence before named
    # 'In fact, such a collision ...': which collision? 'Because of this, ...': of what?
    # 'Most are ...', 'The rest of the time, ...', 'refer to that process as ...' (elided_reference.py).
    # 'Two months later, ...', 'That year, ...', 'At that point, ...': later than what? (story_time.py)
    # 'Food scientists use them to ...', 'a case 3 image' (outside_referents.py).
    # 'To find the total, we first note ...': a step of the text's working (derivation_steps.py).
    # 'Living cells accomplish this by ...': 'this' for what the sentence before told (object_pointer.py).
    return points_back(text) or such_reference(text) or bare_pointer(text) or elided_reference(text) \
        or story_time(text) or outside_referent(text) or derivation_step(text) or bare_object(text)


def bare_pointer(text: str) -> str | None:
    """'this', 'these' or 'those' with no noun, after a preposition in the sentence's opening words and no clause
    of its own before it ('Because of this, ...', 'The first of these is called ...'), or None."""
    for bare in (_BARE_POINTER.search(text), _BARE_IT.search(text)):
        if bare and len(text[: bare.start()].split()) <= _OPENING_WORDS \
                and not re.search(r"[,;:]", text[: bare.start()]):
            return text[: bare.end()].strip()  # the whole opening: 'One example of this' tells an example
    return None


# A linking adverbial at the head of the sentence and then a pronoun as the subject: 'Hence, it ...',
# 'As a result, they ...', 'In turn, this ...'.
_LINKED_PRONOUN = re.compile(
    r"^(?:Hence|Thus|Therefore|Consequently|Conversely|Similarly|Likewise|Then|Next|Finally|However|Instead|Also"
    r"|As a result|In turn|In addition|In this way|In other words|At this point|For this reason),?\s+"
    r"(?:it|they|this|these|those|he|she|its|their)\b"
)
# 'this reaction', 'these impairments', 'those cells': a thing named before. Not 'those who/with/in which
# ...' (the pronoun with its own restricting phrase) nor 'this is' (the subject of a verb).
_POINTER = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?!(?:is|are|was|were|can|may|will|who|whom|whose|which|that|with|without|"
    r"in|of|on|at|for|from|by|to|under|over|between|among|whom|where|when)\b)(?P<noun>[a-z][\w-]*)"
)

# 'this', 'these' or 'those' standing alone after a preposition, with no noun of its own, in the sentence's opening
# words: 'Because of this, ...', 'A classic example of this is ...', 'The first of these is called ...', 'Gatherings
# like this are called ...' -- what 'this' is, the sentence before said. After a clause of the sentence's own (a
# comma before it) it may point at that clause ('Cells divide, and because of this, ...').
_BARE_POINTER = re.compile(
    r"\b(?:[Oo]f|[Tt]o|[Ff]rom|[Ww]ith|[Bb]y|[Ff]or|[Dd]espite|[Aa]fter|[Bb]efore|[Ll]ike|[Uu]nlike|[Bb]esides|than"
    r"|[Aa]bout|[Oo]n|[Ii]n)\s+(?:this|these|those)\b"
    r"(?=\s*[,.;:]|\s+(?:is|are|was|were|can|may|will|has|have|had|does|do|did|would|could|should|must|might)\b)"
)
# ... and 'it' or 'them' after a preposition of place or part: 'Above it is a layer where ...', 'Some of it was
# ...', 'From it, ...' (above what?). Not after a word that opens a clause ('After it is heated, the glass ...':
# the main clause names it).
_BARE_IT = re.compile(
    r"\b(?:[Oo]f|[Ff]rom|[Ww]ith|[Bb]y|[Ll]ike|[Uu]nlike|[Aa]bout|[Oo]n|[Ii]n|[Ii]nto|[Aa]bove|[Bb]elow|[Bb]eyond"
    r"|[Ww]ithin|[Ii]nside|[Oo]utside|[Aa]round|[Bb]eneath|[Uu]nder|[Aa]mong|[Bb]etween|[Tt]hrough|[Aa]cross"
    r"|[Aa]long|[Nn]ear|[Bb]ehind)\s+(?:it|them)\b"
    r"(?=\s*[,.;:]|\s+(?:is|are|was|were|can|may|will|has|have|had|does|do|did|would|could|should|must|might)\b)"
)
_OPENING_WORDS = 5


# A 'shell noun' as the subject, with nothing to say which one: 'The idea is simple: ...', 'The process is
# repeated ...', 'The result is a ...', 'If the process errs ...' -- the idea, process or result the sentence
# before told.
_SHELL = re.compile(
    r"^(?:(?:However|Thus|Therefore|Hence|Consequently|Moreover|Instead|Again|Here),?\s+)?"
    # ... or the subject of a clause that opens the sentence: 'If the process errs ...' (which process?).
    r"(?:(?:If|When|Once|Because|Since|Although|While|As|After|Before|Unless|Until)\s+)?[Tt]he\s+"
    r"(?:idea|process|method|procedure|technique|approach|result|finding|conclusion|effect|problem|reason|situation"
    r"|change|difference|principle|strategy|argument|question|issue|solution|outcome|relationship|reaction"
    # ... or a count the sentence before gave: 'However, the numbers have steadily increased ...', 'The data also
    # indicate ...', 'The pattern is similar ...', 'The ratio is greater for ...' (which numbers, data, ratio?).
    r"|numbers|figures|data|statistics|trends?|patterns?|ratio|rates"
    # ... or the reply to a question or the aim the sentence before set: 'The answer, as hinted earlier, lies in
    # ...', 'The challenge is keeping ...', 'The trick is to ...', 'The goal is to ...' (to which question, whose aim?).
    r"|answer|challenge|puzzle|trick|explanation|goal|point|assumption|lesson)(?:\s+|,\s+)"
    r"(?!(?:of|that|which|who|whose|called|known|named|termed|for|in|from|with|behind|between|by|to|on|at|used"
    r"|described|here|where|when|whereby)\b)"
    r"(?!\S*[/=])"  # 'The ratio d/k is called ...': a formula after the noun says which
)
# A possessive before any noun it could stand for: 'Although its name was later changed ...' (whose name?).
_POSSESSIVE_FIRST = re.compile(
    r"^(?:Although|Though|While|Because|Since|When|If|As|After|Before|Unless|Whereas|Despite)\s+(?:its|their)\b"
)
# The subject of an opening clause that is a pronoun ('If this is true, ...', 'If it has a lipid attached, it ...'),
# or an opening clause with no subject of its own, followed by one ('When
# dissolved in strong acids, it is ...'): what it is, the sentence before said. An 'it' that only holds a place
# ('Although it is possible to ...', 'While it is thought that ...') points at nothing.
_PRONOUN_IN_OPENING = re.compile(
    r"^(?:(?:On\s+the\s+other\s+hand|In\s+contrast|By\s+contrast|However|Similarly|Likewise|Thus|Therefore"
    r"|Conversely|Instead),?\s+)?(?i:Although|Though|While|Because|Since|When|Whenever|If|Once|After|Before|Unless"
    r"|Until|Whereas)\s+"
    # 'this' and 'these' point back; 'it' and 'they' may point ahead to the main clause's subject ('Although it
    # is cheap, coal is ...') and lean only when that subject is a pronoun too ('If it has X, it is called ...').
    rf"(?:(?:this|these)\s+(?!{_PLACE_HOLDER_IT})|(?:it|they)\s+(?!{_PLACE_HOLDER_IT})[^,]*,\s+(?:it|they|this|these|its"
    r"|their)\b"
    r"|(?:being\s+)?[a-z]{3,}ed\s+(?:in|by|with|to|at|on|under|from|for|into|over)\b[^,]*,\s+(?:it|they|this|these)\b)"
)
# 'those' as a pronoun with its own phrase: 'those reporting a history of ...', 'those important in ...',
# 'those individuals with ...', 'those ages 25-64': the people it means, said right there.
_THOSE_RESTRICTED = re.compile(
    r"[Tt]hose\s+(?:[a-z]+(?:ing|ed)\b|[a-z][\w-]*\s+(?:who|whom|whose|that|which|with|without|in|of|for|from|at"
    r"|on|to|under|over|between|among|\d))"
)


# The prediction's verb ends the sentence: 'will exist.', 'will rise sharply.', 'would be lower.'
_PREDICTION = re.compile(r"\b(?:will|would)\s+(?:not\s+)?(?:be\s+)?[a-z]+(?:\s+[a-z]+ly)?\s*[.!]?$")
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|unless|once|because|since|until|as long as|so that|then|whether|where|after|before|"
    r"as|while|during|without|with|at|under|in|for)\b",
    re.I,
)


def unstated_condition(text: str) -> bool:
    """True for a short prediction with no condition and no object ('Excess supply or a surplus will
    exist.'): what makes it happen is in the sentence before, and without it the claim is wrong or empty.
    'Tariffs will raise the price of imports.' says what does what, and stands alone."""
    words = text.split()
    return len(words) <= 12 and bool(_PREDICTION.search(text)) and not _CONDITION.search(text)


# A table, graph, chart or diagram the page shows ('The table lists ...', 'this graph', 'Table 4'), as against
# one the sentence names: a kind of thing ('a chart showing the positions of the planets', 'a graph that
# plots brightness against time') or a named one ('the H–R diagram', 'a Venn diagram').
_DISPLAY_WORD = re.compile(r"\b(?:[Tt]able|[Gg]raph|[Cc]hart|[Dd]iagram)\b")
_POINTING = word_set("the this that these those our its their each")
_ON_THE_PAGE = word_set("following above below next previous preceding accompanying adjacent same last first second "
                        "third earlier later completed blank new data summary simple")


def shows_a_figure(text: str) -> bool:
    """True when the sentence points at a table, graph, chart or diagram the reader is shown."""
    for match in _DISPLAY_WORD.finditer(text):
        before = [word.lower() if word.lower() in _POINTING | {"a", "an"} else word
                  for word in text[: match.start()].split()]
        if match.group(0)[:1].isupper() or not before:
            return True  # 'Table 3', 'Diagram (b)', a sentence opening on it
        one_of_a_kind = before[-1] in {"a", "an"} or (len(before) > 1 and before[-2] in {"a", "an"})
        named = before[-1][:1].isupper()  # 'the H–R diagram', 'a Venn diagram'
        # 'the periodic table', 'the water table': a noun's own word before a table makes a thing of the subject;
        # 'the following table' is still the page's, and so is a diagram, a chart or a graph however named ('the
        # supply and demand diagram' is the one drawn beside the text).
        kind = match.group(0) == "table" and before[-1].isalpha() and before[-1] not in _POINTING \
            and before[-1].lower() not in _ON_THE_PAGE
        if not (one_of_a_kind or named or kind):
            return True
    return False


# A sentence that leans on something outside the text around it: a figure, a video, an episode of a show,
# a step of a list. Quoted in a question it cannot be understood, even after the sentence before.
_NEEDS_CONTEXT = re.compile(
    r"\b(?:[Ff]igure|[Ff]ig\.|[Vv]ideo|[Aa]nimation|[Ss]imulation)\b"
    r"|\b[Tt]he episode\b|\b[Ee]pisodes? of [A-Z]"  # a show's ('an episode of Nova'), not 'a manic episode'
    # 'As discussed in Chapter 4', 'as shown above'; not an observer's view ('as seen from Earth', 'as seen at
    # radio wavelengths') nor a source named ('as shown by Io', 'as described by Kepler's laws').
    r"|\b(?:[Aa]s (?:discussed|described|shown|noted|mentioned|seen))\b(?! (?:by|from|at|through|with) )"
    r"|\b[Yy]ou (?:have|will|may|might) (?:read|seen|learned|learnt|recall)\b"
    r"|^(?:Step|Stage|Part) \d"  # 'Step 3: When CO2 ...': a step of a list the reader cannot see
    r"|\b(?:is|are) (?:an? |one |another )?examples?\.?$"  # 'The X of 2009 is an example.'
    # Two sentences the splitter left together ('at high pH. Lipids are ...'): never one question.
    r"|[A-Za-z0-9⁺⁻)][.!?] [A-Z][a-z]"
)


_NUMBERS = "two|three|four|five|six|seven|eight|nine|ten"
# Words that point back to what an earlier sentence named, as a grammar book lists them: 'the other
# metal' (other than the one named before), a sentence opening on 'the resulting / remaining / latter'
# thing, a definite count of things the sentence does not name ('The two main layers are ...' -- of
# what?; 'the most severe of the three'), and a part or kind of something unnamed at the head of the
# sentence ('Some strains produce ...' -- strains of what?). Quoted alone, each leaves its reader asking.
_POINTS_BACK = re.compile(
    r"^(?:(?:In|Of|For|Among|From|With) )?[Tt]he (?:resulting|remaining|latter|former|aforementioned|preceding)\b"
    rf"|^(?:(?:In|Of|For|Among) )?(?:[Tt]he|[Aa]ll|[Bb]oth) (?:{_NUMBERS})\b"
    r"(?!(?: [\w-]+){0,2} (?:of|in|that|which|who)\b)"
    rf"|\bof the (?:{_NUMBERS})\s*[?.,;]"
    r"|^(?:Some|Many|Most|Several|Certain) (?:strains|species|types|kinds|forms|members|cases|varieties|subtypes"
    r"|serotypes|isolates|versions)\b(?! of\b)"
)
# A noun that needs 'of/for what' picked out by an adjective of choice or rank, with nothing to say of or for
# what: 'Ivermectin is the preferred treatment', 'What is the most common risk factor?', 'the best treatment is
# ...' -- the disease or the choice the sentence before named. And a preference with nothing it is preferred
# to: 'In medical applications, the rad is more often used.' (than what?).
_ELIDED_COMPLEMENT = re.compile(
    r"\b[Tt]he (?:preferred|recommended|usual|standard|first-line|best|most common|most effective|most frequent"
    r"|most important|main|primary|principal|leading|only|major) (?:[\w-]+ )?(?:treatments?|therap(?:y|ies)|drugs?"
    r"|medications?|choices?|options?|causes?|risk factors?|symptoms?|signs?|tests?|methods?|approach(?:es)?"
    r"|sources?|reservoirs?|vectors?|hosts?|routes?|agents?|reasons?)\b"
    r"(?!\s+(?:of|for|in|to|against|among|that|which|who|with|used|behind)\b)"
    r"|\b(?:is|are|was|were) (?:more|less) (?:often|commonly|frequently|widely) (?:used|prescribed|given|chosen"
    r"|preferred|applied|recommended)\b(?![^.;]*\b(?:than|over|instead|rather)\b)"
)
# A phrase at the head of the sentence that says the case: 'In cases of X, the best treatment is ...', 'For
# patients with Y, the preferred drug is ...'.
_FRONTED_CASE = re.compile(r"^(?:In|For|Among|With|Against)\s+[^,]*\b(?:of|with|against|for)\b[^,]*,")
_PLURAL_PRONOUN = re.compile(r"\b(?:they|them|their|theirs)\b")
# A word that can be what 'they' stands for: a plural noun, or a noun plural without an -s.
_PLURAL_NOUN = re.compile(
    r"\b[A-Za-z][\w-]{2,}(?<!ss)(?<!us)(?<!is)s\b|\b(?:bacteria|data|criteria|phenomena|fungi|nuclei|protozoa|people"
    r"|children|men|women|media|mice|teeth|feet|geese)\b|\band\b"
)
_THE_OTHER = re.compile(r"\b[Tt]he other\b(?! hand\b)")
# A sentence whose subject is 'the' and a word for one case of a kind ('The toxin's ability to block ...',
# 'The infection is diagnosed by ...', 'The causative agent is often ...'): which toxin, infection or agent,
# the sentence before said. A phrase that says which ('The toxin that ...', 'The agent of ...') stands alone.
_THE_CASE = re.compile(
    r"^(?:(?:However|Typically|Usually|Often|Generally|Thus|Therefore),?\s+)?[Tt]he\s+(?:causative\s+)?"
    r"(?:toxin|infection|virus|bacterium|disease|illness|drug|agent|pathogen|parasite|fungus|microbe|patient|"
    r"vaccine|outbreak|epidemic|tumou?r|lesion|rash)(?:’s|'s)?\s+(?!(?:of|that|which|who|whose|called|known|named|"
    r"responsible|for|in|from|with|produced|caused|made|used|found)\b)"
)
# A study or its results named as known: 'Results showed that ...', 'The study found ...', 'The
# participants were ...' -- which study, the sentence before said.
_THE_STUDY = re.compile(
    r"^(?:(?:In addition|However|Overall|Moreover|Furthermore),?\s+)?(?:(?:[Tt]he|[Tt]heir|[Tt]hese)\s+)?"
    r"(?:[Rr]esults|[Ff]indings|[Ss]tudy|[Ee]xperiment|[Ss]urvey|[Rr]esearchers|[Pp]articipants|[Aa]uthors)\s+"
    r"(?!(?:of|that|which|who|on|in|from|with)\b)"
    # 'In the study, researchers compared ...': which study, the sentence before said.
    r"|^(?:In|From|During) (?:the|this|that|their) (?:study|experiment|investigation|survey|trial)\b"
)
# A craft, a device or a set of records named as known: 'The probe plunged into ...', 'The device is small, so ...',
# 'The observations indicate that ...' -- which probe, device or observations, the sentence before said.
_THE_CASE_CRAFT = re.compile(
    r"^(?:(?:However|Thus|Then|Later|Finally|Eventually),?\s+)?[Tt]he\s+(?:spacecraft|probe|lander|rover|orbiter"
    r"|mission|crew|astronauts|device|instrument|apparatus|(?:observations|measurements|tests|experiments))(?:’s|'s)?\s+"
    r"(?!(?:of|that|which|who|whose|called|known|named|for|in|from|with|on|at|to|by|used|designed|built|launched"
    r"|made|taken|carried|needed|required|described)\b)"
)


@lru_cache(maxsize=65_536)
def points_back(text: str) -> str | None:
    """The words by which a sentence leans on one before it (so it cannot be quoted alone), or None.

    'The other X' needs its 'one' in the same sentence ('one form ..., the other ...' stands alone);
    'they' needs something plural before it ('When cells divide, they ...'; two things joined by 'and').
    """
    found = _POINTS_BACK.search(text)
    if found:
        return found.group(0)
    member = refers_back(text)
    if member:
        return member  # 'One approach is ...', 'In that case, ...': of which set, in which case?
    elided = _ELIDED_COMPLEMENT.search(text)
    if elided and not _FRONTED_CASE.match(text):
        return elided.group(0)  # 'the preferred treatment': for what?
    reply = reply_to_before(text)
    if reply:
        return reply  # 'In exchange, the bank pays ...': in exchange for what?
    pronoun = _PLURAL_PRONOUN.search(text)
    if pronoun and not _PLURAL_NOUN.search(text[: pronoun.start()]):
        return pronoun.group(0)  # 'The only requirement is that they have ...': who are they?
    case = _THE_CASE.match(text) or _THE_STUDY.match(text) or _THE_CASE_CRAFT.match(text)
    if case:
        return case.group(0).strip()
    person = unnamed_person(text)
    if person:
        return person  # 'For example, he linked hypertension to ...', 'Two days later, she ...': who?
    owner = unnamed_owner(text)
    if owner:
        return owner  # 'Thus, her marginal utility ...': whose?
    like = unstated_likeness(text) or unstated_comparand(text) or unstated_addend(text)
    if like:
        return like  # 'A similar rule applies to ...', '... as well.': similar to what, as well as what? (likeness.py,
        # added_items.py)
    other = _THE_OTHER.search(text)
    if other and not re.search(r"\b(?:[Oo]ne|[Ee]ither|[Bb]oth|two)\b", text[: other.start()]):
        return other.group(0)
    return None


# A step of a procedure: a verb of doing in its plain form, then what it is done to ('Multiply the digit
# terms ...', 'If necessary, decrease or increase the exponential term ...', 'Add an excess of ...'). Out of
# its procedure, a blank in it asks which step comes when, not a fact.
_PROCEDURE_VERBS = (
    r"add|subtract|multiply|divide|square|cube|extract|convert|round|balance|combine|increase|decrease|raise|lower"
    r"|move|shift|mix|heat|cool|weigh|measure|record|repeat|place|pour|stir|dissolve|dilute|filter|rinse|wash|dry"
    r"|transfer|remove|insert|adjust|rewrite|express|substitute|solve|cancel|take|set|start|begin|continue|check"
)
_STEP = re.compile(
    r"^(?:(?:If necessary|If needed|First|Second|Third|Then|Next|Finally|Now|Again),?\s+)?"
    rf"(?:{_PROCEDURE_VERBS})(?:\s+or\s+(?:{_PROCEDURE_VERBS}))?\s+"
    r"(?:the|a|an|all|each|every|both|this|these|that|those|its|their|any|one|two)\b",
    re.I,
)


def term_value(term: Term, topic_share: float) -> float:
    """A term's worth as an answer; the document's main topic is too easy to guess."""
    value = term.weight()
    return value * 0.35 if topic_share > 0.3 else value


def needs_unseen(text: str) -> bool:
    """True when the sentence reads something no card shows: a figure, a video, a table, another part of the
    text. What it says holds only there, so no statement is read from it either."""
    return bool(_NEEDS_CONTEXT.search(text)) or shows_a_figure(text) or reads_unseen(text) is not None
