"""Spaced-repetition scheduling: settings, card memory state, FSRS-6 reviews, study days, optimizer.

The pure core: nothing here reads the clock, touches a database or imports click or rich.
Submodules are imported by name (``from quizmg.scheduling.scheduler import apply_review``) so that
importing the package itself stays free of fsrs and pydantic.
"""
