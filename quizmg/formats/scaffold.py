"""`quizmg new`: a starter deck with one commented example of every question kind."""

from __future__ import annotations

_YAML = """\
# A quizmg deck. Check it with `quizmg check {path}`, study it with `quizmg study {path}`.
# Every question has an `id`: keep it when you edit the wording, and progress is kept.
id: {deck_id}
title: {title}
description: What this deck is for, in a sentence.
source:                       # where the facts come from (optional)
  title: My class notes
  author: Your name
tags: [example]

questions:
  # basic: a prompt and an answer; the learner rates how well they knew it.
  # reversed: true adds a second card that asks the other way round.
  - id: capital
    kind: basic
    prompt: What is the capital of France?
    answer: Paris
    explanation: Paris has been the capital for most of the last thousand years.

  # cloze: hide words with {{{{c1::...}}}}; c2, c3 make more cards. ::hint shows a hint.
  - id: evaporation
    kind: cloze
    text: "Water turns into vapour by {{{{c1::evaporation::a process}}}}."
    explanation: Heat from the Sun drives it.

  # mcq: mark the right choice(s) with correct: true. Several correct = pick all.
  - id: largest-ocean
    kind: mcq
    prompt: Which is the largest ocean?
    choices:
      - {{text: Pacific, correct: true}}
      - {{text: Atlantic}}
      - {{text: Indian}}
    explanation: The Pacific covers about a third of the Earth.

  # truefalse: a statement and whether it is true.
  - id: sun-star
    kind: truefalse
    statement: The Sun is a star.
    answer: true
    explanation: It is a medium-sized star.

  # short: a typed answer; `accepted` lists other answers that count.
  - id: freezing-word
    kind: short
    prompt: What is water called when it is frozen?
    answer: ice
    accepted: [frozen water]
    explanation: Water freezes at 0 °C.

  # numeric: a number, with a tolerance and a unit.
  - id: boiling-point
    kind: numeric
    prompt: At what temperature does water boil at sea level?
    answer: 100
    tolerance: 1
    unit: °C
    explanation: Lower on a mountain, where the air pressure is lower.

  # order: the steps, written in the right order; quizmg shuffles them.
  - id: water-cycle
    kind: order
    prompt: Put the stages of the water cycle in order.
    items: [evaporation, condensation, precipitation, collection]
    explanation: Then it starts again.

  # match: pairs; the learner matches each left item with its right item.
  - id: states
    kind: match
    prompt: Match each state of water to an example.
    pairs:
      - {{left: solid, right: ice}}
      - {{left: liquid, right: rain}}
      - {{left: gas, right: steam}}
    explanation: Same molecules, different arrangements.
"""

_MARKDOWN = """\
---
id: {deck_id}
title: {title}
description: What this deck is for, in a sentence.
source:
  title: My class notes
  author: Your name
tags: [example]
---

<!--
A quizmg deck in Markdown. Check it with `quizmg check {path}`.
One question per paragraph: leave a blank line between questions.
`id:` keeps a question's progress when you edit its wording.
`>` lines are the explanation shown after the answer.
A line starting with a backslash is taken as plain text.
-->

# The water cycle

<!-- basic: Q: and A: (add `reversed: yes` for a card asking the other way round) -->
Q: What is the capital of France?
A: Paris
id: capital
> Paris has been the capital for most of the last thousand years.

<!-- cloze: hide words with {{{{c1::...}}}}; c2, c3 make more cards; ::hint shows a hint -->
Water turns into vapour by {{{{c1::evaporation::a process}}}}.
id: evaporation
> Heat from the Sun drives it.

<!-- multiple choice: [x] marks the right choice(s) -->
Q: Which is the largest ocean?
- [x] Pacific
- [ ] Atlantic
- [ ] Indian
id: largest-ocean
> The Pacific covers about a third of the Earth.

<!-- true/false: T: for a true statement, F: for a false one -->
T: The Sun is a star.
id: sun-star
> It is a medium-sized star.

<!-- short typed answer: the first = line is the answer, the others also count -->
Q: What is water called when it is frozen?
= ice
= frozen water
id: freezing-word
> Water freezes at 0 °C.

<!-- numeric: N: value ± tolerance unit -->
Q: At what temperature does water boil at sea level?
N: 100 ± 1 °C
id: boiling-point
> Lower on a mountain, where the air pressure is lower.

<!-- order: the steps in the right order; quizmg shuffles them -->
Q: Put the stages of the water cycle in order.
1. evaporation
2. condensation
3. precipitation
4. collection
id: water-cycle
> Then it starts again.

<!-- match: left -> right pairs -->
Q: Match each state of water to an example.
- solid -> ice
- liquid -> rain
- gas -> steam
id: states
> Same molecules, different arrangements.
"""


def scaffold(deck_id: str, title: str, path: str, *, markdown: bool) -> str:
    """The text of a starter deck: YAML, or the Markdown form."""
    template = _MARKDOWN if markdown else _YAML
    return template.format(deck_id=deck_id, title=title, path=path)
