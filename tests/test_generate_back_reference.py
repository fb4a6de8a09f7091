"""A sentence that walks through a set the sentence before announced ('One option is ...', 'Another
worry arises when ...', 'The third theme is ...', 'One is ...') or opens on the case or the words of the
sentence before ('In that case, ...', 'In other words, ...') is never quoted alone: it is asked after the
sentence it leans on, or not at all. A member whose shell says what it is about ('One way to ...',
'Another reason for ...') or a concrete noun ('Another beetle, the weevil, ...') stands alone."""

from __future__ import annotations

from quizmg.generate.back_reference import refers_back
from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import bare_pointer, leans_back
from quizmg.model import Cloze

LEANING = {
    "One option is to plant a hedge of hawthorn that slows the wind.": "One option",
    "Another concern arises when a dam traps the silt that feeds the delta.": "Another concern",
    "Other experiments have shown that bees prefer blue flowers in spring.": "Other experiments",
    "The third theme is scarcity, or having less than everyone wants.": "The third theme",
    "Yet another approach is to ask the borrower for a guarantor.": "Yet another approach",
    "One curious, and puzzling, finding is that of glowing mushrooms.": "One curious, and puzzling, finding",
    "One of the chief reasons is that snow reflects most of the sunlight.": "One of the chief reasons",
    "One is a licence, which only the state can grant.": "One is",
    "A second outcome follows if the judges split the firm in two.": "A second outcome",
    "In that case, the river floods the fields every spring.": "In that case",
    "In either case, buyers will push the price back toward the middle.": "In either case",
    "Under such conditions, the ice melts from below.": "Under such conditions",
    "In other words, every extra tonne costs the mill more than the last one.": "In other words",
    "In the same way, a tax on wood raises the price of chairs.": "In the same way",
    "By the same token, a wet spring delays the harvest.": "By the same token",
    "Another attempt failed because the rocks had lost their salt.": "Another attempt",
}

ALONE = [
    "One cheap way to soften hard water is to boil it.",  # the shell says what it is about
    "Another reason for the drought was a warm ocean current.",
    "A second factor that raises rents is a shortage of land.",
    "Other approaches to flood control include wetlands.",
    "Another beetle, the weevil, bores into grain.",  # a concrete noun names its own kind
    "Other lichens grow on bare rock in the Arctic.",
    "One hydrogen atom and one chlorine atom form a molecule of hydrogen chloride.",
    "In contrast, frogs lay their eggs in water.",
    "In the same year the mill burned down.",  # no way of the sentence before
    "One attempt to date the rocks in 1899 used the saltiness of the sea.",  # the shell with its own complement
    "The second law of thermodynamics says entropy rises in an isolated system.",
]


def test_a_member_of_a_set_or_a_case_before_is_named() -> None:
    for text, words in LEANING.items():
        assert refers_back(text) == words, text
        assert leans_back(text) == words, text
    assert [text for text in ALONE if refers_back(text) is not None] == []


FLOODS = """# Rivers and towns

Rivers carry **silt** from the hills down to the sea.
A **delta** forms where a river drops its silt at the coast.

A town can protect itself from river floods in two ways. One approach is to build a **levee** along the bank.

Another concern arises when a **reservoir** behind a dam fills with silt.

**Erosion** of the bank is fastest on the outside of a bend.
"""


def test_a_member_is_asked_after_the_sentence_that_announced_the_set() -> None:
    deck = draft_deck(FLOODS, "floods.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    levee = [text for text in texts if "{{c1::levee" in text]
    assert levee and all(text.startswith("A town can protect itself from river floods in two ways.") for text in levee)
    # A member that opens its paragraph leans on what a card cannot show: it is never asked.
    assert not [text for text in texts if "{{c1::reservoir" in text]


# A member counted in order ('The fifth gear', 'The last to leave'), or a thing named by what an earlier
# event did to it ('The melted wax', 'The unrolled map'), with no phrase of its own to say which set or which
# event: of what, by what, the sentence before said.
COUNTED_OR_CHANGED = {
    "The fifth gear is called overdrive on most old trucks.": "The fifth gear",
    "The last column, total weight, is the sum of the other two.": "The last column",
    "The next stage is known as the pupa.": "The next stage",
    "The first to leave the hive are the scouts.": "The first to leave",
    "The melted wax is poured into a mould of plaster.": "The melted wax",
    "The unrolled map shows every road of the county.": "The unrolled map",
    "If the procedure fails at any point, the batch is thrown away.": "If the procedure",
    "When the reaction slows down, more acid is added.": "When the reaction",
}
# Its own phrase says which set or which event; a longer name is a term; a reduced clause says 'ever'.
COUNTED_BUT_SAID = [
    "The third law of motion pairs every force with an equal and opposite one.",
    "The first contact with a stranger sets the tone of a meeting.",
    "The next generation of turbines runs on lighter blades.",
    "The first bridge built of iron still stands over the river.",
    "The induced fit model says a pocket changes shape around what it holds.",
    "When the process of budding ends, the daughter yeast cell floats free.",
]


def test_a_count_in_order_or_a_changed_thing_leans_on_the_sentence_before() -> None:
    for text, words in COUNTED_OR_CHANGED.items():
        assert leans_back(text) == words, text
    assert [text for text in COUNTED_BUT_SAID if leans_back(text) is not None] == []


GEARBOX = """# Gearboxes

A **gearbox** sets how fast the wheels turn for each turn of the engine.

Old trucks have five gears, and the lowest four are used for climbing hills and for starting off. The fifth gear \
is called **overdrive** and lets the engine turn slowly at high speed.

A **clutch** parts the engine from the gearbox while the driver changes gear.
"""


def test_the_counted_member_is_asked_after_the_sentence_that_counts_the_set() -> None:
    deck = draft_deck(GEARBOX, "gears.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    overdrive = [text for text in texts if "{{c1::overdrive" in text]
    assert overdrive and all(text.startswith("Old trucks have five gears") for text in overdrive)


def test_a_pronoun_in_an_opening_clause_leans_on_the_sentence_before() -> None:
    leaning = {
        "If this is so, the lake will freeze from the top down.": "If this",
        "Although it is bitter, it is boiled and eaten in winter.": "Although it is bitter, it",
        "When they hatch, they are fed by both parents.": "When they hatch, they",
        "Once heated to a glow, it is hammered into a blade.": "Once heated to a glow, it",
        "On the other hand, when soaked in brine, it keeps for a year.": "On the other hand, when soaked in brine, it",
    }
    for text, words in leaning.items():
        assert leans_back(text) == words, text
    standing = [
        "Although it is possible to cross the pass in winter, most travellers wait for spring.",  # 'it' holds a place
        "While it is thought that eels breed at sea, nobody has seen them spawn.",
        "When young goats are weaned, they are fed on hay.",  # the clause names its own subject
        "If a stone is heated, it expands a little.",
        "Although it is bitter, the root is boiled and eaten in winter.",  # 'it' points ahead to 'the root'
    ]
    assert [text for text in standing if leans_back(text) is not None] == []


def test_a_count_the_sentence_before_gave_leans_on_it() -> None:
    leaning = {
        "However, the numbers have fallen in every county since the mines closed.": "However, the numbers",
        "The data also show that frost comes later each autumn.": "The data",
        "The pattern is much the same in the valleys.": "The pattern",
        "The ratio is higher for oak than for pine.": "The ratio",
    }
    for text, words in leaning.items():
        assert leans_back(text) == words, text
    standing = [
        "The ratio of a gear's teeth to its pinion's teeth sets its speed.",  # of what, said
        "The numbers that a census counts are people, not households.",
        "The ratio w/h is called the aspect ratio of a wing.",  # a formula after the noun says which
    ]
    assert [text for text in standing if leans_back(text) is not None] == []


def test_this_or_these_with_no_noun_after_a_preposition_leans_on_the_sentence_before() -> None:
    leaning = {
        "Because of this, glassblowers keep the furnace lit all night.": "Because of this",
        "The second of these is called a rain shadow.": "The second of these",
        "Storms like this are called squalls.": "Storms like this",
        "A well-known case of this is the leaning tower of Pisa.": "A well-known case of this",
    }
    for text, words in leaning.items():
        assert leans_back(text) == words, text
    standing = [
        "Bees dance, and because of this, the hive learns where the flowers are.",  # its own clause before it
        "Most of these beetles feed on dead wood.",  # a noun of its own
        "The roots of this tree reach the water table.",
    ]
    assert [text for text in standing if bare_pointer(text) is not None] == []


FURNACE = """# Glass

**Glass** is made by melting sand with soda and lime.

A furnace takes two days to reach the heat that melts sand. Because of this, glassblowers keep the **furnace** \
lit all night and the **annealing oven** warm all week.

A **punty** is the iron rod that holds a vessel while its rim is shaped.
"""


def test_a_sentence_that_leans_on_a_bare_this_is_asked_after_the_sentence_before() -> None:
    deck = draft_deck(FURNACE, "glass.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    oven = [text for text in texts if "{{c1::annealing oven" in text]
    assert oven and all(text.startswith("A furnace takes two days") for text in oven)


def test_it_or_them_after_a_preposition_in_the_opening_leans_on_the_sentence_before() -> None:
    leaning = {
        "Above it is a layer of slag that the smith skims off.": "Above it",
        "Some of it was sold to the glassworks across the river.": "Some of it",
        "From it, the potters learned to glaze with ash.": "From it",
    }
    for text, words in leaning.items():
        assert leans_back(text) == words, text
    standing = [
        "After it is heated, the glass is blown into a mould.",  # a clause the main clause finishes
        "Potters think of it as the hardest clay to throw.",  # after a verb of its own
        "Slag floats on the iron, and above it is only air.",  # its own clause before it
    ]
    assert [text for text in standing if bare_pointer(text) is not None] == []
