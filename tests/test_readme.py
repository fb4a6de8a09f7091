"""The README stays true: its two commands are the ones CI runs, and its tour's commands work."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    """The fenced code blocks of one language, in order."""
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def quizmg_executable() -> str:
    found = Path(sys.executable).with_name("quizmg")
    return str(found) if found.exists() else (shutil.which("quizmg") or "quizmg")


def two_commands() -> tuple[str, str]:
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    install, test = re.findall(r"```sh\n(.*?)\n```", section, flags=re.DOTALL)
    return install.strip(), test.strip()


def test_ci_runs_the_readme_test_command() -> None:
    _, test_command = two_commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci, "the README's test command and .ci/run disagree"


def test_readme_main_command_runs(tmp_path: Path) -> None:
    install, _ = two_commands()
    assert "pip install ." in install
    command = shlex.split(install.split("&&")[-1].strip())
    assert command[0] == "quizmg"
    env = {**os.environ, "QUIZMG_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [quizmg_executable(), *command[1:]], capture_output=True, text=True, env=env, input="", timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def console_examples() -> list[tuple[str, list[str]]]:
    """Each `$ ...quizmg...` line of the README's console blocks with the output shown under it."""
    examples = []
    for block in blocks("console"):
        lines = block.splitlines()
        for index, line in enumerate(lines):
            if line.startswith("$ ") and "quizmg" in line:
                output = []
                for after in lines[index + 1 :]:
                    if after.startswith("$ "):
                        break
                    output.append(after)
                examples.append((line[2:], output))
    return examples


def test_the_tour_prints_what_the_readme_shows(tmp_path: Path) -> None:
    """Every command of the README, run in order in one fresh folder, as a newcomer would."""
    for text in blocks("yaml"):
        if text.startswith("id: broken"):
            (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    shutil.copy(REPO / "tests" / "data" / "documents" / "painkillers.md", tmp_path)
    bin_dir = str(Path(quizmg_executable()).parent)
    env = {
        **os.environ,
        "QUIZMG_HOME": str(tmp_path / "home"),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
    }
    examples = console_examples()
    assert len(examples) >= 10
    problems = []
    for command, shown in examples:
        result = subprocess.run(
            ["bash", "-c", command],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
        if "Traceback" in result.stderr:
            problems.append(f"{command}: traceback\n{result.stderr}")
        for line in shown:
            if line.strip() and "…" not in line and line.rstrip() not in printed:
                problems.append(f"{command}: README shows {line!r}; quizmg printed:\n" + "\n".join(printed))
    assert not problems, "\n\n".join(problems)
