"""Whether the document might support a claim: the check behind every false statement and wrong choice.

A mechanism template swaps in a wrong target or action; the swap is only safe when the document says
nothing that makes it true. A verb's direction (blocks vs. enhances) is what tells a contradiction.
"""

from __future__ import annotations

import re

from quizmg.generate.claim_sides import half_said_object, named_after, shares_a_name, unsaid_comparison
from quizmg.generate.conditions import cut_short_side, dropped_condition, loose_relation
from quizmg.generate.false_statements import reversed_action, turned_by_one_word
from quizmg.generate.frequency import KIND_NOUNS, is_generic
from quizmg.generate.links import LINK_PROMPT, link_problems, vague_sides
from quizmg.generate.mechanisms import Statement
from quizmg.generate.quality import normalised
from quizmg.generate.true_false import set_beside
from quizmg.generate.word_forms import family_word
from quizmg.generate.words import LOWERING, MODALS, RAISING, UNREAL, VERB_WORDS, base_form, word_set
from quizmg.model import Cloze, Mechanism, TrueFalse

_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps)\b", re.I)
_CAN = re.compile(r"\b(?:can|may|might|could)\b", re.I)


def claim_problems(
    question: object, mechanism: Mechanism, template: str, statements: list[Statement]
) -> list[str]:
    """A 'false' statement or a wrong choice that the document might in fact support."""
    problems = []
    own_verb = verb_of(mechanism.action, statements)
    if template in {"true", "false"} and _HEDGE.search(mechanism.action):
        # 'X may cause Y': what may happen cannot be judged false, so neither version teaches.
        problems.append(f"a hedged claim ({mechanism.action!r}) is neither plainly true nor plainly false")
    elif template in {"true", "false"} and UNREAL.search(mechanism.action):
        # 'The gene would not induce cancer': a hypothetical or a denial, true or false only under a
        # condition the statement leaves out; a teacher writes true/false items without negatives.
        problems.append(f"a hypothetical or negated claim ({mechanism.action!r}) makes a poor true/false")
    elif _HEDGE.search(mechanism.action) and _reason_dropped(mechanism, statements):
        # 'TSI may cause conflicting symptoms because it may stimulate ... or block ...': without its
        # reason the hedge says nothing a learner can know.
        problems.append(f"a hedged claim ({mechanism.action!r}) cut before the reason its sentence gives")
    if template == "false" and isinstance(question, TrueFalse):
        body = question.statement.rstrip(".")
        agent = mechanism.agent
        if body.lower().startswith(agent.lower()) and body.lower().endswith(mechanism.target.lower()):
            action = body[len(agent) : len(body) - len(mechanism.target)].strip().lower()
            verb = verb_of(action, statements)
            if not verb_direction(verb) or verb_direction(own_verb) in {"", verb_direction(verb)} \
                    or contradicted(agent, own_verb, mechanism.target, statements):
                # the section says it both ways ('raises X at first, lowers X later'): no false statement
                problems.append(f"the swapped action {action!r} may be true as well")
        else:
            target = body[len(agent) + len(mechanism.action) + 2 :]
            if turned_by_one_word(mechanism.target, target):
                if said_of(agent, target, statements):  # 'to the left' too, at another time
                    problems.append(f"the turned object {target!r} is said of the subject too")
            elif not contradicted(agent, own_verb, target, statements) \
                    and not paired_elsewhere(agent, own_verb, target, statements):
                problems.append(f"the swapped target {target!r} may be true as well")
            elif not contradicted(agent, own_verb, target, statements) and not set_beside(agent, target, statements):
                problems.append(f"the swapped target {target!r} is another subject's, in a passage apart")
    # "Magnesium supports [...]." has many right answers: a blank needs a sentence around it.
    if template == "cloze" and isinstance(question, Cloze) and len(question.render(1).split()) < 6:
        problems.append("too little context around the blank")
    if template == "target":
        said = _own_sentence(mechanism, statements)
        for choice in getattr(question, "choices", []):
            if choice.correct:
                continue
            if supported(mechanism.agent, own_verb, choice.text, statements):
                problems.append(f"the wrong choice {choice.text!r} may be right as well")
            elif _names(said, choice.text):
                # 'Infections leading to A, B, or C ...': what the claim's own sentence names beside
                # its target is most likely a second object of the same verb, not a wrong one.
                problems.append(f"the wrong choice {choice.text!r} is named in the claim's own sentence")
    if "generated" in mechanism.tags and template in {"recall", "true", "false", "target"}:
        if LINK_PROMPT.match(getattr(question, "prompt", "")):
            problems += link_problems(mechanism.agent, mechanism.target)
        else:  # 'Anxiety disorders cause considerable distress.': true trivially, whichever way it is asked
            problems += [f"a vague claim: {problem}" for problem in vague_sides(mechanism.agent, mechanism.target)]
    problems += statement_problems(mechanism)
    problems += _scope_problems(mechanism, statements, template)
    if template in {"true", "false", "target"}:
        problems += _stand_alone_problems(mechanism, statements)
    if template == "false" and isinstance(question, TrueFalse) and _swapped_target_named(
        question.statement, mechanism, statements
    ):
        problems.append("the swapped-in object is named in the claim's own sentence: it may be true as well")
    return problems


def statement_problems(mechanism: Mechanism) -> list[str]:
    """What keeps a claim from teaching, whichever question asks it: a letter left of a name or a
    number ('the fungus P', 'bombardment of O'), an object named after its subject, or a claim about
    a whole class of things."""
    problems = []
    if lone_letter(mechanism.agent) or lone_letter(mechanism.target):
        problems.append("a letter standing alone: a name or a number cut short")
    if QUANTITY.search(mechanism.agent):
        # 'The combustion of 1.00 L of isooctane produces ...': a worked example's numbers, not a fact to keep.
        problems.append(f"the subject ({mechanism.agent!r}) is a quantity from a worked example")
    agent_words = mechanism.agent.split()
    spelled = next((w for w in re.findall(r"[\w-]+", mechanism.target) if family_word(w, agent_words)), None)
    if spelled:
        # 'Cryptococcus neoformans causes cryptococcosis': the subject's name spells the object, so
        # whichever way it is asked, matching word shapes answers it.
        problems.append(f"the object {spelled!r} is built on a word of the subject: it gives itself away")
    elif named := named_after(mechanism.agent, mechanism.target):
        problems.append(f"the subject ({named!r}) is named after the object: true by the names")
    elif shared := shares_a_name(mechanism.agent, mechanism.target):
        problems.append(f"the subject and the object share the name {shared!r}: true by the names")
    if reversed_action(mechanism.action) is None:
        # 'MRSA can cause infections', 'Infections lead to conjunctivitis': true of nearly every microbe,
        # or said of no particular thing, so a learner learns nothing. A claim with a direction ('raises
        # the quantity supplied') is false the other way round: it teaches.
        possible = _CAN.search(mechanism.action) is not None
        for role, phrase in (("object", mechanism.target), ("subject", mechanism.agent)):
            if _whole_class(phrase, possible):
                problems.append(f"true of a whole class: the {role} ({phrase!r}) names no particular thing")
                break
    return problems


def _scope_problems(mechanism: Mechanism, statements: list[Statement], template: str) -> list[str]:
    """A drafted claim asked without the phrase that restricts it in its sentence ('in calves', 'In
    patients with gout, ...'), or a relation too loose to be right or wrong ('is related to')."""
    if "generated" not in mechanism.tags:
        return []  # an author words the claim as meant
    problems = []
    if SOME.match(mechanism.agent) and template not in {"true", "false", "target"}:  # those: _stand_alone_problems
        # 'What does some Alphaproteobacteria do to ...?': true of some, and no question reads right with it
        problems.append(f"a claim about some of a kind ({mechanism.agent!r}) names no particular thing")
    said = _own_sentence(mechanism, statements)
    condition = dropped_condition(said, mechanism.agent, mechanism.target) if said else ""
    if condition:
        problems.append(f"the claim holds only as its sentence restricts it ({condition!r}), which is left out")
    loose = loose_relation(mechanism.action, mechanism.agent, mechanism.target)
    if loose:
        problems.append(f"a loose relation: {loose}")
    cut = cut_short_side(said, mechanism.agent, mechanism.target) if said else ""
    if cut:
        problems.append(f"a side of the claim is cut from a longer phrase ({cut!r})")
    if template in _CHAIN_TEMPLATES:
        return problems  # a why/what-if answers with the chain its sentence states
    if half := half_said_object(said, mechanism.action, mechanism.target):
        problems.append(f"the object is half said: its sentence goes on to say which or from what ({half!r})")
    if compared := unsaid_comparison(said, mechanism.action, mechanism.agent, mechanism.target):
        problems.append(f"the object ({compared!r}) compares with something the claim does not name")
    return problems


_CHAIN_TEMPLATES = frozenset({"why", "whatif", "order", "pathway", "not"})
_CLASS_HEADS = KIND_NOUNS | word_set(
    "infection infections illness illnesses symptom symptoms damage harm problem problems bacteria bacterium "
    "virus viruses fungi fungus drug drugs chemical chemicals sensation sensations"
)


def _whole_class(phrase: str, possible: bool = True) -> bool:
    """'infections', 'other cells': a class of things named by a class noun alone; when the claim is
    only that it can happen, a class named in everyday words too ('can bind to cell-surface proteins').
    'Oxygen molecules absorb ultraviolet light' says what a particular kind does."""
    words = [w for w in phrase.lower().split() if w not in {"the", "a", "an", "some", "other", "many"}]
    if not words or words[-1] not in _CLASS_HEADS:
        return False
    return len(words) == 1 or (possible and is_generic(phrase))


# One capital letter closing a noun phrase: the abbreviated genus of 'P. jirovecii', the element of an
# isotope whose mass number was a superscript ('bombardment of O'). A letter after a noun that it
# labels ('vitamin A', 'type B', 'hepatitis C', 'point E') keeps its meaning; one before a noun
# ('T cells') is a modifier.
_LABEL_NOUNS = word_set(
    "vitamin vitamins type types group groups class hepatitis phase stage form point plan investment country "
    "firm line curve option method model step"
)


def lone_letter(phrase: str) -> bool:
    """True when a noun phrase ends in a capital letter standing alone that no noun labels."""
    words = phrase.rstrip(" .").split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z]", words[-1]):
        return False
    return words[-2].lower() not in _LABEL_NOUNS and words[-2] != "and"


def _stand_alone_problems(mechanism: Mechanism, statements: list[Statement]) -> list[str]:
    """What keeps a claim from standing alone as a statement to judge: 'Some bacteria produce ...'
    is true of some and says nothing of which; 'similar changes' points at a sentence before; an
    object the sentence goes on to narrow ('sensations, such as ...', 'factors that promote ...')
    was cut before its point."""
    problems = []
    if SOME.match(mechanism.agent):
        problems.append(f"a claim about some of a kind ({mechanism.agent!r}) is true whatever they do")
    pointer = _POINTER.search(f"{mechanism.agent} {mechanism.target}")
    if pointer:
        problems.append(f"{pointer.group(0)!r} points at something the statement does not say")
    said = _own_sentence(mechanism, statements)
    at = said.lower().find(mechanism.target.lower()) if said and mechanism.target else -1
    after = said[at + len(mechanism.target) :] if at >= 0 else ""
    if at >= 0 and _NARROWED.match(after):
        problems.append(f"the object ({mechanism.target!r}) is cut before the words that narrow it")
    elif at >= 0 and _object_goes_on(after):
        rest = after.split(",")[0].strip()
        problems.append(f"the object ({mechanism.target!r}) is cut before the rest of it ({rest!r})")
    return problems


# A number standing as a word: '1.00 L', '33,100 kJ', '5 grams' (not the digits of 'CO2' or 'F-18').
QUANTITY = re.compile(r"(?<![\w.,-])\d[\d,.]*(?![\w-])")
# 'Some bacteria', 'Many drugs', 'Certain cells': a quantifier that makes nearly any claim true.
SOME = re.compile(r"^(?:some|many|certain|several|most|a few|various)\b", re.I)
# Words that point back or across: 'similar changes', 'the same enzyme', 'such cells', 'these drugs'.
_POINTER = re.compile(r"\b(?:similar|same|such|these|those|this|latter|former|aforementioned|differently)\b", re.I)
# After the object in its sentence: examples, or a restrictive clause (no comma) that says which ones are meant.
_NARROWED = re.compile(r"^,?\s+(?:such as|including|like|e\.g\.)|^\s+(?:that|which|who|whose|than|of)\b", re.I)


def _object_goes_on(after: str) -> bool:
    """True when 'and'/'or' after the object joins a second noun to it ('the weak acid and its
    conjugate base'), not a second verb ('and raises the pH', 'and can lower ...')."""
    joined = re.match(r"^\s+(?:and|or)\s+((?:its|their|the|a|an|his|her)\s+)?([\w-]+)", after)
    if joined is None:
        return False
    word = joined.group(2).lower()
    if not joined.group(1) and word.endswith(("ing", "ed", "s")):
        return False  # 'inhibiting X and enhancing Y', 'raises X and frees Y': a second verb of the clause
    return word not in VERB_WORDS and word not in MODALS and word not in _LINKING


_LINKING = word_set("is are was were be been has have had do does did then thus so therefore also")


def _own_sentence(mechanism: Mechanism, statements: list[Statement]) -> str:
    """The sentence the mechanism was read from ('' for an author's mechanism)."""
    claim = (mechanism.agent, mechanism.action, mechanism.target)
    return next((s.sentence.text for s in statements if (s.agent, s.action, s.target) == claim), "")


def _names(sentence_text: str, phrase: str) -> bool:
    """True when the sentence holds the phrase as words of its own."""
    pattern = rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"
    return bool(sentence_text) and re.search(pattern, sentence_text, re.I) is not None


def _swapped_target_named(text: str, mechanism: Mechanism, statements: list[Statement]) -> bool:
    """True when a false statement's swapped-in object stands in the claim's own sentence."""
    body = text.rstrip(".")
    lead = f"{mechanism.agent} {mechanism.action} "
    if not body.lower().startswith(lead.lower()) or body.lower().endswith(mechanism.target.lower()):
        return False
    return _names(_own_sentence(mechanism, statements), body[len(lead):])


def _reason_dropped(mechanism: Mechanism, statements: list[Statement]) -> bool:
    """True when the mechanism's sentence goes on, after its target, with the reason: 'because ...'."""
    for statement in statements:
        if (statement.agent, statement.action, statement.target) != (
            mechanism.agent, mechanism.action, mechanism.target
        ):
            continue
        text = statement.sentence.text
        at = text.lower().find(mechanism.target.lower())
        return at >= 0 and _REASON.match(text[at + len(mechanism.target) :]) is not None
    return False


_REASON = re.compile(r"^,?\s+(?:because|since|as a result of|due to)\b", re.I)


def verb_of(action: str, statements: list[Statement]) -> str:
    for statement in statements:
        if statement.action.lower() == action.lower():
            return statement.verb
    words = action.split()
    # 'increases' (an action no statement has, turned from 'reduces') is the verb 'increase'.
    return base_form(words[0].lower()) if len(words) == 1 else (words[-1] if words else "")


def verb_direction(verb: str) -> str:
    """'down' for blocking verbs, 'up' for enhancing ones, '' when the verb has no direction."""
    if verb in LOWERING:
        return "down"
    if verb in RAISING:
        return "up"
    return ""


def contradicted(agent: str, verb: str, target: str, statements: list[Statement]) -> bool:
    """True when the document says the agent acts the opposite way on the target."""
    agent_key, target_key = normalised(agent), normalised(target)
    direction = verb_direction(verb)
    for statement in statements:
        other_agent, other_target = normalised(statement.agent), normalised(statement.target)
        if not (agent_key in other_agent or other_agent in agent_key):
            continue
        if not (target_key in other_target or other_target in target_key):
            continue
        other = verb_direction(statement.verb)
        if direction and other and direction != other:
            return True
    return False


def said_of(agent: str, target: str, statements: list[Statement]) -> bool:
    """True when some statement of the document relates the agent (or a name holding it) to the target."""
    agent_key, target_key = normalised(agent), normalised(target)
    return any(
        (agent_key in normalised(s.agent) or normalised(s.agent) in agent_key)
        and (target_key in normalised(s.target) or normalised(s.target) in target_key)
        for s in statements
    )


def paired_elsewhere(agent: str, verb: str, target: str, statements: list[Statement]) -> bool:
    """True when the document gives the target to another subject by the same verb ('the mumps virus
    causes mumps') and never names the agent with it: 'HSV-1 causes mumps' is then false for a reason
    the text states, the way a teacher makes a false statement from two pairings the text teaches."""
    agent_key, target_key = normalised(agent), normalised(target)
    if not verb or not agent_key or not target_key or not written_as_name(agent, statements):
        return False
    paired = False
    for statement in statements:
        other_agent, other_target = normalised(statement.agent), normalised(statement.target)
        related_agent = agent_key in other_agent or other_agent in agent_key
        related_target = target_key in other_target or other_target in target_key
        if related_target and related_agent:
            return False  # the text links them: the statement may be true
        said = normalised(statement.sentence.text)
        if _names(said, agent_key) and _names(said, target_key):
            return False  # one sentence names both: whatever it says, the pairing is not plainly false
        if related_target and statement.verb == verb and not statement.negated and not statement.hedged \
                and written_as_name(statement.agent, statements):
            paired = True
    return paired


def written_as_name(phrase: str, statements: list[Statement]) -> bool:
    """True for a proper name: an acronym ('HSV-1'), a genus cut to its letter ('S. pyogenes'), or words the
    text capitalises inside a sentence ('Chlamydia trachomatis'). Two named things paired by the text
    (a pathogen and its disease, a toxin and its target) are taught as pairs; effects and symptoms are
    shared by many causes, so swapping one for another makes no plainly false statement."""
    words = phrase.split()
    if not words:
        return False
    if any(len(w) > 1 and sum(ch.isupper() for ch in w) >= 2 for w in words) or re.match(r"^[A-Z]\.\s?[a-z]", phrase):
        return True
    pattern = re.compile(rf"(?<=\S )\b{re.escape(words[0][:1].upper() + words[0][1:])}\b")
    return any(pattern.search(statement.sentence.text) for statement in statements)


def supported(agent: str, verb: str, target: str, statements: list[Statement]) -> bool:
    """True when the document may say that the agent does this (or the like) to the target.

    Only a statement acting the opposite way rules a claim out; a verb without a direction
    ('interacts with') could mean anything, so it counts as support.
    """
    agent_key, target_key = normalised(agent), normalised(target)
    direction = verb_direction(verb)
    for statement in statements:
        other_agent, other_target = normalised(statement.agent), normalised(statement.target)
        related_agent = agent_key in other_agent or other_agent in agent_key
        related_target = target_key in other_target or other_target in target_key
        if related_target and not related_agent:
            # Something else acts this way on it: a learner could argue the agent does too.
            other = verb_direction(statement.verb)
            if direction and other and direction != other:
                continue
            return True
        if not (related_agent and related_target):
            continue
        other = verb_direction(statement.verb)
        if not direction or not other or direction == other:
            return True
    return False
