"""Multiple choice: no wrong choice that holds the answer, and no article that tells it.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from drafting import drafter as _drafter
from drafting import term

from quizmg.generate.choices import either_article

ENGINES = f"""---
title: "Engines of the Harbour Museum"
---

The museum shows a {term("steam engine")}, a {term("petrol engine")},
a {term("diesel engine")}, and a {term("marine engine")}.
The old ferry ran on one {term("diesel marine engine")} for forty years without a refit.
A marine engine drives a propeller through a long shaft below the waterline.
The steam engine burns coal to boil the water that drives its pistons.
"""

SNAKES = f"""---
title: "Snakes of the Valley"
---

The valley is home to {term("grass snakes")}, {term("tree snakes")},
{term("venomous snakes")}, and {term("nonvenomous snakes")}.
Grass snakes hunt frogs along the banks of the slow streams.
Tree snakes wait on low branches for birds that come to drink.
Venomous snakes carry a bite that needs a doctor within the hour.
"""


def test_two_modifiers_the_text_puts_on_one_head_name_kinds_that_are_never_rivals() -> None:
    # 'a diesel marine engine' is both: 'diesel engine' is no wrong choice beside 'marine engine'.
    drafter, terms = _drafter(ENGINES)
    wrong = drafter.distractors(terms.get("marine engine"), count=5)  # type: ignore[attr-defined]
    assert "diesel engine" not in wrong, wrong
    assert "steam engine" in wrong, wrong


def test_a_choice_naming_everything_but_one_kind_is_no_wrong_choice() -> None:
    # 'nonvenomous snakes' holds grass snakes and tree snakes: right whenever the answer is one of them.
    drafter, terms = _drafter(SNAKES)
    wrong = drafter.distractors(terms.get("grass snakes"), count=5)  # type: ignore[attr-defined]
    assert "nonvenomous snakes" not in wrong, wrong
    assert "tree snakes" in wrong, wrong


def test_an_article_before_the_blank_is_written_a_n_when_the_choices_take_different_ones() -> None:
    assert either_article("An ", ["open reaction", "closed reaction", "single reaction"]) == "A(n) "
    assert either_article("It is a ", ["enzyme", "unit"]) == "It is a(n) "
    assert either_article("It is a ", ["unit", "eukaryote", "one-step test"]) == "It is a "  # all take 'a'
    assert either_article("It is an ", ["enzyme", "MRI scan", "hour hand"]) == "It is an "
    assert either_article("It has ", ["enzyme", "unit"]) == "It has "


EYES = f"""---
title: "Sore Eyes"
---

The clinic sees {term("sty")}, {term("iritis")}, {term("corneal ulcer")}, and {term("dry eye")} every winter.
A corneal ulcer is most often found in swimmers who wear goggle straps too tight and rub the eye.
Iritis is a painful swelling of the coloured ring of the eye.
Dry eye is a lack of tears that leaves the eye gritty and red.
"""


def test_a_wrong_choice_the_text_ties_to_the_stems_own_rare_words_may_be_right_too() -> None:
    # '... swimmers who wear goggle straps ... when _____ is suspected': the text says a corneal ulcer
    # comes with goggle straps, so it fits the blank as well as the answer does.
    drafter, terms = _drafter(EYES)
    stem = "Swimmers who wear goggle straps should rest the eye when  is suspected."
    sty = terms.get("sty")  # type: ignore[attr-defined]
    assert drafter.peers.fits_too(terms.get("corneal ulcer"), stem, sty)  # type: ignore[attr-defined]
    assert not drafter.peers.fits_too(terms.get("iritis"), stem, sty)  # type: ignore[attr-defined]
    # Words that only say what kind of thing the blank is fit every choice and tell nothing.
    assert not drafter.peers.fits_too(terms.get("dry eye"), "A painful swelling of the eye is .", sty)  # type: ignore[attr-defined]
