"""`quizmg generate --model NAME`: mechanisms from a language model through llm, checked against the text.

The models here are fakes registered through llm's own plugin hook (no network, no key): one answers
with mechanisms the text states, and one of them invented; one is not in the schema at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli

llm = pytest.importorskip("llm")

TEXT = """# Fibre Signals

Calcium binds troponin in the striated fibre. Troponin moves tropomyosin off the binding sites.
Myosin heads then pull the actin filaments. ATP hydrolysis re-cocks each myosin head.
"""
GOOD = {"agent": "calcium", "action": "binds", "target": "troponin",
        "effects": ["troponin moves tropomyosin off the binding sites", "myosin heads pull the actin filaments"]}
INVENTED = {"agent": "magnesium", "action": "dissolves", "target": "the Z disc", "effects": ["the fibre tears"]}
REPLIES = {
    "fake-honest": {"mechanisms": [GOOD]},
    "fake-inventive": {"mechanisms": [GOOD, INVENTED,
                                      {"agent": "ATP", "action": "re-cocks", "target": "each myosin head",
                                       "effects": ["the fibre glows green"]}]},
    "fake-rambling": "I think the text is about muscles.",
}


class FakeModel(llm.Model):
    supports_schema = True

    def __init__(self, model_id: str) -> None:
        self.model_id = model_id

    def execute(self, prompt, stream, response, conversation) -> Iterator[str]:  # type: ignore[no-untyped-def]
        assert prompt.schema is not None and "TEXT:" in prompt.prompt  # asked in the mechanism schema
        reply = REPLIES[self.model_id]
        yield reply if isinstance(reply, str) else json.dumps(reply)


class FakePlugin:
    __name__ = "quizmg-fake-models"

    @llm.hookimpl
    def register_models(self, register) -> None:  # type: ignore[no-untyped-def]
        for model_id in REPLIES:
            register(FakeModel(model_id))


@pytest.fixture(autouse=True)
def fake_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    plugin = FakePlugin()
    llm.pm.register(plugin, name="quizmg-fake-models")
    try:
        yield
    finally:
        llm.pm.unregister(plugin)


def _generate(tmp_path: Path, *options: str) -> tuple[int, str, Path]:
    document = tmp_path / "fibre.md"
    document.write_text(TEXT, encoding="utf-8")
    output = tmp_path / "fibre.yaml"
    result = CliRunner().invoke(cli, ["generate", str(document), "-o", str(output), "--force", "--all", *options])
    return result.exit_code, result.output, output


def test_a_models_mechanisms_are_checked_and_expanded_by_the_templates(tmp_path: Path) -> None:
    code, output, deck_path = _generate(tmp_path, "--model", "fake-honest")
    assert code == 0, output
    assert "The model proposed 1 mechanisms: 1 stated in the text, 0 rejected." in output
    bank = load_bank(deck_path)
    why = [q for q in bank.questions if q.id and q.id.endswith(".why") and "calcium" in q.prompt_text()]
    assert why, [q.prompt_text() for q in bank.questions]
    assert "troponin moves tropomyosin off the binding sites" in why[0].answer_text()
    assert "line 3" in why[0].explanation  # the sentence that states it, as for the rules' mechanisms


def test_an_invented_mechanism_and_an_invented_effect_are_rejected_and_reported(tmp_path: Path) -> None:
    code, output, deck_path = _generate(tmp_path, "--model", "fake-inventive")
    assert code == 0, output
    assert "The model proposed 3 mechanisms: 2 stated in the text, 1 rejected." in output
    assert "rejected: 'magnesium dissolves the Z disc': no sentence of the text states it" in output
    assert "rejected: the effect 'the fibre glows green' of 'ATP re-cocks each myosin head'" in output
    everything = deck_path.read_text(encoding="utf-8")
    assert "magnesium" not in everything.lower() and "glows" not in everything


def test_without_a_usable_model_the_rules_draft_and_say_so(tmp_path: Path) -> None:
    for name, reason in (("no-such-model", "No language model: llm has no model named 'no-such-model'"),
                         ("fake-rambling", "No language model: the model 'fake-rambling' did not answer in "
                                           "the mechanism schema")):
        code, output, deck_path = _generate(tmp_path, "--model", name)
        assert code == 0, output
        assert reason in output and "Drafting with the rules only." in output
        assert load_bank(deck_path).questions


def test_without_the_llm_extra_the_rules_draft_and_say_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "llm", None)  # as if the extra were not installed
    code, output, deck_path = _generate(tmp_path, "--model", "fake-honest")
    assert code == 0, output
    assert "No language model: the llm library is not installed (pip install 'quizmg[llm]')" in output
    assert load_bank(deck_path).questions
