"""A blank on one instance of a kind the sentence names (instances.py, called by quality.bad_blank): the other
instances of that kind fill it as well. The kind as the blank is still asked. Every sentence here is written for
the test."""

from __future__ import annotations

from blank_support import blank_problem

from quizmg.generate.instances import instance_blank


def test_the_instance_after_its_kind_is_no_blank() -> None:
    assert instance_blank("lemon juice", "An example of a kitchen cleaner is ", "; its acid cuts grease.")
    assert instance_blank("oat broth", "A classic example of a general feed for moulds is ", ".")
    assert instance_blank("gravel", "Common examples of road fill are ", ", sand and slag.")
    assert instance_blank("lemon juice", "Lime scale forms in kettles. An example of a kitchen cleaner is ", ".")


def test_the_instance_before_its_kind_is_no_blank() -> None:
    assert instance_blank("Frost", "", " is an example of a weather event that hurts a harvest.")
    assert instance_blank("Tarn", "", " is one of the brightest of the small moons.")
    assert instance_blank("skin", "The ", " is one of the main routes by which germs get in.")
    assert instance_blank("Reed pens", "", " are among the oldest writing tools still made.")


def test_the_kind_or_a_plain_claim_stays() -> None:
    assert instance_blank("sorting", "The split of a pile into layers is an example of ", ".") is None
    assert instance_blank("elastic", "The example of fuel showed that because demand is ", ", taxes fail.") is None
    assert instance_blank("Frost", "", " is a weather event that hurts a harvest.") is None
    assert instance_blank("Frost", "After the rain, ", " is one of the risks.") is None  # not the subject
    # the sentence says which instance it means, or tells a member by its class
    assert instance_blank("rail steering", "Another example of unfair sales is ", ", in which agents pick the route.") \
        is None
    assert instance_blank("sleepwalking", "", " is one of a group of night habits in which the body moves.") is None


def test_bad_blank_refuses_an_instance_in_a_document() -> None:
    text = ("# Cleaners\n\nAn example of a kitchen cleaner is lemon juice; its acid cuts grease.\n\n"
            "Lemon juice is mild. Lemon juice is cheap. A kitchen cleaner removes grease.\n")
    assert "one instance of a kind" in (blank_problem(text, "lemon juice") or "")
