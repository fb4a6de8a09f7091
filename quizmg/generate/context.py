"""Carrying the sentence before: a sentence that leans on it is quoted after it, as a teacher writes a cloze.

'Cells grow until they cover the surface. This is called [contact inhibition] ...' asks what the second
sentence alone cannot ('This is called [...]': what is?). The sentence before is shown whole, in the
text's own words, and never blanked: the blank stays in the sentence that leans. It is carried only when
it is the sentence right before in the same paragraph (a paragraph's first sentence leans on a heading, a
figure or a whole paragraph: still refused) and it can be quoted alone itself (no chain of pointers, no
figure, no question).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizmg.generate.derivation_steps import derivation_step
from quizmg.generate.document import Sentence
from quizmg.generate.sentence_use import leans_back, quotable, usable
from quizmg.generate.stems import content_stems
from quizmg.generate.terms import Term, simplify

# What makes an answer a term the two sentences name: the text marks it (bold, term markup, emphasis), defines
# it, gives its acronym, heads a part with it, or names it in words ('is called', a glossary entry).
_NAMED = frozenset({"marked", "emphasised", "defined", "acronym", "heading"})
MAX_WORDS = 60  # the two sentences together: a card longer than this is read, not recalled
# A pointer to a study, a case or an example ('In this investigation, researchers found ...', 'These
# investigators found ...', 'In this example, ...'): what it goes on with is the study's or the example's
# detail, not the subject's; carried or not, a teacher would not ask it.
_TOLD = re.compile(
    r"\b(?:stud(?:y|ies)|experiments?|investigations?|investigators|researchers|participants|subjects|surveys?"
    r"|results|findings"
    r"|trials?|examples?|cases?|analog(?:y|ies)|scenarios?|stor(?:y|ies))\b",
    re.I,
)


# A later member of a list: 'The third type is ...', 'The fifth condition is ...', 'Another approach is ...'. The
# sentence right before is most often the member before it, which says nothing of the set; the pair is carried
# only when that sentence announces the set ('There are three types of ...', 'Critics raise several points.').
_LATER_MEMBER = re.compile(
    r"^(?:(?:But|And|So|Yet|However|Finally),?\s+)?(?:The\s+(?:second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|next|last|final|remaining)|Another|Yet\s+another|A\s+(?:second|third|fourth|further))\b"
)
_ANNOUNCES_SET = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|various|many|multiple|number\s+of|few|following"
    r"|both)\b",
    re.I,
)


def carried(sentence: Sentence, text: str, sentences: Sequence[Sentence]) -> str | None:
    """The sentence before `sentence` (as plain text) when `sentence` leans on it and both can be shown
    together; None when the sentence stands alone, or leans on what a card cannot show."""
    if sentence.before < 0 or sentence.before >= len(sentences):
        return None
    leaning = leans_back(text)
    if leaning is None or _TOLD.search(leaning) or derivation_step(text):
        return None  # a study's detail, or a step of a derivation: the sentence before does not say what for
    if not quotable(sentence, text):
        return None
    before = sentences[sentence.before]
    shown = simplify(before.text)
    if before.told != sentence.told or not usable(before, shown):
        return None
    if len(shown.split()) + len(text.split()) > MAX_WORDS:
        return None
    if _LATER_MEMBER.match(text) and not _ANNOUNCES_SET.search(shown):
        return None  # 'A kiln is ... The third type is [...]': the third of what?
    return shown


def shown_in(answer: str, shown: str) -> bool:
    """True when the carried sentence shows the answer: every content word of it, in any form
    ('any unimolecular elementary reaction' shows 'unimolecular reaction')."""
    wanted = content_stems(answer)
    return bool(wanted) and wanted <= content_stems(shown)


def carried_answer(term: Term) -> bool:
    """True when a blank after a carried sentence may hide `term`: a key term the text names as one.

    A pair of sentences is carried so that a learner can recall what the text calls a thing; a phrase that
    only recurs ('how they [relate]', 'the [correct hybridization] of the atoms', 'with [hydrogen atoms]')
    asks the pair's wording back, and a learner reading both sentences still has more than one answer."""
    return bool(term.kinds & _NAMED) or bool(term.definition_source)


# A determiner that points back ('these', 'those', 'this', 'that', 'such') right before the blank: the noun it
# heads only renames what an earlier sentence named ('a soil-transmitted helminth ... the larvae of these
# [nematodes]'), so the blank asks which word the writer chose for it, and the wider name fits as well.
_POINTING_DETERMINER = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch)\s+$")
# A count after a determiner ('the [two carbon atoms]', 'all [three series]', 'No [two electrons]', 'a [five
# minute walk]'): the set it counts was named elsewhere, or it is a measure; a count is no term.
_COUNTED = re.compile(r"\b(?:[Tt]he|[Aa]ll|[Nn]o|[Bb]oth|[Tt]hese|[Tt]hose|[Aa]n?)\s+$")
_COUNT = re.compile(r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)
# One more of a kind, and nothing said of it: 'Another principle of grouping is [proximity].', 'One type of
# bond is [X].', 'The third class of toxins is [X].' -- every member of the kind fits; what sets this one apart is in
# the next sentence, and the order is the text's. An order the subject has ('The first stage of growth is [X]', 'The
# second law of motion') is no list of the text's, and stays.
_TEXT_ORDERED = (
    r"types?|kinds?|forms?|class(?:es)?|categor(?:y|ies)|groups?|features?|sets?|ways?|methods?|examples?|reasons?"
    r"|factors?|approach(?:es)?|sources?|mechanisms?|varieties|sorts?|components?|functions?|characteristics?"
    r"|models?|theor(?:y|ies)|hypothes[ie]s|explanations?|possibilit(?:y|ies)|causes?|strateg(?:y|ies)|options?"
)
_ONE_OF_A_KIND = re.compile(
    r"^(?:(?:Another|One other|A second|A third|A further|Yet another|One more)\b"
    r"|(?:One|An?) (?:common |important |major |well-known )?(?:type|kind|form|example|class|category|sort|variety"
    r"|instance)s? of\b"
    r"|The (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|last|final|other|remaining)"
    rf" (?:[\w-]+ )?(?:{_TEXT_ORDERED})\b)[^.;:]* (?:is|are|was|were) (?:the |an? )?$"
)


def pointer_blank(hidden: str, before: str, after: str = "") -> str | None:
    """Why a blank that only a sentence before could pin down is ambiguous, or None: the noun a pointing word
    heads, a count after a determiner, or one more of a kind with nothing said of it."""
    if _POINTING_DETERMINER.search(before):
        word = before.split()[-1]
        return f"hides the noun after {word!r} ({hidden!r}): it renames what the text named before"
    if _COUNTED.search(before) and _COUNT.match(hidden):
        return f"hides a count ({hidden!r}): the set it counts is named elsewhere"
    if _ONE_OF_A_KIND.search(before) and not after.strip(" .”\"'"):
        return f"hides one more of a kind ({hidden!r}) with nothing said of it: every member fits"
    return None
