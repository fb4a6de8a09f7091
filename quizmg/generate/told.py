"""Which sentences tell an example or a story, read from the text's structure, not from its words.

A textbook teaches a concept in its running prose and illustrates it in three other places:

- a box set apart from the prose (an HTML `<aside>` or a note `<div>`: 'Clear It Up', 'Everyday
  Connection', 'Link to Learning', 'Case in Point'), which the cleaner remembers line by line;
- a part headed as an example or a case ('Example 2', 'Worked example: ...', 'Case study', 'Scenario'),
  read by the heading's first word, whoever wrote the document;
- a paragraph that turns to a case in the middle ('For example, ...', 'Imagine ...', 'Suppose ...',
  'Say you ...', 'Consider the case of ...', 'Think about this scenario'): the sentence that opens
  the case and the rest of its paragraph tell it; a paragraph that ends by saying what it told ('This
  is an example of a cell without a salt bridge') told an example from its start;
- the items of a list opened by a line that names examples ('The following examples highlight ...:').

What such a sentence names (a compound, a person, a product, a figure) is a particular of the case; a
teacher asks from it only a term the text marks, defines or abbreviates (details.example_blank).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizmg.generate.frequency import GENERIC_PHRASE_ZIPF, zipf
from quizmg.generate.name_parts import proper_name
from quizmg.generate.terms import singular
from quizmg.generate.words import STOP_WORDS, word_set

BOX = "box"
EXAMPLE = "example"
STORY = "story"

# A heading that names an example or a case: 'Example 3', 'Example 3.2: ...', 'Worked Example', 'Case
# Study', 'Case in Point: ...', 'Scenario 1', 'Sample Problem'. 'Examples of reinforcement' heads a part
# that teaches examples as its subject, so 'Example' counts only alone, with a number, or before a colon.
_EXAMPLE_HEADING = re.compile(
    r"^(?:(?:worked|solved)\s+)?examples?\s*(?:\d[\d.]*[a-z]?)?\s*(?:[:.—–-]|$)"
    r"|^(?:worked|solved)\s+examples?\b"
    r"|^case(?:\s+stud(?:y|ies)|\s+in\s+point|\s+\d+)?\s*(?:[:.—–-]|$)|^case\s+stud(?:y|ies)\b"
    r"|^(?:scenario|vignette|anecdote|sample\s+problem)s?\b",
    re.I,
)
# A sentence that gives one case of what the paragraph says ('For example, ...', 'For instance, ...').
_EXAMPLE_OPENER = re.compile(
    r"^(?:(?:Now|So|Next|Again|Similarly|First|Then),?\s+)?"
    r"(?:For\s+(?:example|instance)\b|As\s+an\s+(?:example|illustration)\b|To\s+illustrate\b)"
)
# A sentence that sets up a case to think through ('Imagine ...', 'Suppose ...', 'Say you ...', 'Consider
# the case of ...', 'Think about this scenario'): the case runs on to the paragraph's end.
_CASE_OPENER = re.compile(
    r"^(?:(?:Now|So|Next|Again|Similarly|First|Then|But),?\s+)?"
    r"(?:Imagine\b|Suppose\b|Picture\b|Pretend\b|Say\s+(?:that\s+)?(?:you|we|a|an|the)\b|Let[’']s\s+say\b"
    r"|Consider\s+(?:the|this|a|an)\s+(?:[\w-]+\s+){0,2}?(?:case|situation|example|scenario|story|analogy)\b"
    r"|Think\s+(?:about|of)\s+(?:this|a|the\s+following)\s+(?:scenario|situation|example|case)\b)"
)
# A sentence that goes on telling the case before it: it opens on a word that points back to it ('He
# ...', 'Their ...', 'You ...') or on the case's next moment ('Then ...', 'Later ...').
_GOES_ON = re.compile(
    r"^(?:He|She|His|Her|They|Their|Them|It|Its|You|Your|We|Our|Then|Later|Soon|Afterward|Afterwards|Next)\b"
)

# The reader as the one who acts in the sentence ('In terms of your printer, you could try checking ...',
# 'If you buy a bond ...'): a case put to the reader, whatever the paragraph around it says.
_READER_ACTS = re.compile(
    r"\b[Yy]ou\s+(?:(?:could|would|might|may|will|can|should|must)\b|(?:also\s+|then\s+)?"
    r"(?:decide|buy|sell|try|tried|want|need|take|took|pay|paid|spend|spent|save|saved|invest|borrow|lend|"
    r"own|get|got|go|went|walk|drive|find|notice|see|feel|meet|choose|pick|put|start)s?\b)"
)

# Names the text itself calls examples of something: 'Acetic acid and methyl formate are examples of
# isomers', 'Caraway oil is an example of an essential oil'. Each is a particular of what it illustrates.
_NAMED_EXAMPLES = re.compile(
    r"^(?:(?:For\s+(?:example|instance)|Thus|So|Here),?\s+)?"
    r"(?P<names>[A-Za-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}?(?:,?\s+and\s+[A-Za-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}?)?)"
    r"\s+(?:is|are)\s+(?:an?\s+|both\s+|two\s+)?(?:(?:common|familiar|good|typical|classic|well-known)\s+)?"
    r"examples?\s+of\b"
)
_POINTERS = frozenset({"this", "that", "these", "those", "it", "they", "both", "each", "all", "such", "which", "there"})

# A sentence that says what the sentences before it were: 'This is an example of a cell without a salt
# bridge', 'These are examples of ...', 'This is one instance of ...'. What came before it in its
# paragraph told that example ('One of the simplest cells is the Daniell cell. It is possible to construct
# this battery by ... This is an example of ...'), and so does the sentence itself.
_EXAMPLE_BEHIND = re.compile(
    r"^(?:(?:Thus|So|Hence|Here),?\s+)?(?:This|That|These|Those|It|They|Such\s+[\w-]+)\s+"
    r"(?:is|are|was|were|provides?|gives?|offers?)\s+(?:(?:an?|one|another|two|both|just|only|also|"
    r"good|simple|common|typical|classic|familiar|clear|real-world|everyday)\s+){0,3}"
    r"(?:examples?|instances?|illustrations?)\b"
)
# A line that opens a list of examples: 'The following examples highlight ...:', 'Examples include:', 'For
# example:'. Each item of the list after it gives one case.
_EXAMPLE_LIST = re.compile(r"\b(?:examples?|instances?|illustrations?|for\s+instance)\b[^.!?]*:\s*$", re.I)


def opens_example_list(text: str) -> bool:
    """True when a line (not a list item) ends in a colon after naming examples: the list after it gives
    cases ('The following examples highlight some important areas ...:')."""
    return bool(_EXAMPLE_LIST.search(text))


# A sentence that draws the general point out of the case it ends ('The lesson of sunk costs is to forget
# ...', 'In general, ...', 'More generally, ...'): back in the prose, and the case is over.
_DRAWS_POINT = re.compile(
    r"^(?:(?:So|Thus|Hence),?\s+)?(?:The\s+(?:lesson|moral|point|principle|rule|idea|takeaway)\b(?!\s+(?:here|there)\b)"
    r"|(?:In\s+general|More\s+generally|Generally\s+speaking|As\s+a\s+general\s+rule)\b)"
)


def example_names(sentences: Iterable[str]) -> frozenset[str]:
    """The names the text calls examples of something, lower-cased ('methyl formate')."""
    names: set[str] = set()
    for sentence in sentences:
        found = _NAMED_EXAMPLES.match(sentence)
        if not found:
            continue
        for name in re.split(r",?\s+and\s+", found.group("names")):
            name = name.strip().lower()
            if name and name.split()[0] not in _POINTERS:
                names.add(name)
    return frozenset(names)


# An example the text runs through several paragraphs and names as one: 'In the raspberry farm example,
# ...', 'Return to our bakery example'. Words that order or point ('the previous example', 'the first
# example') name no case.
_RUNNING_EXAMPLE = re.compile(r"\b(?:the|our)\s+((?:[a-z][\w-]*\s+){1,3}?)example\b")
_ORDERING = word_set(
    "previous preceding following above below earlier later last next first second third same other simple "
    "numerical worked given"
)


def running_examples(sentences: Iterable[str]) -> frozenset[str]:
    """The uncommon words of the examples a text names as examples ('raspberry' of 'the raspberry farm
    example'), singular and lower-cased: a sentence with one of them tells that example ('the quantity
    of frozen raspberries'), wherever it stands."""
    words: set[str] = set()
    for sentence in sentences:
        if "example" not in sentence:
            continue  # the pattern's one fixed word: most sentences never name an example
        for found in _RUNNING_EXAMPLE.finditer(sentence):
            name = found.group(1).split()
            if any(word in _ORDERING for word in name):
                continue
            words.update(singular(word) for word in name if zipf(word) < GENERIC_PHRASE_ZIPF)
    return frozenset(words)


def tells_running_example(sentence: str, words: frozenset[str]) -> bool:
    """True when the sentence names a word of a running example (running_examples)."""
    return bool(words) and any(singular(w.lower()) in words for w in re.findall(r"[A-Za-z][\w-]*", sentence))


_STANDS_FOR = re.compile(r"^What (?:does|do) .+ stand for\?$")


def told_problem(kind: str, setting: str, prompt: str = "", answer: str = "", marked: bool = False) -> str | None:
    """Why a question of `kind` drawn from a sentence in `setting` (Sentence.told) is refused, or None.

    A box set apart from the text tells a case, a debate or an aside: a claim read from it (true/false,
    'What is the link between ...', 'What is the term for ...') is a claim about that case. Only a blank
    on a key term the text marks (details.detail_blank judges it) and an abbreviation's expansion
    ('What does GBS stand for?') are asked there. In the running prose, an example's claims are often the
    subject's facts ('Rheumatoid arthritis results in joint pain'): they stay. Letters that stand for a
    proper name the text does not mark ('the Program for International Student Assessment (PISA)', a
    relief programme, a law) are the box's own case, not an abbreviation of the subject (`marked`: the
    text marks the letters or their long form).
    """
    if setting != BOX or kind in {"cloze", "mcq"}:
        return None
    if _STANDS_FOR.match(prompt):
        if not marked and proper_name(answer, ""):
            return f"asks the letters of a name the box gives its own case ({answer!r}), not a term"
        return None
    return "states a claim of a box set apart from the text: its case, not a fact of the subject"


def taught_elsewhere(setting: str, marked_anywhere: bool, marked_here: bool) -> bool:
    """True when an example or a story (not a box) uses a key term the text marks in another sentence:
    'Like the decelerating car, the [average rate] of a reaction ...', 'The Japanese government in the
    mid-1990s undertook significant [infrastructure] projects'. The term is taught where it is marked;
    its blank there asks the concept, here it asks the case (reviewers kept 2 of 9 such blanks)."""
    return setting in {EXAMPLE, STORY} and marked_anywhere and not marked_here


def _mentions(sentence: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence, re.I) is not None


def example_heading(heading: str | None) -> bool:
    """True when a section's heading names an example or a case ('Example 2', 'Case study: ...')."""
    if not heading:
        return False
    return bool(_EXAMPLE_HEADING.match(heading.strip().strip("*_#").strip()))


def _opening(sentence: str) -> str:
    return sentence.lstrip("“\"‘'(")


def opens_case(sentence: str) -> bool:
    """True when a sentence sets up a case to think through ('Suppose ...', 'Imagine ...')."""
    return bool(_CASE_OPENER.match(_opening(sentence)))


def told_in_paragraph(sentences: Sequence[str], opened: frozenset[int] = frozenset()) -> list[bool]:
    """For each sentence of one paragraph, in order, whether it tells a case: a case to think through
    from its opening to the paragraph's end; an example in its own sentence and in those that go on
    with it ('For example, José ... . He then ...'), not in a general statement after it; a sentence
    that names what the paragraph calls an example ('... are examples of isomers'). `opened` holds the
    sentences (by position) right after a case's opening that was left out of the text read."""
    told: list[bool] = []
    case = example = False
    named = example_names(sentences)
    for position, sentence in enumerate(sentences):
        opening = _opening(sentence)
        case = case or position in opened
        if _DRAWS_POINT.match(opening):
            case = example = False
            told.append(False)
            continue
        case = case or bool(_CASE_OPENER.match(opening))
        example = bool(_EXAMPLE_OPENER.match(opening)) or (example and bool(_GOES_ON.match(opening)))
        if _EXAMPLE_BEHIND.match(opening):
            told = [True] * len(told)  # 'This is an example of ...': all before it told the example
            told.append(True)
            continue
        told.append(case or example or bool(_READER_ACTS.search(sentence))
                    or any(_mentions(sentence, name) for name in named))
    return told


# A case set up with a name the text has not used before ('Suppose the market rate for the Brazilian
# currency ...', 'Consider a situation where the United States and Mexico ...'): the name belongs to the
# case, which runs on past its paragraph through the rest of its section ('Brazil’s central bank can ...').
_NAMED_CASE = re.compile(
    r"^(?:(?:Now|So|Next|Again|Then|But|First),?\s+)?(?:Imagine|Suppose|Consider|Assume|Picture|Let[’']s\s+say"
    r"|Say)\b"
)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}")
NAME_STEM = 6  # letters a name is known by: 'Brazil' of 'Brazilian' and 'Brazil’s'


def running_cases(pieces: Sequence[tuple[str | None, bool, str]]) -> list[bool]:
    """For each piece of a text (its section, whether it opens a paragraph, its words), in order, whether
    it goes on with a case its section set up under a new name: a sentence naming the case's name, and
    every sentence of a paragraph that opens by naming it, until a sentence draws the general point."""
    told = [False] * len(pieces)
    names: list[re.Pattern[str]] = []
    section: str | None = None
    in_paragraph = False
    for number, (heading, opens, text) in enumerate(pieces):
        if number == 0 or heading != section:
            section, names, in_paragraph = heading, [], False
        opening = _opening(text)
        if names:
            named = any(name.search(text) for name in names)
            if opens:
                in_paragraph = named
            if _DRAWS_POINT.match(opening):
                in_paragraph = False
            told[number] = named or in_paragraph
        if _NAMED_CASE.match(opening):
            before = " ".join(piece for _, _, piece in pieces[:number])
            for found in _NAME.finditer(text):
                stem = found.group(0)[:NAME_STEM]
                if stem.lower() not in STOP_WORDS and stem not in before:
                    names.append(re.compile(rf"(?<![\w-]){re.escape(stem)}"))
    return told


@dataclass(frozen=True)
class Piece:
    """A sentence of a text as its setting is read: where it stands and what the document says of it."""

    section: str | None
    opens: bool  # the first sentence of its paragraph
    text: str
    set_apart: str = ""  # BOX or EXAMPLE when the document sets it apart (a box, a part headed as an example)
    lost_opening: str = ""  # a case's opening left out of the text just before it, in its paragraph


def told_settings(pieces: Sequence[Piece]) -> list[str]:
    """Each piece's setting, in order: BOX or EXAMPLE as the document sets it apart, STORY when it tells a
    paragraph's case, a running example or a case under a new name (running_cases), else '' (the prose)."""
    story: list[bool] = []
    run: list[str] = []
    opened: set[int] = set()
    read: list[tuple[str | None, bool, str]] = []  # what running_cases reads, left-out openings too
    kept: list[bool] = []
    for number, piece in enumerate(pieces):
        opens = piece.opens
        if piece.lost_opening:
            opened.add(len(run))
            read.append((piece.section, opens, piece.lost_opening))
            kept.append(False)
            opens = False
        read.append((piece.section, opens, piece.text))
        kept.append(True)
        run.append(piece.text)
        if number + 1 == len(pieces) or pieces[number + 1].opens:
            story.extend(told_in_paragraph(run, frozenset(opened)))
            run, opened = [], set()
    running = running_examples(piece.text for piece in pieces)  # 'In the raspberry farm example, ...'
    cases = [case for case, is_kept in zip(running_cases(read), kept, strict=True) if is_kept]
    return [
        piece.set_apart or (STORY if in_story or in_case or tells_running_example(piece.text, running) else "")
        for piece, in_story, in_case in zip(pieces, story, cases, strict=True)
    ]
