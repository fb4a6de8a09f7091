"""benchmarks/bench_generate_quality.py's automatic checks, on text built here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "bench_generate_quality.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate_quality", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_answer_is_looked_for_in_the_text_as_a_reader_sees_it() -> None:
    bench = _bench()
    text = "Reiter\\'s syndrome follows an infection, and \\*starred\\* words stay words."
    assert not bench.absent("Reiter's syndrome", text)  # the backslash escape is markup, not text
    assert not bench.absent("starred words", text)
    assert bench.absent("Kawasaki disease", text)
