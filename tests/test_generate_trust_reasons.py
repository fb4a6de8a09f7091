"""The reasons a draft's score shows read as English: 'choices all viruses', not 'choices all viruss'."""

from __future__ import annotations

from quizmg.words import plural_word


def test_a_kind_is_named_in_its_plural() -> None:
    assert [plural_word(2, kind) for kind in ("virus", "acid", "process", "body", "enzyme", "key", "species")] \
        == ["viruses", "acids", "processes", "bodies", "enzymes", "keys", "species"]
    assert plural_word(2, "study day") == "study days" and plural_word(2, "log entry") == "log entries"
