"""Making questions: mechanism templates, and drafting decks from documents."""
