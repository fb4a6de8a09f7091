"""A drafted claim whose side its sentence cuts from a longer phrase is asked by no template, and a list
item's label makes no true/false:

- 'Their higher degree of confidence will encourage investment': whose? the sentence before says;
- 'The enzyme catalyzes the addition of a phosphate [to the sugar]': an 'of' phrase whose sentence goes on
  to say where it goes ('from X' only says where it came from, and the claim stands without it);
- 'Fixation: The enzyme ...': the label names the step; 'Reduction: The enzyme ...' is false only by it.
"""

from __future__ import annotations

from quizmg.generate.conditions import cut_short_side
from quizmg.generate.true_false import labelled_item


def test_a_subject_whose_owner_the_sentence_before_names_is_cut() -> None:
    assert cut_short_side("Their strong sense of thrift will raise household saving.",
                          "strong sense of thrift", "household saving") == "Their strong sense of thrift"
    assert cut_short_side("In bad years, its low price will lower the income of farmers.",
                          "low price", "the income of farmers") == "its low price"
    # The owner named in the same sentence: the claim stands.
    assert cut_short_side("Most island states have found that their fishing fleets can raise export income.",
                          "fishing fleets", "export income") == ""


def test_an_of_phrase_whose_sentence_says_where_it_goes_is_cut() -> None:
    assert cut_short_side("The kinase catalyzes the transfer of a phosphate to the sugar.",
                          "The kinase", "the transfer of a phosphate") == "the transfer of a phosphate"
    assert cut_short_side("Yeast turns the sugar of the grape into alcohol.",
                          "Yeast", "the sugar of the grape") == "the sugar of the grape"
    assert cut_short_side("The toxin blocks the release of a transmitter from the nerve ending.",
                          "The toxin", "the release of a transmitter") == ""


def test_a_labelled_list_item_makes_no_true_false() -> None:
    assert labelled_item("Fermentation: Yeast turns the sugar of the grape into alcohol.") == "Fermentation"
    assert labelled_item("The rule is simple: yeast needs sugar.") is None
    assert labelled_item("Step 2: Rollers break the skins of the grapes.") == "Step 2"


def test_an_object_a_participle_and_its_agent_narrow_is_cut() -> None:
    assert cut_short_side("Grazing animals depend on the grasses grown by the river, many of which are green.",
                          "Grazing animals", "the grasses") == "the grasses"
    assert cut_short_side("Grazing animals eat the grasses in spring.", "Grazing animals", "the grasses") == ""
