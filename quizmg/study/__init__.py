"""Studying: grading answers, the study session's state machine, and scored quizzes.

This is core code: it never imports click or rich, and it is always given the time.
"""
