"""`quizmg stats` through click's CliRunner on the crafted collection: terminal, JSON, HTML,
--since, --simulate, and the errors."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_stats_report import build_crafted

from quizmg.cli import cli

AT = ["--at", "2024-06-10T12:00:00+00:00"]


@pytest.fixture
def home(quizmg_home: Path, tmp_path: Path) -> Path:
    """QUIZMG_HOME holding the crafted collection (built once, copied for each test)."""
    quizmg_home.mkdir(parents=True, exist_ok=True)
    build_crafted(quizmg_home)
    return quizmg_home


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["stats", *args])
    return result.exit_code, result.output


def test_terminal_report(home: Path) -> None:
    code, output = run(*AT)
    assert code == 0, output
    assert "Streak 4 days" in output and "Longest 4 days (to 10 Jun 2024)" in output
    assert "Tomorrow 1" in output
    assert "│ Week      │      - │  66.7% │  66.7% │       3 │" in output
    assert "adrenaline stimulates beta-1" in output  # mastery per mechanism
    assert "What sets the heart's rhythm?" in output  # weakest question
    assert "Answers 12 (1 cram, 1 quiz, 10 study)" in output
    assert "heart" in output and "7/10" in output  # quiz history
    assert "Traceback" not in output


def test_terminal_report_fits_80_columns(home: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", *AT], env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_json_has_every_figure(home: Path) -> None:
    code, output = run(*AT, "--json")
    assert code == 0
    figures = json.loads(output)
    assert figures["streaks"]["current"] == 4
    assert figures["reviews_by_mode"] == {"study": 10, "cram": 1, "quiz": 1}
    assert [r["period"] for r in figures["retention"]] == ["today", "yesterday", "week", "month", "year", "all time"]
    assert figures["retention"][4]["total"] == 0.8
    assert figures["cards"]["suspended"] == 1 and figures["cards"]["buried"] == 1
    assert figures["mastery"]["tags"][0]["name"] == "anatomy"


def test_since_and_deck_filters(home: Path) -> None:
    code, output = run(*AT, "--json", "--since", "2024-06-09")
    assert code == 0
    assert json.loads(output)["reviews_by_mode"] == {"study": 4}
    code, output = run(*AT, "--json", "--since", "1d")
    assert json.loads(output)["reviews_by_mode"] == {"study": 1}
    code, output = run(*AT, "--json", "--deck", "heart")
    assert code == 0 and json.loads(output)["cards"]["total"] == 4


def test_bad_input_is_one_clear_message(home: Path) -> None:
    code, output = run(*AT, "--since", "last tuesday")
    assert code == 1 and "--since 'last tuesday'" in output and "Traceback" not in output
    code, output = run(*AT, "nosuchdeck")
    assert code == 1 and "deck 'nosuchdeck' is not in the collection" in output


def test_empty_collection_still_reports(quizmg_home: Path) -> None:
    code, output = run()
    assert code == 0, output
    assert "Streak 0 days" in output and "No quizzes yet" in output


def test_missing_deck_file_is_noted(home: Path) -> None:
    (home / "heart.yaml").unlink()
    code, output = run(*AT)
    assert code == 0 and "its file is gone" in output


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.links += [value for name, value in attrs if name in ("src", "href") and value]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_report_is_self_contained(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, output = run(*AT, "--html", str(target), "--simulate", "20")
    assert code == 0, output
    html = target.read_text(encoding="utf-8")
    parser = _Html()
    parser.feed(html)
    assert "script" not in parser.tags and parser.links == []  # no scripts, nothing fetched
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert parser.tags.count("svg") >= 5  # heatmap, forecast, intervals, stability, time, simulation
    assert parser.tags.count("rect") >= 365  # one square per day of the heatmap
    text = " ".join(parser.text)
    assert "Mastery per mechanism" in text and "What sets the heart's rhythm?" in text
    assert "66.7%" in text and "(yours)" in text


def test_html_escapes_deck_text(home: Path, tmp_path: Path) -> None:
    deck = home / "heart.yaml"
    deck.write_text(deck.read_text().replace("What sets the heart's rhythm?", "<b>Bold</b> & co?"))
    target = tmp_path / "r.html"
    assert run(*AT, "--html", str(target))[0] == 0
    html = target.read_text()
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; co?" in html


def test_simulate(home: Path) -> None:
    code, output = run(*AT, "--simulate", "30")
    assert code == 0, output
    assert "Simulation of the next 30 days" in output
    for retention in ("80%", "85%", "90%", "95%"):
        assert f"│     {retention} │" in output
    assert "← yours" in output
    code, output = run(*AT, "--simulate", "30", "--json")
    runs = json.loads(output)["simulation"]["runs"]
    assert [r["desired_retention"] for r in runs] == [0.8, 0.85, 0.9, 0.95]
    assert all(len(r["days"]) == 30 for r in runs)


def test_help_is_fast_to_reach() -> None:
    result = CliRunner().invoke(cli, ["stats", "--help"])
    assert result.exit_code == 0 and "--simulate" in result.output and "--html" in result.output


