"""Lint rules about questions giving answers away (the relation itself is quizmg.model.related)."""

from __future__ import annotations

from collections.abc import Iterator

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.lint.words import choice_gaps, function_words_only, without_cues
from quizmg.model import Cloze
from quizmg.model.related import Relations, answers_of, fold


def answer_each_other(bank: Bank) -> Iterator[Problem]:
    """Two questions (of different mechanisms) where one's printed text (prompt, choices, steps,
    pairs) states the fact the other asks for: shown together, one answers the other."""
    questions = [q for q in bank.questions if q.id is not None]
    relations = Relations(questions)
    shown_words = [set(" ".join(relations.shown(question)).split()) for question in questions]
    # An answer is stated only where all its words are, so each answer is filed under its rarest
    # word in the printed texts: a giver is compared only with questions whose answer's rarest
    # word it prints (not with every answer holding "the"), which keeps a large deck quick.
    printed_in: dict[str, int] = {}
    for words in shown_words:
        for word in words:
            printed_in[word] = printed_in.get(word, 0) + 1
    answered_by_word: dict[str, set[int]] = {}
    for position, question in enumerate(questions):
        for answer in answers_of(question):
            rarest = min(answer.split(), key=lambda word: printed_in.get(word, 0))
            answered_by_word.setdefault(rarest, set()).add(position)
    for position, giver in enumerate(questions):
        words = shown_words[position]
        candidates = set().union(*(answered_by_word.get(word, set()) for word in words))
        for other in sorted(candidates):
            asker = questions[other]
            # Questions of one mechanism are siblings: quizmg keeps them off one paper and apart
            # in study and on worksheets, so only give-aways across mechanisms are reported.
            if other == position or Relations.same_mechanism(giver, asker):
                continue
            if relations.tells_when_shown(giver, asker):
                yield warning(
                    bank,
                    giver,
                    f"its text states the answer to {asker.id}: shown together (a worksheet, a quiz) "
                    "one answers the other; reword one of them",
                    "prompt",
                )


def cloze_reveals_its_blank(bank: Bank) -> Iterator[Problem]:
    """A cloze whose text around a blank (a gloss, a repeat) spells out what the blank hides."""
    for question in bank.questions:
        if not isinstance(question, Cloze):
            continue
        choosing = choice_gaps(question)
        question = without_cues(question)
        for ordinal, hidden in question.deletions().items():
            if ordinal in choosing:
                continue  # the blank offers its answer among choices on purpose: nothing to spell out
            shown = f" {fold(question.render(ordinal))} "
            # A lone small word ('a', 'it', 'why') seen elsewhere in a passage spells nothing out.
            told = [text for text in hidden if not function_words_only(text) and _shows(shown, text)]
            if told:
                yield warning(
                    bank,
                    question,
                    f"card {ordinal}'s blank is spelled out in the rest of the text ({told[0]!r}): "
                    "rephrase the gloss so it does not repeat the hidden words",
                    "text",
                )


def _shows(shown: str, hidden: str) -> bool:
    """The hidden text is readable in the shown text: whole, all of its longer words, or, for
    an abbreviation, spelled out (HPA: "hypothalamic-pituitary-adrenal")."""
    folded = fold(hidden)
    if f" {folded} " in shown:
        return True
    words = [word for word in folded.split() if len(word) >= 4]
    if words and all(f" {word} " in shown for word in words):
        return True
    return _spelled_out(shown.split(), hidden.strip())


def _spelled_out(words: list[str], hidden: str) -> bool:
    """True when `hidden` is an abbreviation (3-6 capitals) whose letters begin consecutive words."""
    if not (3 <= len(hidden) <= 6 and hidden.isalpha() and hidden.isupper()):
        return False
    letters = hidden.casefold()
    initials = "".join(word[0] for word in words)
    return letters in initials and any(
        initials[i : i + len(letters)] == letters and all(len(w) > 1 for w in words[i : i + len(letters)])
        for i in range(len(initials) - len(letters) + 1)
    )


RELATED_RULES = [cloze_reveals_its_blank]
