"""A section's learning objectives tell the learner what to do; they state no fact to blank.

Seen on the physics book: objectives the text does not set apart as a list ('State the laws of [...]',
'Apply principles of [...] to find ...', 'Account qualitatively for the rise of [...]') were drafted as
clozes. The sentences here are written for these tests.
"""

from __future__ import annotations

from drafting import quotable_after

_quotable = quotable_after


def test_an_objective_that_opens_with_what_to_do_is_not_quoted() -> None:
    for text in ("Define and describe the ranking of tides along the river mouth.",
                 "Apply the rules of buoyancy to determine how deep a loaded barge floats.",
                 "Determine the final speed of a barge given its mass and its push.",
                 "State Newton's laws of motion as they apply to a drifting barge.",
                 "State how a sandbar changes the flow of the river at low tide.",
                 "Account qualitatively for the rise in silt that the river carries in spring."):
        assert not _quotable(text), text


def test_state_and_account_as_nouns_open_statements_as_before() -> None:
    assert _quotable("State governments pay for most of the dredging on the lower river.")
    assert _quotable("Account books from the old port record every barge that sailed in spring.")
