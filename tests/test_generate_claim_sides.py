"""A drafted relation ('What is the link between A and B?', 'What does A do to B?', true/false) that
its sentence only half states, that is true by the names alone, or that joins two things the text
does not teach.

Seen on held-out set 8: 'What does federal legislation do to federal employees?' -> 'protects' (the
sentence goes on 'from such discrimination'), 'Governments can support scientific research and technical
training' (which training: 'that helps to create new technologies'), 'STSS is associated with a lower
mortality rate.' (lower than what?), 'WEEV causes WEE.' (a virus named after its disease).
"""

from __future__ import annotations

import re

from quizmg.generate.claim_sides import half_said_object, named_after, shares_a_name, unsaid_comparison
from quizmg.generate.draft import draft_deck
from quizmg.generate.trust import THRESHOLD

SCORE = re.compile(r"Draft score (\d+)/100: (.+)\.$")


def test_an_object_its_sentence_narrows_by_a_clause_or_a_from_phrase_is_half_said() -> None:
    assert half_said_object("Cities can fund parks and playgrounds that attract young families.",
                            "can fund", "parks and playgrounds") == "that attract young families"
    assert half_said_object("The dike shields the farmland from the spring floods.", "shields", "the farmland")
    assert half_said_object("Vaccination protects infants from measles.", "protects", "infants")
    # A comma before 'which' adds a remark; 'that is' is a gloss; 'from' after most verbs says where from.
    assert half_said_object("The dike shields the farmland, which floods each spring.", "shields",
                            "the farmland") == ""
    assert half_said_object("Bees carry pollen from flower to flower.", "carry", "pollen") == ""
    assert half_said_object("The bony skull protects the brain.", "protects", "the brain") == ""


def test_an_object_compared_with_something_unnamed_is_no_claim() -> None:
    assert unsaid_comparison("Scarlet fever is associated with a higher fatality rate.",
                             "is associated with", "Scarlet fever", "a higher fatality rate")
    # The sentence names the other side, or the claim is a change of one thing with another.
    assert unsaid_comparison("Scarlet fever has a higher fatality rate than measles.", "has",
                             "Scarlet fever", "a higher fatality rate") == ""
    assert unsaid_comparison("A higher price leads to a higher quantity supplied.", "leads to",
                             "A higher price", "a higher quantity supplied") == ""
    assert unsaid_comparison("Smoking leads to lower birth weights.", "leads to", "Smoking",
                             "lower birth weights") == ""


def test_a_virus_named_after_its_disease_causes_it_by_the_names() -> None:
    assert named_after("RVFV", "RVF") == "RVFV"
    assert named_after("RVFV", "Rift Valley fever") == "RVFV"
    assert named_after("the MuV", "the contagious disease mumps") == "MuV"
    assert named_after("the Rift Valley fever virus", "Rift Valley fever")
    assert named_after("HIV", "AIDS") == ""
    assert named_after("CO2", "climate change") == ""
    assert named_after("Borrelia burgdorferi", "Lyme disease") == ""
    # A rare word of the disease's name opening the virus's own name: 'oral herpes' from 'herpes simplex virus'.
    assert named_after("Varicella zoster virus", "adult varicella") == "varicella zoster virus"
    assert named_after("The Epstein-Barr virus", "glandular fever") == ""


# A section that marks its key terms; one of its relations joins two things it never marks.
GROWTH = """# Economic Growth

**Physical capital**{: data-type="term"} is the plant and equipment that firms use.
**Human capital**{: data-type="term"} is the skill and knowledge of workers.
**Technology**{: data-type="term"} is the way goods are made, and it grows with research.
A **special economic zone**{: data-type="term"} is an area where trade goes untaxed.
**Productivity**{: data-type="term"} is the output of one hour of work.
Better technology raises productivity.
Physical capital increases productivity.
Schools improve human capital.
Governments can encourage international trade.
Strong courts enforce contracts.
"""


def _notes(keep_all: bool) -> dict[str, str]:
    questions = draft_deck(GROWTH, "growth.md", keep_all=keep_all).deck.questions
    return {q.prompt_text(): q.explanation for q in questions}


def test_a_relation_between_two_things_the_text_does_not_mark_falls_under_the_threshold() -> None:
    untaught = "What do governments do to international trade?"
    every = _notes(keep_all=True)
    assert "holds no term the text marks" in every[untaught]
    assert int(SCORE.search(every[untaught]).group(1)) < THRESHOLD  # type: ignore[union-attr]
    written = _notes(keep_all=False)
    assert untaught not in written
    # 'Physical capital increases productivity': both sides marked, asked as before.
    assert any("physical capital" in prompt.lower() and "productivity" in prompt.lower() for prompt in written)


def test_a_germ_and_a_disease_that_share_a_rare_name_are_linked_by_the_names() -> None:
    assert shares_a_name("Bordetella pertussis", "pertussis") == "pertussis"
    assert shares_a_name("Brucella abortus", "brucellosis in cattle") == "Brucella"
    # Everyday words on both sides, or rare names that only share a short start, tell nothing.
    assert shares_a_name("stem cells", "blood cells") == ""
    assert shares_a_name("prolonged muscle use", "muscle strain") == ""
    assert shares_a_name("troponin", "tropomyosin") == ""
    assert shares_a_name("the labelled antibody", "the bound antibody") == ""
    assert shares_a_name("Borrelia burgdorferi", "Lyme disease") == ""


GERMS = """# Germs and their diseases

**Legionella pneumophila**{: data-type="term"} causes **Legionnaires disease**{: data-type="term"}, a lung
infection that spreads in droplets of warm water.
**Borrelia burgdorferi**{: data-type="term"} causes **Lyme disease**{: data-type="term"}, which ticks carry.
"""


def test_no_question_asks_a_link_the_names_give_away() -> None:
    prompts = [q.prompt_text() for q in draft_deck(GERMS, "germs.md", keep_all=True).deck.questions]
    assert any("borrelia burgdorferi" in p.lower() and "Lyme disease" in p for p in prompts), prompts
    assert not any("legionella" in p.lower() and "Legionnaires" in p for p in prompts), prompts
