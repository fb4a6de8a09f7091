"""`quizmg generate` on textbook-shaped prose: markup, glossaries, exercises, chemistry, generic words.

Every text here is written for the test in the project's own words, shaped like an open textbook's
Markdown source (kramdown attribute lists, HTML sub/superscripts, link stubs, exercise blocks).
"""

from __future__ import annotations

import re
from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.clean import clean_text
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.frequency import is_generic
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.quality import bad_blank
from quizmg.generate.questions import Drafter
from quizmg.generate.split import split_sentences
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import tokens
from quizmg.model import Cloze, MultipleChoice

TEXTBOOK = """---
title: "Signals in the Striated Fibre"
---

### Learning Objectives

* Explain how the fibre contracts

A fibre stores calcium in the **sarcoplasmic reticulum (SR)**{: data-type="term"}. When a signal arrives, \
the SR releases Ca<sup>2+</sup> into the cytosol ([\\[link\\]](#fig-fibre)). Calcium ions bind to \
**troponin**{: data-type="term"}, which moves **tropomyosin**{: data-type="term" .no-emphasis} away from \
the binding sites. ATP^2-^ hydrolysis re-cocks the myosin head. Potassium (K<sup>+</sup>) leaves the \
fibre through **leak channel**{: data-type="term"}s.

 ![A fibre with its reticulum shown in blue](../resources/fibre.jpg){: data-title="Fibre"}

<div data-type="note" class="check-your-understanding" markdown="1">
* What does troponin bind?
</div>

The kinase **glycovase**{: data-type="term"} converts glycogen into glucose phosphate. Renin cuts \
angiotensinogen into angiotensin I. Then the converting enzyme makes angiotensin II.

### Key Terms

**reticulase**: an enzyme that cuts the reticulum's membrane proteins
**myoblast fusion**: the joining of young muscle cells into one fibre

### Review Questions

1. Which ion binds to troponin?
   a. sodium
   b. calcium
   c. chloride
   d. zinc

2. Calcium ions bind to actin, which ____.
   1.  blocks the myosin head
   2.  stores phosphate

### Critical Thinking

Explain why the SR must pump calcium back after each twitch.
"""


def _document(text: str = TEXTBOOK):
    return read_document(text, Path("fibre.md"))


def test_markup_never_reaches_a_sentence_and_charges_are_kept() -> None:
    document = _document()
    texts = " ".join(s.text for s in document.sentences)
    for leak in ("{:", "data-type", "<sup", "</", "[link]", "](#", "^", "resources/"):
        assert leak not in texts, leak
    assert "Ca²⁺" in texts and "K⁺" in texts and "ATP²⁻" in texts
    assert "leak channels" in texts  # the plural 's' after the attribute list joins its word
    assert "sarcoplasmic reticulum" in document.marked_terms  # its abbreviation in brackets is no part of the name
    assert "tropomyosin" in document.marked_terms


def test_exercise_sections_and_question_blocks_are_never_mined() -> None:
    texts = [s.text for s in _document().sentences]
    joined = " ".join(texts)
    for exercise_text in ("Which ion", "sodium", "bind to actin", "Explain why", "What does troponin",
                          "Explain how the fibre"):
        assert exercise_text not in joined, exercise_text
    # A numbered question with lettered options outside any heading is an exercise too.
    loose = "Calcium leaves the cell slowly.\n\n3. Which pump returns calcium?\n\na. the SERCA pump\nb. myosin\n"
    assert [s.text for s in _document(loose).sentences] == ["Calcium leaves the cell slowly."]



def test_reading_lists_and_references_are_never_mined_even_when_their_heading_carries_an_id() -> None:
    source = "\n".join([
        "# Town and Country",
        "",
        "Cities grew quickly once factories needed workers who lived close to them.",
        "",
        "### Further Research   {#further-7}",
        "",
        "The Urban Archive was set up to record how the old market towns changed. Visit its pages to learn more.",
        "",
        "### References   {#refs-7}",
        "",
        "Smith, Jane. 2004. *The Crowded Street: Cities and Their Workers*. Springfield: Harbour Press.",
    ])
    texts = [sentence.text for sentence in read_document(source, "towns.md").sentences]
    assert texts == ["Cities grew quickly once factories needed workers who lived close to them."]
    assert "{#" not in " ".join(read_document(source, "towns.md").headings)

def test_glossary_lines_are_definitions_not_prose() -> None:
    document = _document()
    assert document.glossary["reticulase"] == "an enzyme that cuts the reticulum's membrane proteins"
    assert not any("reticulase" in s.text for s in document.sentences)
    terms = find_terms(document)
    term = terms.get("myoblast fusion")
    assert term is not None and term.definition_source == "glossary"
    assert term.definition == "the joining of young muscle cells into one fibre"
    cleaned = clean_text("Note: the enzyme works best at body heat.\n")
    assert cleaned.glossary == {} and "Note: the enzyme" in cleaned.text


def test_sentences_split_at_acronyms_and_numerals_but_not_abbreviations() -> None:
    pieces = [p for _, p in split_sentences(
        "A fibre stores calcium in the SR. The SR releases it. Renin makes angiotensin I. "
        "Then ACE converts it, e.g. in the lung. Dr. Ames measured Ca2+ influx."
    )]
    assert pieces == [
        "A fibre stores calcium in the SR.", "The SR releases it.", "Renin makes angiotensin I.",
        "Then ACE converts it, e.g. in the lung.", "Dr. Ames measured Ca2+ influx.",
    ]
    text = "Ions: Ca2+, K+, Na⁺ and Ca²⁺ differ; 1+1 is not an ion."
    assert [m.group() for m in tokens(text)][:5] == ["Ions", "Ca2+", "K+", "Na⁺", "and"]
    assert "1+" not in [m.group() for m in tokens(text)]


def test_generic_words_and_the_topic_make_no_blank() -> None:
    for word in ("light", "cell", "enzyme", "blood levels", "time zones", "energy"):
        assert is_generic(word), word
    for word in ("sarcolemma", "troponin", "ATP", "Ca²⁺"):
        assert not is_generic(word), word
    assert is_generic("active site") and not is_generic("active site", marked=True)
    document = _document("# Fibres and Troponin\n\nTroponin binds calcium in the fibre. Troponin holds "
                         "tropomyosin, and the fibre needs light.\n")
    terms = find_terms(document)
    text = document.sentences[1].text
    start = text.index("light")
    assert "generic" in (bad_blank("light", text, start, start + 5, terms) or "")
    start = text.index("Troponin")
    assert "topic" in (bad_blank("Troponin", text, start, start + 8, terms) or "")


def test_truncated_objects_and_conditions_give_no_statement() -> None:
    document = _document(
        "Calcium release causes the sarcolemma to tear in old fibres. If the dose is high, aspirin blocks "
        "platelet enzymes. Statins inhibit HMG-CoA reductase. Caffeine allows calcium ions to leave the store."
    )
    statements = extract_statements(document.sentences, find_terms(document))
    targets = {s.target for s in statements}
    assert "the sarcolemma" not in targets and "calcium ions" not in targets
    assert "platelet enzymes" not in targets
    assert "HMG-CoA reductase" in targets


def test_a_drafted_textbook_deck_has_no_leak_no_generic_blank_and_no_comma_definition() -> None:
    text = TEXTBOOK + "\n" + (
        "\nMyosin, the motor, pulls actin. The binding sites are exposed when tropomyosin moves. "
        "Creatine kinase regenerates ATP from creatine phosphate. Glycovase releases glucose phosphate "
        "for glycolysis. Troponin changes shape after calcium binding.\n"
    )
    draft = draft_deck(text, Path("fibre.md"), max_questions=40)
    bank = bank_from_deck(draft.deck)
    assert bank.questions
    for question in bank.questions:
        shown = f"{question.prompt_text()} {question.answer_text()}"
        assert not re.search(r"\{:|data-type|<su[bp]|\^|\[link\]", shown), shown
        assert "describe as" not in shown
        blanks: list[str] = []
        if isinstance(question, Cloze):
            blanks = [w for words in question.deletions().values() for w in words]
        elif isinstance(question, MultipleChoice):
            blanks = [c.text for c in question.choices if c.correct]
        for blank in blanks:
            assert not is_generic(blank) or blank[:1].isupper(), (blank, shown)


def test_a_very_long_word_is_read_in_linear_time_and_never_asked() -> None:
    import signal

    from quizmg.generate.terms import simplify

    # Quadratic work on a 200,000-letter word takes many minutes; linear work, well under a second.
    # The alarm only stops a hang (30 s); it is no time limit on normal work.
    def hang(signum: int, frame: object) -> None:
        raise AssertionError("simplify() did not finish in 30 s on a 200,000-letter word: quadratic regex")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(30)
    try:
        word = "a" * 200_000
        assert simplify(f"the {word} (ABC) binds") == f"the {word} (ABC) binds".replace(" (ABC)", "")
        text = f"Troponin binds calcium in the fibre. {'a' * 40_000} is a long word. Troponin moves tropomyosin."
        draft = draft_deck(text, Path("long.txt"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert not any("aaaa" in q.prompt_text() for q in bank_from_deck(draft.deck).questions)


def test_instances_imperatives_glossary_lists_and_word_forms() -> None:
    text = (
        "---\ntitle: Viral Cycles\n---\n\n"
        "Persistent infections last a long time. Herpes is an example of a virus that hides in nerve cells. "
        "Draw the graph of a lytic cycle for a phage like T4.\n\n"
        "A virion binds a receptor, preventing host binding.\n\n"
        "### Glossary\n\nlatency\n: a period in which a virus stays in the cell without making new virions\n^\n"
    )
    document = read_document(text, Path("viral.md"))
    assert document.sentences[0].line == 5  # the front matter keeps every line's number
    assert document.glossary == {"latency": "a period in which a virus stays in the cell without making new virions"}
    assert not any(s.text.startswith((":", "^", "latency")) for s in document.sentences)
    terms = find_terms(document)
    herpes = terms.get("Herpes")
    assert herpes is None or herpes.definition is None  # an instance, not a definition
    draft = draft_deck(text, Path("viral.md"), keep_all=True)
    for question in bank_from_deck(draft.deck).questions:
        assert "Draw the graph" not in question.prompt_text()
        assert "preventing host" not in question.answer_text()


REVIEW_CLASSES = """---
title: "Policy and Pumps"
---

A monetary policy that raises interest rates is a **contractionary monetary policy**{: data-type="term"} or \
**tight monetary policy**{: data-type="term"}. A monetary policy that lowers interest rates is an \
**expansionary monetary policy**{: data-type="term"} or **loose monetary policy**{: data-type="term"}. \
The central bank used contractionary monetary policy in 1980. The central bank used expansionary monetary \
policy in 2002. Activation energy is the minimum amount of energy required for a chemical reaction to get \
going in the forward direction at all temperatures. Phosphate is a normal constituent of nucleic acids. \
Sodium and potassium are exchanged by the pump. Glucose, fructose and lactose are sugars, and \
ribose and sucrose are sugars too. Glucose feeds the cell, and lactase, cholesterol and nitrite do not.

Moreover, these impairments grow worse with each night of lost sleep in the clinic. [\\[link\\]](#fig-1) \
illustrates a typical case of acute inflammation at the wound.

<div data-type="note" class="microbiology clinical-focus" markdown="1">
Angela's doctor suspects that she has hereditary angioedema, a disorder of the complement system.
</div>

<div data-type="note" class="chemistry link-to-learning" markdown="1">
Watch this video to see how the state of reactants and particle size affect reaction rates.
</div>

### Glossary

tight monetary policy
: see contractionary monetary policy

sleep rebound
: sleep-deprived individuals will fall asleep sooner at the next chance for sleep

hypovolemic shock
: type of circulatory shock caused by excessive loss of blood volume
"""


def test_review_failure_classes_of_textbook_drafts_are_never_asked() -> None:
    """The classes a strict review rejected in real textbook drafts, each in the project's own words."""
    path = Path("policy.md")
    draft = draft_deck(REVIEW_CLASSES, path, max_questions=200, keep_all=True)
    questions = bank_from_deck(draft.deck).questions
    shown = "\n".join(q.prompt_text() + " " + q.answer_text() for q in questions)
    # A glossary 'see X' names a synonym: never a definition, never a wrong choice beside X.
    assert "see contractionary" not in shown
    for question in questions:
        if isinstance(question, MultipleChoice):
            texts = {c.text.lower() for c in question.choices}
            assert not {"contractionary monetary policy", "tight monetary policy"} <= texts
            assert not {"expansionary monetary policy", "loose monetary policy"} <= texts
            # Sugars beside sugars: never an enzyme, a sterol or an ion as the wrong choice.
            if any(c.correct and c.text.lower() == "glucose" for c in question.choices):
                assert not texts & {"lactase", "cholesterol", "nitrite"}
            assert len(question.choices) >= 4
    # A glossary clause is no definition; a bare singular noun gets its article.
    assert "sleep-deprived individuals will" not in shown
    assert "What is the term for a type of circulatory shock caused by excessive loss of blood volume?" in shown
    # A definition cut at its length limit, or one thing said about a term, is never asked.
    assert "forward direct?" not in shown
    assert "What is the term for a normal constituent of nucleic acids?" not in shown
    # Sentences that lean on what is outside them, figures and asides are never quoted.
    for phrase in ("these impairments", "illustrates a typical case", "Angela", "Watch this video"):
        assert phrase not in shown, phrase


def test_captions_verbs_after_a_category_and_dangling_targets_are_not_taken_for_terms() -> None:
    text = (
        '![A graph of two curves](../resources/f.jpg "(a) The economy starts at E0. Loose policy will cut '
        'rates, leading to the new equilibrium (E1).")\n\n'
        "The hormone determines the cell's response. Steroid hormones diffuse across the membrane. "
        "The hormone thyroxine acts in the nucleus, and the hormone cortisol acts in the cytoplasm. "
        "Inflammation is associated with pain due to the release of bradykinin. "
        "Sulfonamides inhibit the enzyme involved in the production of folic acid.\n"
    )
    document = read_document(text, Path("notes.md"))
    assert not any("E0" in s.text or "equilibrium" in s.text for s in document.sentences)  # a caption
    terms = find_terms(document)
    assert terms.get("determines") is None and terms.get("diffuse") is None
    assert terms.get("thyroxine") is not None
    targets = {s.target for s in extract_statements(document.sentences, terms)}
    assert "pain" in targets and "pain due" not in targets
    assert "the enzyme involved" not in targets


def test_wrong_choices_agree_in_number_with_the_answer() -> None:
    names = ["antimetabolites", "trimethoprim", "aztreonam", "vancomycin", "rifampin", "penicillins", "macrolides",
             "tetracyclines"]
    text = " ".join(f'The doctors in the ward often use the **{name}**{{: data-type="term"}} against some of the '
                    "bacteria." for name in names) + "\n"
    document = read_document(text, Path("drugs.md"))
    terms = find_terms(document)
    drafter = Drafter(terms, len(document.sentences), set())
    assert set(drafter.distractors(terms.get("antimetabolites"))) <= {"penicillins", "macrolides", "tetracyclines"}
    assert not set(drafter.distractors(terms.get("trimethoprim"))) & {"antimetabolites", "penicillins"}


def test_the_same_document_gives_the_same_deck_whatever_the_hash_seed() -> None:
    """Sets iterate in a different order in each process: no score may depend on that order."""
    import os
    import subprocess
    import sys

    source = Path(__file__).parent / "data" / "documents"
    script = (
        "import sys; from pathlib import Path; from quizmg.generate.draft import draft_deck\n"
        "for path in sorted(Path(sys.argv[1]).iterdir()):\n"
        "    if path.name.startswith('french'): continue\n"
        "    deck = draft_deck(path.read_text(), path, max_questions=30).deck\n"
        "    print(path.name, [q.id for q in deck.questions], [m.id for m in deck.mechanisms])\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run([sys.executable, "-c", script, str(source)], capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=120)
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_held_out_review_classes() -> None:
    """Classes a strict review found on sections kept out of tuning, each in the project's own words."""
    pieces = [p for _, p in split_sentences(
        "The best pH for Salmonella spp. is close to neutral. Acids harm it. Step 3: the acid forms. "
        "Proteins fold at high pH. Lipids break apart at a very high pH."
    )]
    assert pieces[0] == "The best pH for Salmonella spp. is close to neutral."  # lower case goes on
    text = (
        "A coating prevents water and oxygen from reaching the metal. The paint prevents the water and oxygen "
        "needed for rust from reaching the iron. Healthy function depends on a very "
        "tight balance between acids and bases. The stimulus package of 2009 is an example. "
        "Step 3: When carbon dioxide is available, the reaction forms carbonic acid in the blood.\n\n"
        "### Glossary\n\n"
        "galvanized iron\n: a method for protecting iron by covering it with zinc; zinc-plated iron\n\n"
        "sacrificial anode\n: more active, inexpensive metal used as the anode in cathodic protection\n\n"
        "hypercapnia\n: abnormally elevated blood levels of carbon dioxide\n\n"
        "circulatory shock\n: also simply called shock; a condition in which the blood cannot supply the tissues\n"
    )
    draft = draft_deck(text, Path("notes.md"), max_questions=100, keep_all=True)
    shown = "\n".join(q.prompt_text() + " " + q.answer_text() for q in bank_from_deck(draft.deck).questions)
    assert "prevents water and oxygen." not in shown and "tight balance." not in shown
    assert "prevents the water and oxygen." not in shown
    assert "is an example" not in shown and "Step 3" not in shown
    assert "What is the term for a method for protecting iron by covering it with zinc?" in shown
    assert "What is the term for a more active, inexpensive metal used as the anode in cathodic protection?" in shown
    assert "What is the term for abnormally elevated blood levels of carbon dioxide?" in shown
    assert "What is the term for a condition in which the blood cannot supply the tissues?" in shown
