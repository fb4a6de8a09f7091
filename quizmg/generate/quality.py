"""The quality rules a drafted question must pass; the drafter and the tests use the same ones."""

from __future__ import annotations

import re
from functools import lru_cache
from weakref import WeakKeyDictionary

from quizmg.generate.attributions import source_blank
from quizmg.generate.blank_ends import cut_blank
from quizmg.generate.blanks import ambiguous_blank, story_blank
from quizmg.generate.compound_neighbours import not_noun_after, not_noun_before
from quizmg.generate.compound_verbs import verb_after, verb_before
from quizmg.generate.compound_words import adjective, modifies, verb_before_object, verb_of
from quizmg.generate.context import pointer_blank
from quizmg.generate.contrasts import compared_blank
from quizmg.generate.crafts import craft_blank
from quizmg.generate.dangling import dangling_end
from quizmg.generate.details import detail_blank
from quizmg.generate.frequency import EVALUATIVE, KIND_NOUNS, is_generic, nationality_phrase, vague
from quizmg.generate.graded_phrases import graded_phrase
from quizmg.generate.instances import instance_blank
from quizmg.generate.linked_titles import in_linked_title
from quizmg.generate.linking import in_linking_phrase
from quizmg.generate.list_members import list_item
from quizmg.generate.measured import measured_blank
from quizmg.generate.name_parts import name_part
from quizmg.generate.ranks import hedged_rank, ranked_blank
from quizmg.generate.sentence_use import points_back
from quizmg.generate.set_off_titles import cut_title
from quizmg.generate.settings import frames_claim
from quizmg.generate.terms import TermIndex, fold, tokens
from quizmg.generate.words import STOP_WORDS, VERB_WORDS, adverb_ly, is_plural_phrase
from quizmg.model import Basic, Cloze, MultipleChoice, QuestionBase, Short, TrueFalse

RECURRING_TERM = 3  # uses of a phrase after which the text treats it as a name of its subject
_NUMBER = re.compile(r"[\d.,%\s±+-]+")
_QUANTITY = re.compile(r"(?:hundred|thousand|million|billion|trillion)s?\b", re.I)
_GRADED_ONLY = re.compile(r"(?:best|worst|most|least)\s+[a-z]+(?:ed|wn|en|ood)", re.I)
_VOWEL_SOUND = re.compile(r"\ba ([aeio][a-z]|u[^sn]|hour|honest)", re.I)
_AN_CONSONANT = re.compile(r"\ban ([bcdfgjklmnpqrstvwxyz][a-z])", re.I)  # "an NMDA" is fine: capitals
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.I)


_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65_536)
def normalised(text: str) -> str:
    """Text folded for comparing answers: lower case, no punctuation, single spaces."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text.casefold().replace("’", "'"))).strip()


# Each index's verdicts on blanks: the drafter judges a blank, and the quality gate judges the same blank
# again in the drafted cloze (the same words at the same place). Keyed by how many terms the index holds.
# The verdict is the reason, and whether the blank was refused only for framing its claim.
_VERDICTS: WeakKeyDictionary[TermIndex, dict[tuple[str, str, int, int, int], tuple[str | None, bool]]] = \
    WeakKeyDictionary()


def bad_blank(hidden: str, context: str, start: int, end: int, terms: TermIndex) -> str | None:
    """Why hiding `hidden` (at start:end of context) makes a poor cloze, or None when it is fine."""
    return _verdict(hidden, context, start, end, terms)[0]


def only_frames(hidden: str, context: str, start: int, end: int, terms: TermIndex) -> bool:
    """True when the blank is refused only because it frames its sentence's claim (`framing_blank`): the term
    still counts among what the sentence names."""
    return _verdict(hidden, context, start, end, terms)[1]


def _verdict(hidden: str, context: str, start: int, end: int, terms: TermIndex) -> tuple[str | None, bool]:
    verdicts = _VERDICTS.setdefault(terms, {})
    key = (hidden, context, start, end, len(terms.terms))
    if key not in verdicts:
        why = _judge_blank(hidden, context, start, end, terms)
        # Last, so that a blank refused only for framing its claim is told apart.
        framing = None if why else framing_blank(hidden, context[:start], terms)
        verdicts[key] = (why or framing, framing is not None)
    return verdicts[key]


def _judge_blank(hidden: str, context: str, start: int, end: int, terms: TermIndex) -> str | None:
    if _NUMBER.fullmatch(hidden):
        return f"hides a bare number ({hidden!r})"
    if hidden in terms.symbols and terms.get(hidden) is None:
        return f"hides a formula's symbol ({hidden!r})"
    title = in_linked_title(context, start, end, terms.titles)
    if title and not (title == hidden and _key_term(hidden, terms) and terms.terms[fold(hidden)].text == hidden):
        # 'discussed in [Cosmic Rays]', 'in [Black Holes] and Curved Spacetime': the title as the link sets it,
        # not the term ('cosmic rays') it names
        return f"hides the title of another section the text points to ({title!r})"
    whole_title = cut_title(context, start, end, terms.set_off)
    if whole_title:
        return f"hides part of the title {whole_title!r}: the rest of a name, not a term"
    words = hidden.lower().split()
    if all(word in STOP_WORDS for word in words):
        return f"hides a stop word ({hidden!r})"
    linking = in_linking_phrase(hidden, context[:start])
    if linking:
        return f"hides the noun of the linking phrase {linking!r}, which names nothing"
    before = context[start - 1] if start > 0 else " "
    after = context[end] if end < len(context) else " "
    if before.isalnum() or before in "-–'’/" or after.isalnum() or after in "-–/":
        return f"hides part of a word ({hidden!r})"
    for span_start, span_end, term in terms.occurrences(context):
        if span_start <= start and end <= span_end and (span_start, span_end) != (start, end):
            return f"hides half of the term {term.text!r}"
    cut = cut_blank(hidden, context[end:], terms.symbols)
    if cut:
        return cut  # '[acceleration due] to gravity', '[drift velocity vd]': the phrase goes on past the blank
    if _QUANTITY.match(hidden) or _GRADED_ONLY.fullmatch(hidden):
        # '12 to 13 [billion years]': how much and in what unit; 'The [best known] is ...': a grade and a
        # participle. Neither names a thing the text teaches.
        return f"hides no term, only a quantity or a grade ({hidden!r})"
    ranked = ranked_blank(hidden)
    if ranked and not _key_term(hidden, terms):
        return ranked  # 'The [closest large spiral] is ...': a rank, unless the text marks it as a term
    hedged = hedged_rank(context)
    if hedged:
        return hedged
    if context[:start].rstrip()[-1:].isdecimal() and not terms.get(hidden):
        return f"hides a unit ({hidden!r})"  # '120 [mm Hg]': what follows a number is how it is measured
    if list_item(context[:start], context[end:]):
        return f"hides one item of a list ({hidden!r}): the other items fit the blank as well"
    spans = [(a, b) for a, b, _ in terms.occurrences(context) if (a, b) != (start, end)]
    if hidden.split()[-1] in terms.people and all(w[:1].isupper() for w in hidden.split()):
        return f"hides a person's name ({hidden!r}): who said it, not what was said"
    whole = name_part(hidden, context[:start], context[end:])
    if whole:
        return f"hides part of the name {whole!r}: the rest of a title, not a term"
    before, after = context[:start], context[end:]
    ambiguous = ambiguous_blank(hidden, context, start, end, terms.verbs, spans, terms.terms, terms.only_verbs) \
        or story_blank(hidden, context, terms) or detail_blank(hidden, context, start, end, terms) \
        or compared_blank(hidden, before) or pointer_blank(hidden, before, after) \
        or measured_blank(hidden, before, after) or craft_blank(hidden, before, after, terms.crafts) \
        or instance_blank(hidden, before, after)
    if ambiguous:
        return ambiguous
    following = re.match(r" ([A-Za-z][\w-]*)(?: ([A-Za-z][\w-]*))?", context[end:])
    if following and modifies(following.group(1)) and not verb_before_object(
        following.group(1), following.group(2), plural=hidden.lower().endswith("s")
    ) and not verb_of(following.group(1), hidden, terms.verbs) \
            and not verb_after(hidden, following.group(1), following.group(2)) \
            and not not_noun_after(following.group(1), context[end:], hidden):
        return f"hides part of the compound {hidden + ' ' + following.group(1)!r}"
    if following and following.group(1).endswith("ing") and following.group(2) and (
        following.group(2).lower() in VERB_WORDS
    ):  # "[elk] browsing suppresses ...": the blank is half of the subject
        return f"hides part of the compound {hidden + ' ' + following.group(1)!r}"
    if _GRADED_FIRST.search(context[:start]):
        # 'The most [abundant elements] in cells are ...': 'the most' grades the blank's first word; the
        # blank cuts an adjective from its adverb and asks for a noun phrase the sentence never has
        return f"hides a word graded by the words before it ({hidden!r})"
    preceding = re.search(r"([A-Za-z][\w-]*) $", context[:start])
    if preceding and modifies(preceding.group(1)) and not adjective(preceding.group(1)) \
            and not verb_before(context[:preceding.start()].split(), preceding.group(1), terms.nouns) \
            and not not_noun_before(preceding.group(1), context[:start]):
        found = terms.get(hidden)
        if not (found and found.category and preceding.group(1).lower().startswith(found.category)):
            return f"hides part of the compound {preceding.group(1) + ' ' + hidden!r}"
    return _generic_blank(hidden, start, terms)


def framing_blank(hidden: str, before: str, terms: TermIndex) -> str | None:
    """Why a blank that only frames its claim is poor (settings.frames_claim), a marked place excepted, or is
    only the writer's grading of a noun ('[large distances]', graded_phrases.py) or who reports the claim
    ('According to the [Washington Post]', attributions.py)."""
    return frames_claim(hidden, before, marked=_key_term(hidden, terms)) or graded_phrase(hidden, terms) \
        or source_blank(hidden, before)


def _key_term(hidden: str, terms: TermIndex) -> bool:
    """A phrase the text marks, defines in its glossary or gives as an acronym's long form ('lowest unoccupied
    molecular orbital')."""
    term = terms.get(hidden)
    return term is not None and bool(term.kinds & {"marked", "emphasised", "acronym"} or term.expansion
                                      or term.definition_source == "glossary")


def _generic_blank(hidden: str, start: int, terms: TermIndex) -> str | None:
    """A blank any reader could fill ('light', 'cell', 'blood levels') or the document's own topic."""
    if nationality_phrase(hidden) and is_generic(hidden, marked=treated_as_term(hidden, terms, recurring=False)):
        return f"hides an everyday phrase ({hidden!r}): whose, not a name the text teaches"
    marked = treated_as_term(hidden, terms)
    if hidden[:1].isupper() and start > 0:
        if " " not in hidden and terms.one_subject and terms.is_topic(hidden):
            # The one thing the whole text is about, by name: '[Earth]' in a section on Earth's crust. A named
            # concept ('the [Hall effect]') or one of two subjects ('Titan and Triton') is still asked.
            return f"hides the document's topic ({hidden!r})"
        return None  # a name mid-sentence ('Pavlov', 'Escherichia') is not an everyday word
    if is_generic(hidden, marked=marked):
        return f"hides a generic word ({hidden!r})"
    if terms.is_topic(hidden):
        return f"hides the document's topic ({hidden!r})"
    return None


def treated_as_term(hidden: str, terms: TermIndex, *, recurring: bool = True) -> bool:
    """True when the text treats a phrase as a term of its subject, however common its words.

    It marks, defines or abbreviates it, or (with `recurring`) keeps using it as a name ('interest
    rates', 'reserve ratio'). A head naming a kind of thing ('blood levels', 'cell types') makes a phrase
    a term only when the text names that one thing again and again ('the price level').
    """
    term = terms.get(hidden)
    if term is None:
        return terms.acronym_of(hidden) is not None  # a long form the text abbreviates
    if term.kinds & {"marked", "defined", "acronym", "compound"}:
        return True
    words = hidden.lower().split()
    if len(words) < 2 or term.count < RECURRING_TERM or vague(words):
        return False
    if words[-1] in KIND_NOUNS:
        return not words[-1].endswith("s") and term.count >= 2 * RECURRING_TERM
    if recurring:
        return True
    # Nouns naming a noun ('labor demand curve', 'interest rates'), used as one name again and again.
    return (len(words) >= 3 or term.count >= 2 * RECURRING_TERM) and all(_noun_like(w) for w in words[:-1])


def _noun_like(word: str) -> bool:
    """A modifier that reads as a noun: no adjective's or participle's ending, no grading word, no verb."""
    return not (
        word in EVALUATIVE or word in VERB_WORDS or adjective(word)
        or adverb_ly(word) or word.endswith(("ed", "ing", "ent", "ant"))
    )


# Before a blank, words that grade the word after them: 'the most', 'the least', 'very', 'so', 'too'.
_GRADED_FIRST = re.compile(r"(?:\b(?:[Tt]he|[Aa])\s+(?:most|least)|\b(?:[Vv]ery|[Ss]o|[Tt]oo|[Qq]uite))\s+$")


def cloze_problems(question: Cloze, terms: TermIndex) -> list[str]:
    """Every quality rule the cloze breaks."""
    problems = []
    plain = question.render()  # every deletion revealed
    for match in re.finditer(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", question.text):
        hidden = match.group(1)
        offset = len(re.sub(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}", r"\1", question.text[: match.start()]))
        problem = bad_blank(hidden, plain, offset, offset + len(hidden), terms)
        if problem:
            problems.append(problem)
        if _shows_word(hidden, question.render(1)):
            problems.append(f"the hidden answer {hidden!r} is still visible in the text")
    return problems + grammar_problems(question.render(1))


def _shows_word(word: str, text: str) -> bool:
    """True when `text` has `word` (any case) standing alone: no letter, digit, '_' or '-' glued to it.

    Read without a regular expression of its own: one compiled per answer filled re's cache and cost more
    than the search."""
    if not word or not word.isascii() or (
        not text.isascii() and any(not c.isascii() and c.lower() != c.upper() for c in text)
    ):
        # A letter outside ASCII may match another case by rules of its own ('ſ' and 's', 'ς' and 'σ').
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I) is not None
    lower_word, lower_text = word.lower(), text.lower()
    at = lower_text.find(lower_word)
    while at >= 0:
        end = at + len(word)
        if not (at and _glued(text[at - 1])) and not (end < len(text) and _glued(text[end])):
            return True
        at = lower_text.find(lower_word, at + 1)
    return False


def has_phrase(phrase: str, text: str) -> bool:
    """True when `text` holds `phrase` between word boundaries (case as written). The letters are looked
    for first: a pattern of its own per phrase costs more than the search, and most texts lack the phrase."""
    return phrase in text and re.search(rf"\b{re.escape(phrase)}\b", text) is not None


def _glued(character: str) -> bool:
    return character.isalnum() or character in "_-"


def choice_problems(question: MultipleChoice, terms: TermIndex) -> list[str]:
    """A wrong choice must differ from the answer, not contain it, and not be a synonym of it."""
    problems = []
    right = [c.text for c in question.choices if c.correct]
    seen: set[str] = set()
    for choice in question.choices:
        text = normalised(choice.text)
        if text in seen:
            problems.append(f"the choice {choice.text!r} appears twice")
        seen.add(text)
        if choice.correct:
            continue
        for answer in right:
            if synonyms(choice.text, answer, terms):
                problems.append(f"the wrong choice {choice.text!r} means the same as {answer!r}")
    return problems + grammar_problems(question.prompt)


def synonyms(first: str, second: str, terms: TermIndex) -> bool:
    """True when two answers say the same: equal, one inside the other, or an acronym and its expansion."""
    a, b = normalised(first), normalised(second)
    a_core, b_core = _core(a), _core(b)
    if a_core == b_core or not a_core or not b_core:
        return True
    # One inside the other as whole words: both are only word characters and single spaces (`normalised`),
    # so a space or an end on each side is what a regular expression's word boundary would find.
    if f" {a_core} " in f" {b_core} " or f" {b_core} " in f" {a_core} ":
        return True
    term_a, term_b = terms.get(_core(fold(first))), terms.get(_core(fold(second)))
    if term_a and term_b and term_a.group == term_b.group:
        return True
    # An acronym and its spelled-out form ('COX' and 'cyclooxygenase') name the same thing.
    return any(
        term is not None and term.expansion is not None and normalised(term.expansion) == other
        for term, other in ((term_a, b_core), (term_b, a_core))
    )


def _core(text: str) -> str:
    words = text.split()
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words)


def grammar_problems(text: str) -> list[str]:
    """Cheap checks that catch the usual slips of drafted English."""
    problems = []
    stripped = text.strip()
    if not stripped:
        return ["empty text"]
    if stripped[0].isalpha() and stripped[0].islower():
        problems.append("does not start with a capital letter")
    if not stripped.endswith((".", "?", "!", "…", '"', "”", ")")):
        problems.append("does not end with a full stop or question mark")
    if _DOUBLED.search(re.sub(r"\[\.\.\.\]|_+", " ", stripped)):
        problems.append(f"a doubled word: {_DOUBLED.search(stripped).group(0)!r}")  # type: ignore[union-attr]
    if _VOWEL_SOUND.search(stripped):
        problems.append(f"'a' before a vowel: {_VOWEL_SOUND.search(stripped).group(0)!r}")  # type: ignore[union-attr]
    if _AN_CONSONANT.search(stripped):
        problems.append(f"'an' before a consonant: {_AN_CONSONANT.search(stripped).group(0)!r}")  # type: ignore[union-attr]
    for opening, closing in ("()", "[]"):
        if stripped.count(opening) != stripped.count(closing):
            problems.append(f"unbalanced {opening}{closing}")
    if re.search(r"\s[,.;:?]", re.sub(r"\[[^\]]*\]|_{3,}|…", "X", stripped)):
        problems.append("a space before punctuation")
    dangling = dangling_end(stripped)
    if dangling:
        problems.append(f"stops on a word that needs more after it: {dangling!r}")
    does = re.match(r"What does (.+?) do to ", stripped)
    if does and is_plural_phrase(does.group(1)):
        problems.append(f"'does' with a plural subject: {does.group(1)!r}")
    return problems


def occurs_in(answer: str, document_text: str) -> bool:
    """True when every content word of the answer occurs in the document."""
    words = {normalised(m.group()) for m in tokens(document_text)}
    wanted = [normalised(m.group()) for m in tokens(answer) if m.group().lower() not in STOP_WORDS]
    return all(word in words or word.rstrip("s") in words or word + "s" in words for word in wanted)


def question_problems(question: QuestionBase, terms: TermIndex) -> list[str]:
    """Every quality rule the question breaks, whatever its kind."""
    problems = _kind_problems(question, terms)
    for text in _claims(question):
        leaning = points_back(text)
        if leaning:
            return [*problems, f"leans on an earlier sentence ('{leaning}')"]
    return problems


def _claims(question: QuestionBase) -> list[str]:
    """The sentences a question shows or answers with, as a reader meets them."""
    if isinstance(question, Cloze):
        return [re.sub(r"\{\{c\d+::(.*?)(?:::[^{}]*)?\}\}", r"\1", question.text)]
    if isinstance(question, TrueFalse):
        return [question.statement]
    if isinstance(question, Basic):
        return [question.prompt, question.answer]
    quoted = re.search(r"[“\"](.*)[”\"]", question.prompt_text())
    return [quoted.group(1) if quoted else question.prompt_text()]


def _kind_problems(question: QuestionBase, terms: TermIndex) -> list[str]:
    if isinstance(question, Cloze):
        return cloze_problems(question, terms)
    if isinstance(question, MultipleChoice):
        return choice_problems(question, terms)
    if isinstance(question, TrueFalse):
        return grammar_problems(question.statement)
    if isinstance(question, Short):
        return grammar_problems(question.prompt)
    if isinstance(question, Basic):
        return grammar_problems(question.prompt) + grammar_problems(question.answer)
    return grammar_problems(question.prompt_text())
