"""True/false from a drafted claim: a false statement made from two pairings the text teaches, and no
statement at all from a claim whose side names nothing particular.

- 'Borrelia burgdorferi causes syphilis' is false for a reason the text states (Treponema pallidum
  causes syphilis), as long as the text never gives syphilis to Borrelia too; a symptom or an effect is
  shared by many causes, so a swapped effect stays refused;
- 'Panic disorders cause considerable worry.' is true of nearly anything and teaches nothing; a
  comparison ('A colder winter raises the demand for heating oil.') is its claim's content and stays.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.claims import claim_problems, paired_elsewhere
from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.model import Mechanism, TrueFalse

PATHOGENS = """Borrelia burgdorferi causes Lyme disease, which ticks carry from deer to people.
Treponema pallidum causes syphilis, which spreads by sexual contact.
Neisseria meningitidis causes meningitis in young adults who share rooms.
A tick bite transmits Borrelia burgdorferi. Sexual contact transmits Treponema pallidum.
Lyme disease causes joint pain in many patients. Syphilis causes rashes on the palms.
Chronic stress causes joint pain in office workers as well."""


def _statements(text: str) -> list[Statement]:
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    return extract_statements(document.sentences, find_terms(document))


def _claim(statements: list[Statement], agent_start: str) -> Statement:
    return next(s for s in statements if s.agent.lower().startswith(agent_start))


def _problems(statements: list[Statement], agent_start: str, statement: str, template: str) -> list[str]:
    claim = _claim(statements, agent_start)
    mechanism = Mechanism(id="m", agent=claim.agent, action=claim.action, target=claim.target, tags=["generated"])
    question = TrueFalse(id=f"m.{template}", statement=statement, answer=template == "true", mechanism="m")
    return claim_problems(question, mechanism, template, statements)


def test_a_false_statement_swaps_in_what_the_text_pairs_with_another_named_subject() -> None:
    statements = _statements(PATHOGENS)
    claim = _claim(statements, "borrelia")
    assert paired_elsewhere(claim.agent, claim.verb, "syphilis", statements)
    problems = _problems(statements, "borrelia", f"{claim.agent} causes syphilis.", "false")
    assert not any("may be true" in p for p in problems), problems


def test_a_swapped_effect_that_many_things_share_stays_refused() -> None:
    statements = _statements(PATHOGENS)
    claim = _claim(statements, "lyme")
    assert not paired_elsewhere(claim.agent, claim.verb, "rashes", statements)
    problems = _problems(statements, "lyme", f"{claim.agent} causes rashes.", "false")
    assert any("may be true" in p for p in problems), problems


def test_a_target_the_text_also_gives_the_agent_is_not_swapped_in() -> None:
    statements = _statements(PATHOGENS + "\nBorrelia burgdorferi and Treponema pallidum cause syphilis-like sores.")
    claim = _claim(statements, "borrelia")
    assert not paired_elsewhere(claim.agent, claim.verb, "syphilis", statements)


def test_a_claim_whose_side_names_nothing_particular_makes_no_true_or_false() -> None:
    statements = _statements("Panic disorders cause considerable worry in adults. "
                             "A colder winter raises the demand for heating oil.")
    assert any("vague claim" in p for p in _problems(
        statements, "panic", "Panic disorders cause considerable worry.", "true"))
    assert not any("vague claim" in p for p in _problems(
        statements, "a colder", "A colder winter lowers the demand for heating oil.", "false"))
