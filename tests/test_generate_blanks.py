"""Which answers a drafted blank may hide: one answer must fit, and it must be a concept of the text.

Each sentence here is written for the test, in the grammatical shape of a blank a reviewer refused on
real textbook prose.
"""

from __future__ import annotations

from pathlib import Path

from blank_support import blank_problem

from quizmg.generate.clean import clean_text
from quizmg.generate.content import not_content
from quizmg.generate.document import read_document
from quizmg.generate.frequency import is_generic
from quizmg.generate.quality import bad_blank, treated_as_term
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex, simplify, tokens
from quizmg.generate.words import ADVERBS


def _why(text: str, hidden: str, occurrence: int = 0) -> str | None:
    """Why hiding `hidden` in the document's first sentence makes a poor blank (None when fine)."""
    return blank_problem(text, hidden, occurrence)


def test_who_wrote_a_study_is_no_answer() -> None:
    text = (
        "Okafor et al. argue that a firm sense of belonging protects nurses against burnout. "
        "Okafor et al. also found that night shifts weaken it."
    )
    why = _why(text, "Okafor et al")
    assert why is not None and "citation" in why
    assert "okafor et al" not in find_terms(read_document(text, Path("c.md"))).terms


def test_a_verb_phrase_or_a_clause_is_no_blank() -> None:
    text = (
        "Glass and rubber do not conduct heat and are called insulators. Metals conduct heat well. "
        "Glass does not conduct heat either."
    )
    why = _why(text, "conduct heat")
    assert why is not None and "verb phrase" in why
    voice = (
        "As the vocal folds vibrate, the air above them starts to vibrate as well. "
        "When the vocal folds vibrate faster, the pitch rises."
    )
    why = _why(voice, "vocal folds vibrate")
    assert why is not None and "clause" in why
    assert "vocal folds vibrate" not in find_terms(read_document(voice, Path("v.md"))).terms
    assert _why(voice, "vocal folds") is None  # the noun phrase itself is a fine answer


def test_the_answer_in_another_number_elsewhere_in_the_sentence_gives_itself_away() -> None:
    text = "The virus bursts the infected neuron and then spreads to other neurons nearby in the ganglion."
    why = _why(text, "neurons")
    assert why is not None and "neuron" in why
    assert _why(text, "ganglion") is None


def test_one_of_a_pair_of_examples_or_alternatives_fits_any_member() -> None:
    glands = (
        "The attack spreads to other glands as well, such as the spleen and thymus, a pattern named "
        "polyglandular failure."
    )
    assert "examples" in (_why(glands, "thymus") or "")
    assert "examples" in (_why(glands, "spleen") or "")
    grains = "In the northern valleys, farmers sow rye or barley before the first frost."
    assert "alternatives" in (_why(grains, "barley") or "")
    either = "Each daughter cell forms by either mitosis or meiosis in the germ line."
    assert "alternatives" not in (_why(either, "meiosis") or "")
    clauses = "Prices are set by the guilds or the magistrate can fix them by decree."
    assert "alternatives" not in (_why(clauses, "magistrate") or "")


def test_one_member_of_the_class_named_right_after_the_blank_fits_any_member() -> None:
    # Seen in the books' top 20s: '... which transmit [...] and other diseases', 'comparison of [...] and other
    # economic statistics'. The sentences here are the tests' own.
    flies = "Sand flies carry leishmaniasis and other diseases of the skin from one host to the next."
    assert "member of the class" in (_why(flies, "leishmaniasis") or "")
    ports = "Every ship pays port dues or other charges before it may unload its grain at the quay."
    assert "member of the class" in (_why(ports, "port dues") or "")
    # 'other' that is no class named after the blank leaves it alone.
    tides = "The Moon raises the tides on one side of Earth, and the other side bulges as well."
    assert _why(tides, "tides") is None


def test_one_of_a_pair_of_terms_fits_either_unless_the_sentence_counts_them() -> None:
    text = (
        "Chronic fatigue is worsened by shift work and noise exposure. Shift work disturbs sleep. "
        "Noise exposure raises arousal. Shift work and noise exposure are common."
    )
    assert "pair" in (_why(text, "noise exposure") or "")
    assert "pair" in (_why(text, "shift work") or "")
    counted = (
        "There are two broad forms of fatigue: mental fatigue and physical fatigue. Mental fatigue slows "
        "thought. Physical fatigue slows muscles."
    )
    assert _why(counted, "physical fatigue") is None


def test_a_general_setting_opening_the_sentence_is_no_blank() -> None:
    text = "In a peat bog with acidic water, buried wood is preserved for thousands of years."
    why = _why(text, "peat bog")
    assert why is not None and "setting" in why
    view = "From a chemical viewpoint, rust is a hydrated oxide of iron formed in moist air."
    assert "setting" in (_why(view, "chemical viewpoint") or "")


def test_half_of_a_slash_compound_is_no_blank() -> None:
    text = "Mentors help trainees tell critical remarks/behaviors aimed at a whole team from personal ones."
    why = _why(text, "critical remarks")
    assert why is not None and "part of a word" in why


def test_vague_phrases_are_generic_and_terms_are_not() -> None:
    for vague in ("harmful effects", "beneficial metabolic effects", "cross-sectional studies",
                  "wealthy individuals", "higher levels"):
        assert is_generic(vague), vague
    for term in ("ionic compounds", "adhesion molecules", "placebo effect", "reactive oxygen species",
                 "greenhouse effect"):
        assert not is_generic(term), term
    assert not is_generic("cross-sectional studies", marked=True)  # a term the text marks stays one


def test_the_topic_under_another_general_head_is_the_topic() -> None:
    index = TermIndex({}, "Inherited Disorders")
    assert index.is_topic("inherited diseases")
    assert not index.is_topic("sickle cell disease")
    stress = TermIndex({}, "Coping with Stress")
    assert not stress.is_topic("stress hormones")  # a kind of thing under the topic is no topic


def test_a_name_that_is_the_documents_topic_is_no_blank_mid_sentence() -> None:
    # Seen on the lead's held-out set 18: 'Metamorphic rocks are produced on [Earth] because ...' in a section
    # titled after Earth's crust. The text here is the test's own.
    text = ('---\ntitle: "The Clouds of Zorba"\n---\n\nThick clouds of acid hide the plains of '
            '**Zorba**{: data-type="term"} from every telescope, and no probe has landed there.')
    document = read_document(text, Path("zorba.md"))
    terms = find_terms(document)
    sentence = simplify(document.sentences[0].text)
    at = sentence.index("Zorba")
    assert "topic" in (bad_blank("Zorba", sentence, at, at + len("Zorba"), terms) or "")
    assert terms.get("Zorba") is not None  # the text marks it: only being the topic keeps it out
    two = read_document(text.replace("The Clouds of Zorba", "Zorba and Quill"), Path("two.md"))
    assert bad_blank("Zorba", sentence, at, at + len("Zorba"), find_terms(two)) is None  # one of two subjects


def test_footnote_numbers_are_removed_in_cleaning() -> None:
    text = (
        'Most patients with gout,<sup data-type="footnote-number" id="r2">[2](#footnote2)'
        '{: data-type="footnote-link"}</sup> have high urate. Flares follow a feast.3 Later they fade.\n'
        "A pH of 7.4 and 1,4 bonds and Section B.2 stay as they are; so does Ca<sup>2+</sup>."
    )
    cleaned = clean_text(text).text
    assert "with gout, have high urate." in cleaned
    assert "a feast. Later" in cleaned
    assert "7.4" in cleaned and "1,4" in cleaned and "B.2" in cleaned and "Ca²⁺" in cleaned


def test_sentences_reading_a_graph_are_not_content() -> None:
    assert not_content("The supply curve shifts from S0 to S1 as costs fall.")
    assert not_content("Hiring fell from the original equilibrium to Q₂ after the demand curve shifted.")
    assert not_content("N₂ and H₂ reach equilibrium with NH₃ in the closed flask.") is None
    assert not_content("The gland converts T4 to T3 in the target tissue.") is None
    assert not_content("Plants take in CO₂ and release O₂ at a point of the day.") is None


def test_word_lists_and_greek_letters() -> None:
    assert "in" not in ADVERBS
    assert [m.group() for m in tokens("β-lactamase breaks penicillin; TNF-α rises.")] == [
        "β-lactamase", "breaks", "penicillin", "TNF-α", "rises"
    ]


def test_an_abbreviation_cut_at_its_full_stop_is_no_blank() -> None:
    text = "The growth optimum of Vibrio spp. is near pH 8, higher than for most gut bacteria."
    why = _why(text, "Vibrio spp")
    assert why is not None and "abbreviation" in why


def test_common_word_phrases_the_text_uses_as_terms_are_found() -> None:
    text = (
        "Workers resist wage cuts. Firms avoid wage cuts, since wage cuts hurt morale. Managers rarely cut "
        "wages. The tariff raised the price level. A higher price level lowers real income. When the price "
        "level rises, savings lose value. The price level fell in 1931. Economists track the price level. "
        "The price level is an average. Blood levels of iron were normal."
    )
    terms = find_terms(read_document(text, Path("econ.md")))
    assert "wage cuts" in terms.terms
    assert treated_as_term("price level", terms)
    assert not treated_as_term("blood levels", terms)


def test_more_verb_phrases_list_items_and_pairs() -> None:
    adverb = "Salt water may also conduct electricity when ions move freely. Pure water does not conduct electricity."
    assert "verb phrase" in (_why(adverb, "conduct electricity") or "")
    who = "Some of the farmers who favor crop rotation plant clover. Others favor crop rotation less."
    assert "verb phrase" in (_why(who, "favor crop rotation") or "")
    listed = (
        "Several explanations exist: habit formation, loss aversion, anchoring of price expectations, "
        "mental accounting, and status quo bias."
    )
    assert "list" in (_why(listed, "anchoring") or "")
    shaped = "Exposure to pneumatic drills and vibrating grinders is linked to cochlear damage in workers."
    assert "pair" in (_why(shaped, "pneumatic drills") or "")
    assert "pair" not in (_why("Water yields hydronium and hydroxide ions in small amounts.", "hydronium") or "")


def test_an_instruction_to_the_reader_is_not_content() -> None:
    assert not_content("In addition, make the simple assumption that prices do not change.")
    assert not_content("Now consider a firm that sells only bread.")
    assert not_content("In addition, prices rose sharply in the spring.") is None


def test_people_and_institutions_are_no_answers() -> None:
    text = (
        "Since winning the award, Okonkwo has continued her research on coral bleaching at Halden University. "
        "In 1998, Adaeze N. Okonkwo showed that warm water bleaches coral. Okonkwo and Varga repeated it. "
        "The work was funded by the Marine Research Institute (MRI), which also funds reef surveys."
    )
    why = _why(text, "Okonkwo")
    assert why is not None and "person" in why
    terms = find_terms(read_document(text, Path("people.md")))
    assert "mri" not in terms.terms and "marine research institute" not in terms.terms


def test_a_verb_after_to_a_pair_by_ellipsis_and_a_pair_with_its_own_phrase() -> None:
    verb = (
        "After training, the birds began to forage in anticipation of the bell. Hungry birds will forage "
        "longer. Birds may forage in flocks."
    )
    assert "verb phrase" in (_why(verb, "forage") or "")
    assert "verb phrase" not in (_why("Severe burns can lead to dehydration in a few hours.", "dehydration")
                                 or "")
    ellipsis = (
        "Lender and borrower optimism often track the business cycle. Lender optimism rises in booms. "
        "Borrower optimism rises too. Borrower optimism and lender optimism fall in slumps."
    )
    assert "pair" in (_why(ellipsis, "borrower optimism") or "")
    tail = (
        "If exports rise, the trade balance of a country and the exchange rate both change. The trade balance "
        "moves first. The exchange rate follows. The trade balance matters. The exchange rate matters."
    )
    assert "pair" in (_why(tail, "trade balance") or "")
    listed = "The child was shown several objects, including a kettle, a drum, a spoon, and a feather."
    assert "list" in (_why(listed, "kettle") or "")


def test_the_first_of_two_alternatives_and_a_blank_an_adverb_modifies() -> None:
    first = "A cartel gives up allocative efficiency or productive efficiency, but gains stability."
    assert "alternatives" in (_why(first, "allocative efficiency") or "")
    renamed = "A sphygmomanometer, or blood pressure cuff, measures arterial pressure in the arm."
    assert "alternatives" in (_why(renamed, "sphygmomanometer") or "")
    adverb = "In a perfectly elastic market, a tiny price rise drives demand to zero."
    why = _why(adverb, "elastic market")
    assert why is not None and "perfectly elastic market" in why
    assert _why("The serum holds mostly albumin proteins made in the liver.", "albumin proteins") is None


def test_a_noun_compound_the_text_keeps_using_is_a_term_and_a_participle_phrase_is_not() -> None:
    text = (
        "The crop supply curve shifts left in a drought. Farmers watch the crop supply curve closely. "
        "A flatter crop supply curve means more elastic supply. At any given price farmers sell more. "
        "At any given price buyers buy less. At any given price the market clears."
    )
    terms = find_terms(read_document(text, Path("farm.md")))
    assert treated_as_term("crop supply curve", terms, recurring=False)
    assert not treated_as_term("given price", terms, recurring=False)


def test_a_verb_after_that_is_no_blank() -> None:
    text = (
        "Supply covers all the factors that shape output in a season. Weather will shape output. "
        "Prices can shape output too. Rules may shape output."
    )
    assert "verb phrase" in (_why(text, "shape output") or "")


def test_nouns_ending_in_ly_are_no_adverbs() -> None:
    text = (
        "A monopoly restricts the money supply of a region. The money supply grew after the monopoly ended. "
        "Every monopoly hoards; the money supply shrinks. The bank grew rapidly."
    )
    terms = find_terms(read_document(text, Path("ly.md")))
    assert "money supply" in terms.terms
    assert "hides part of the compound" in (_why("The central bank increases the money supply each spring.",
                                                 "money") or "")


def test_a_name_for_what_another_sentence_describes_is_no_blank() -> None:
    text = "Together, these are known as the stages of grief in many counselling texts."
    why = _why(text, "stages of grief")
    assert why is not None and "another sentence" in why
    own = "The bones of the middle ear are known as the ossicles in most anatomy texts."
    assert "another sentence" not in (_why(own, "ossicles") or "")
    clause = "If a salt splits only partly in water, it is called a weak electrolyte by chemists."
    assert "another sentence" not in (_why(clause, "weak electrolyte") or "")


def test_a_word_built_on_the_answer_gives_it_away_but_a_shared_word_does_not() -> None:
    salt = "Sodium reacts with chlorine to form chlorides that dissolve readily in water."
    why = _why(salt, "chlorine")
    assert why is not None and "chlorides" in why
    assert _why(salt, "Sodium") is None
    dreams = "In dream analysis, the therapist looks for hidden wishes in the patient's dreams."
    why = _why(dreams, "dream analysis")
    assert why is not None and "dreams" in why
    # The same first word in a pair tells nothing apart, and a word that only begins the same way
    # ('tropo-nin', 'tropo-myosin') is another word.
    pair = "Overt rehearsal differs from covert rehearsal in that the learner speaks the items aloud."
    assert "shows in the sentence" not in (_why(pair, "covert rehearsal") or "")
    muscle = "Troponin shifts tropomyosin away from the binding sites on actin when calcium arrives."
    assert "shows in the sentence" not in (_why(muscle, "Troponin") or "")


def test_a_subject_named_only_by_its_place_in_a_list_is_no_term() -> None:
    from quizmg.generate.definition_phrase import place_in_a_list

    text = (
        "Three habits protect a garden from slugs. The first is a ring of copper tape around each bed. "
        "The second important habit is a nightly walk with a torch. A copper ring is a barrier that slugs avoid."
    )
    terms = find_terms(read_document(text, Path("garden.md")))
    assert "first" not in terms.terms and "second important habit" not in terms.terms
    assert place_in_a_list("the latter") and place_in_a_list("The third factor")
    assert not place_in_a_list("second messenger") and not place_in_a_list("first law of motion")


def test_an_answer_shown_as_half_of_a_hyphenated_word_gives_itself_away() -> None:
    from quizmg.generate.blanks import ambiguous_blank

    text = "Most isolates of the yeast are urease-positive, meaning they make urease, an enzyme that splits urea."
    start = text.index("urease,")
    problem = ambiguous_blank("urease", text, start, start + len("urease"))
    assert problem is not None and "urease-positive" in problem
    # Closed up with a prefix: 'The largest order of [...] is Gammaflavivirales' shows 'flavivirales'.
    closed = "The largest order of flavivirales is Gammaflavivirales, which infect insects."
    at = closed.index("flavivirales")
    assert "gammaflavivirales" in (ambiguous_blank("flavivirales", closed, at, at + len("flavivirales")) or "")
    # The same word in a compound of another word's making is no give-away of a different answer.
    other = "Oxygen-poor blood returns to the right atrium through the venae cavae."
    at = other.index("venae cavae")
    assert ambiguous_blank("venae cavae", other, at, at + len("venae cavae")) is None


def test_the_last_of_a_list_whose_items_each_take_an_article_is_a_list_member() -> None:
    from quizmg.generate.list_members import list_item

    before = "Each spore carries a thick wall, a store of lipid, and a "
    assert list_item(before, ".")
    # Two clauses joined by ', and the': no list.
    assert not list_item("Calcium binds the sensor, and the ", " shifts away from the site.")


def test_a_disease_and_its_organ_are_one_family_even_when_the_organ_is_short() -> None:
    # word_forms.same_family reads 'burs-a' / 'burs-itis' as one word with another ending; a rule of
    # its own that wanted five shared letters let this through.
    joint = "Bursitis swells the bursa of a joint after long kneeling."
    why = _why(joint, "Bursitis")
    assert why is not None and "bursa" in why


def test_a_longer_word_ending_in_the_answers_family_does_not_give_the_answer_away() -> None:
    # 'hypo-dermis' holds 'dermis', and word_forms.same_family calls them one family; but a blank on
    # 'hypodermis' beside 'dermis' hides just what tells the two apart, its first letters. A word of the
    # sentence gives the answer away only when it begins as the answer does.
    skin = "The epidermis and the dermis rest on the hypodermis, a layer of fat and connective tissue."
    assert "shows in the sentence" not in (_why(skin, "hypodermis") or "")


def test_a_species_second_name_after_its_genus_initial_is_no_blank() -> None:
    text = (
        "Tuberculosis is a lung disease that spreads through coughing. "
        "A stained sputum smear can show M. tuberculosis under the microscope. "
        "Tuberculosis is treated with several drugs for months."
    )
    why = _why(text.split(". ", 1)[1], "tuberculosis")
    assert why is not None and "second half of a species name ('M. tuberculosis')" in why
    # Initials of a country ('U.S.') or a person ('Harry S.') are no genus: the stop before 'S' tells them apart.
    text = "The U.S. trade deficit grew when the dollar was strong. The trade deficit is imports less exports."
    why = _why(text, "trade deficit")
    assert why is None or "species" not in why
