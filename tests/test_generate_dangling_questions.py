"""A question cut short where a formula stood ('... when?', '... either x or?', '... of a circuit is?') reads
badly and scores under the threshold; a short question or one ending on a preposition of its verb stands."""

from __future__ import annotations

from quizmg.generate.quality import grammar_problems


def test_a_question_stopping_on_an_article_a_conjunction_or_is_reads_badly() -> None:
    for cut in ("What is the term for the height of the line when?",
                "What is the term for a spin that is either up or?",
                "What is given by the symbol k, of a simple spring is?",
                "What is the term for the pressure at the foot of the?"):
        assert any("stops on a word" in problem for problem in grammar_problems(cut)), cut


def test_whole_questions_stand() -> None:
    for whole in ("What is it?", "What does the pressure depend on?", "Which is larger, the sun or the moon?",
                  "What is the term for the height of a wave?"):
        assert not any("stops on a word" in problem for problem in grammar_problems(whole)), whole


def test_is_closing_a_clause_with_its_own_subject_stands() -> None:
    for whole in ("What is the term for the self that we truly are?", "What is the term for the shape it is?"):
        assert not any("stops on a word" in problem for problem in grammar_problems(whole)), whole
