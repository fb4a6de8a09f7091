"""Sentences that tell what the text is about to do, or has done, rather than what is so.

A textbook guides its reader through its own plan: 'We will then explore the structures found in ...',
'Finally, we will take a brief look at a special type of cell called a ...', 'We now take a brief look at
what happens when ...', 'In this section, we will examine ...', 'We have seen how capacitors respond to ...'.
What such a sentence names is a topic still to come or already gone; a blank in it asks which topic the
writer announced, and a true/false statement made of it is true of the book, not of the world.

A plan that states its finding stands: 'We have seen that in an elastic collision, kinetic energy is
conserved', 'We will see that the effect is one aspect of ...' (a verb of learning with 'that' says what is
so), and so does a belief ('We now consider mass to be a form of energy'). So does a sentence where 'we' are
people doing a thing ('We use ray tracing to ...').
"""

from __future__ import annotations

import re

# Where in the text: 'In this section,', 'In the next chapter,', 'Here,', 'Next,', 'Finally,'.
_WHERE = (
    r"(?:(?:In|Over|Throughout)\s+(?:this|the\s+(?:next|following|remainder\s+of\s+this|rest\s+of\s+this))"
    r"(?:\s+(?:few|several|two|three))?\s+(?:sections?|chapters?|modules?|parts?|units?)"
    r"|In\s+the\s+(?:remainder|rest)\s+of\s+(?:this|the)\s+(?:section|chapter|module)"
    r"|Here|Next|Now|Then|First|Finally|Lastly|Later|Below|In\s+addition|Also)"
)
# The text's own work: to explore, to look at, to take up, to turn to.
_PLAN_VERB = (
    r"(?:explore|examine|look\s+at|look\s+more\s+closely\s+at|take\s+an?(?:\s+(?:brief|closer|quick|short|first))?"
    r"\s+look|discuss|consider(?![^.,;]*\b(?:to\s+be|as)\b)|study|investigate|describe|begin|start|turn|focus|review|introduce|cover|address"
    r"|analy[sz]e|outline|return|survey|see\s+how|learn\s+(?:how|about|what|why)|find\s+out)"
)
_ADVERB = r"(?:now|then|first|next|also|briefly|further|again|soon|later|shortly)"
_COMING = re.compile(
    rf"^(?:{_WHERE},?\s+)?[Ww]e\s+(?:(?:will|shall|can|are\s+going\s+to)\s+(?:{_ADVERB}\s+)*|'ll\s+|{_ADVERB}\s+"
    rf"(?:{_ADVERB}\s+)*)(?:{_PLAN_VERB})\b"
)
# A look back at the text's own path with no finding: 'We have seen how ...', 'We have already discussed
# what ...', 'We have divided the species into tables ...'.
_GONE = re.compile(
    rf"^(?:{_WHERE},?\s+)?(?:So\s+far,?\s+)?[Ww]e\s+have\s+(?:{_ADVERB}\s+|already\s+)*"
    r"(?:(?:seen|discussed|examined|explored|considered|described|studied|looked\s+at|learned|learnt|covered)"
    r"\s+(?:how|what|why|which|where|when|whether)\b|divided\b|grouped\b|organized\b|arranged\b)"
)


def announces_plan(text: str) -> bool:
    """True when a sentence only tells what the text will take up next or has already gone through ('We will
    then explore ...', 'We have seen how ...'), not what is so."""
    stripped = text.strip()
    return bool(_COMING.match(stripped) or _GONE.match(stripped))
