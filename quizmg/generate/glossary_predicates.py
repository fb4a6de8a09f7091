"""A glossary line that opens with the term's own verb: 'secretes hormones that ...', 'explains how ...'.

Many glossaries leave the term as the subject of its line and give only the predicate: an organ 'secretes
hormones that regulate ...', a card 'stores a sum of money on a chip', a theory 'assumes workers are lazy',
laws 'require that charge be conserved'. Such a line is no noun phrase: 'What is the term for a secretes
...?' does not read, and a line refused as a clause is never asked. It is asked with the verb as it stands:

- 'What secretes hormones that ...?' for a singular term;
- 'Which theory assumes ...?', 'Which laws require that ...?' when the term names its kind (a law, a
  principle, a theory, an effect ...): the kind is no give-away, and 'what' would ask for a thing;
- 'Which term describes ...?' and 'Which term refers to ...?': the line says what the word is used for;
- nothing for 'means ...', which gives a word's sense or origin ('means whole picture, from the Greek ...').

A first word in -s after a plural term is a plural noun ('precipitators: filters that ...'), not a verb; a
plural term takes its verb without the -s ('require', 'bind').
"""

from __future__ import annotations

import re

from quizmg.generate.words import VERB_WORDS, base_form, is_plural_phrase, word_set

# Verbs glossary lines open with beyond the mechanism verbs of words.py.
_MORE_VERBS = word_set("assume have require refer show state measure explain predict suggest imply allow give make "
                       "take keep let remain carry provide determine relate represent indicate contain consist "
                       "occur exist depend vary differ hold store help include involve describe")
_KINDS = re.compile(r"\b(?P<kind>laws?|principles?|rules?|theory|theories|theorems?|hypothes[ie]s|models?|effects?|"
                    r"postulates?|paradox)\b", re.I)
_WORD_VERBS = word_set("describe refer")  # 'Which term describes ...?'
_SENSE = word_set("mean")  # 'means whole picture': a word's sense, not what it names
# What may not follow a verb: 'uses of ...', 'rises in ...' are nouns.
_ARTICLES = word_set("the a an")
_NOT_AFTER = word_set("of and or in on at for with by from to as")


def _verb(word: str) -> bool:
    return word in VERB_WORDS or word in _MORE_VERBS


def opening_verb(definition: str, term: str) -> str | None:
    """The verb a glossary line opens with, as its term's predicate ('secretes', 'require'), or None."""
    words = [w.strip(",;:()").lower() for w in definition.split()]
    if len(words) < 3 or not words[0].isalpha() or definition[:1].isupper():
        return None
    first, after = words[0], words[1]
    if after in _NOT_AFTER and not (first.endswith("s") and after in {"to", "as", "on", "in"} and
                                    base_form(first) in _MORE_VERBS):
        return None  # 'uses of X' is a noun; 'refers to', 'holds on', 'consists in' are verbs
    if is_plural_phrase(term) and not term.split()[-1].lower().endswith(("ss", "us", "is", "ics")):
        return first if not first.endswith("s") and _verb(first) else None  # 'laws: require that ...'
    if first != "has" and (first.endswith(("ss", "us", "is", "ous")) or not first.endswith("s") or len(first) < 4):
        return None
    base = "have" if first == "has" else base_form(first)
    # a verb this module does not list still opens the line when an article follows it ('grinds the ...')
    return first if (_verb(base) or after in _ARTICLES) and base not in _SENSE else None


def predicate_prompt(definition: str, term: str) -> str | None:
    """The question for a glossary line that opens with its term's verb (see above), or None."""
    text = definition.strip().rstrip(".")
    verb = opening_verb(text, term)
    if verb is None:
        return None
    base = "have" if verb == "has" else base_form(verb)
    rest = f"{text[:1].lower()}{text[1:]}"
    kind = _KINDS.search(term)
    if kind:
        return f"Which {kind.group('kind').lower()} {rest}?"
    if base in _WORD_VERBS:
        return f"Which term {rest}?"
    if not verb.endswith("s"):
        head = term.split()[-1]
        return f"Which {head} {rest}?" if head.isalpha() and head.islower() else None
    return f"What {rest}?"
