"""`quizmg stats` in the terminal: heatmap, forecast, retention, cards, mastery, time, quizzes.

Everything reads at 80 columns and without colour: levels are drawn with distinct glyphs, colour
only adds to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from quizmg.stats.activity import heat_levels
from quizmg.stats.cards import Bucket
from quizmg.stats.mastery import MasteryRow, WeakQuestion
from quizmg.stats.report import StatsReport
from quizmg.stats.simulate import Comparison
from quizmg.ui.console import literal
from quizmg.words import plural

HEAT_GLYPHS = "·░▒▓█"  # no answers, then four levels
HEAT_STYLES = ("grey35", "green4", "green3", "green1", "bold bright_green")
BAR_GLYPHS = " ▁▂▃▄▅▆▇█"
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def percent(value: float | None, digits: int = 1) -> str:
    """0.8425 -> '84.3%'; None -> '-'."""
    return "-" if value is None else f"{100 * value:.{digits}f}%"


def duration(seconds: float) -> str:
    """A total time: '45s', '12m', '44.9h'."""
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    return f"{seconds / 3600:.1f}h"


def render_heatmap(days: Sequence[tuple[date, int]]) -> Text:
    """A calendar of the days: one column per week (Monday on top), months above."""
    if not days:
        return Text("no days")
    levels = dict(zip((day for day, _ in days), heat_levels([count for _, count in days]), strict=True))
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    weeks = (days[-1][0] - first).days // 7 + 1
    months = [" "] * weeks
    for week in range(weeks):
        monday = first + timedelta(days=7 * week)
        sunday = monday + timedelta(days=6)
        if sunday.day <= 7 and week + 3 <= weeks:  # a month begins this week: label it
            for offset, letter in enumerate(sunday.strftime("%b")):
                months[week + offset] = letter
    text = Text("    " + "".join(months) + "\n")
    for weekday in range(7):
        text.append(f"{WEEKDAYS[weekday]:<4}")
        for week in range(weeks):
            day = first + timedelta(days=7 * week + weekday)
            level = levels.get(day)
            if level is None:
                text.append(" ")
            else:
                text.append(HEAT_GLYPHS[level], style=HEAT_STYLES[level])
        text.append("\n")
    text.append("    less " + " ".join(HEAT_GLYPHS) + " more", style="dim")
    return text


def render_bars(values: Sequence[int], height: int = 6, width: int = 2) -> Text:
    """A vertical bar chart: one bar of `width` columns per value, eighth-block precision."""
    top = max(values, default=0) or 1
    text = Text()
    for row in range(height, 0, -1):
        label = str(top) if row == height else ("0" if row == 1 else "")
        text.append(f"{label:>5} ", style="dim")
        for value in values:
            eighths = round(8 * height * value / top) - 8 * (row - 1)
            glyph = BAR_GLYPHS[max(0, min(8, eighths))]
            if value > 0 and row == 1 and eighths <= 0:
                glyph = BAR_GLYPHS[1]  # a day with work never looks empty
            text.append(glyph * max(1, width - 1) + (" " if width > 1 else ""), style="cyan")
        text.append("\n")
    return text


def render_forecast(report: StatsReport) -> RenderableType:
    """Reviews due per day for the coming days, with today's and tomorrow's load."""
    fc = report.forecast
    values = [count for _, count in fc.days]
    chart = render_bars(values)
    axis = Text(" " * 6)
    for index, (day, _) in enumerate(fc.days):
        if index % 7 == 0:
            axis.append(f"{day:%d %b}"[:6].ljust(14)[:14] if index + 7 <= len(fc.days) else "")
    chart.append(axis.plain.rstrip() + "\n", style="dim")
    summary = Text.assemble(
        ("Today ", "bold"), f"{fc.today}", f" ({fc.overdue} overdue)" if fc.overdue else "",
        ("  Tomorrow ", "bold"), f"{fc.tomorrow}",
        ("  New today ", "bold"), f"{fc.new_today}/{fc.new_available}",
        (f"  {plural(len(values), 'day')} ", "bold"), f"{sum(values):,}",
    )
    return Group(chart, summary)


def render_retention(report: StatsReport) -> Table:
    """Anki's True Retention table, with the scheduler's prediction beside it."""
    table = Table(title="True retention (reviews of graduated cards)", title_justify="left", expand=False)
    for column in ("Period", "Young", "Mature", "Total", "Reviews", "Predicted"):
        table.add_column(column, justify="left" if column == "Period" else "right")
    for row in report.retention:
        table.add_row(row.period.capitalize(), percent(row.young), percent(row.mature), percent(row.total),
                      f"{row.reviews:,}", percent(row.predicted))
    return table


def _bucket_rows(buckets: Sequence[Bucket], width: int = 14) -> list[tuple[str, str, Text]]:
    top = max((b.cards for b in buckets), default=0) or 1
    return [(b.label, f"{b.cards:,}", Text("█" * round(width * b.cards / top), style="cyan")) for b in buckets]


def render_cards(report: StatsReport) -> Table:
    """Card counts by state beside the interval and stability distributions."""
    counts = report.counts
    table = Table(title="Cards", title_justify="left", show_header=True, expand=False)
    table.add_column("State")
    table.add_column("Cards", justify="right")
    table.add_column("Interval")
    table.add_column("", justify="right")
    table.add_column("", no_wrap=True)
    table.add_column("Stability", justify="right")
    states = [
        ("New", counts.new), ("Learning", counts.learning), ("Review", counts.review),
        (" young (<21d)", counts.young), (" mature", counts.mature), ("Relearning", counts.relearning),
        ("Suspended", counts.suspended), ("Buried", counts.buried), ("Leeches", counts.leech),
        ("Total", counts.total),
    ]
    intervals = _bucket_rows(report.intervals)
    stabilities = {label: cards for label, cards, _ in _bucket_rows(report.stabilities)}
    for index in range(max(len(states), len(intervals))):
        state, number = states[index] if index < len(states) else ("", None)
        label, cards, bar = intervals[index] if index < len(intervals) else ("", "", Text(""))
        table.add_row(state, "" if number is None else f"{number:,}", label, cards, bar, stabilities.get(label, ""))
    return table


def _recall_bar(value: float | None, width: int = 10) -> Text:
    if value is None:
        return Text("not seen", style="dim")
    filled = round(width * value)
    style = "green" if value >= 0.85 else "yellow" if value >= 0.7 else "red"
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), "dim"), f" {percent(value, 0):>4}")


def render_mastery(rows: Sequence[MasteryRow], title: str, limit: int = 12) -> Table:
    """Mastery rows, weakest first: mean recall now, cards seen and unseen, the weakest question."""
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Name", overflow="fold", max_width=30)
    table.add_column("Recall now", no_wrap=True)
    table.add_column("Seen", justify="right")
    table.add_column("New", justify="right")
    table.add_column("Weakest question", overflow="ellipsis", no_wrap=True, max_width=22)
    for row in rows[:limit]:
        weakest = row.weakest[0].prompt if row.weakest else ""
        table.add_row(literal(row.label), _recall_bar(row.retrievability), f"{row.seen}", f"{row.unseen}",
                      literal(weakest))
    if len(rows) > limit:
        table.caption = f"{len(rows) - limit} more in --json"
    return table


def render_weakest(questions: Sequence[WeakQuestion], limit: int = 5) -> Table:
    """The questions most likely forgotten now: what to revisit first."""
    table = Table(title="Revisit first (lowest recall now)", title_justify="left", expand=False)
    table.add_column("Recall", justify="right")
    table.add_column("Lapses", justify="right")
    table.add_column("Question", overflow="ellipsis", no_wrap=True, max_width=56)
    for question in questions[:limit]:
        table.add_row(percent(question.retrievability, 0), str(question.lapses), literal(question.prompt))
    return table


def render_time_and_quizzes(report: StatsReport) -> RenderableType:
    """Time spent, and the latest scored quizzes."""
    spent = report.time_spent
    modes = ", ".join(f"{count:,} {mode}" for mode, count in sorted(report.reviews_by_mode.items()))
    lines = Text.assemble(
        ("Time ", "bold"), duration(spent.total_seconds),
        f" over {plural(spent.days_studied, 'study day')}",
        f" ({spent.minutes_per_study_day:.0f} min a day" if spent.minutes_per_study_day is not None else "",
        f", {spent.seconds_per_review:.1f}s per answer)" if spent.seconds_per_review is not None else "",
        ("\nAnswers ", "bold"), f"{spent.reviews:,}" + (f" ({modes})" if modes else ""),
    )
    if not report.quizzes:
        return Group(lines, Text("No quizzes yet: `quizmg quiz DECK` gives a scored one.", style="dim"))
    table = Table(title="Quizzes", title_justify="left", expand=False)
    for column in ("Finished", "Deck", "Score", "%", "Minutes"):
        table.add_column(column, justify="right" if column in ("Score", "%", "Minutes") else "left")
    for quiz in report.quizzes[-8:]:
        table.add_row(f"{quiz.finished_at:%Y-%m-%d %H:%M}", literal(quiz.deck), f"{quiz.score:g}/{quiz.max_score:g}",
                      "-" if quiz.percent is None else f"{quiz.percent:.0f}", f"{quiz.minutes:.1f}")
    return Group(lines, table)


def render_report(console: Console, report: StatsReport, title: str = "quizmg statistics") -> None:
    """Print the whole report."""
    streak = report.streaks
    console.print(Text.assemble(
        (title, "bold"), f"  ·  study day {report.today:%a %d %b %Y}",
        f"  ·  since {report.since:%Y-%m-%d}" if report.since else "",
    ))
    console.print()
    console.print(Text("Reviews per day, past year", style="bold"))
    console.print(render_heatmap(report.heatmap))
    console.print(Text.assemble(
        ("Streak ", "bold"), f"{streak.current} day{'s' * (streak.current != 1)}",
        ("   Longest ", "bold"), f"{streak.longest} day{'s' * (streak.longest != 1)}",
        f" (to {streak.longest_end:%d %b %Y})" if streak.longest_end else "",
        ("   Days studied ", "bold"), f"{streak.days_studied}",
    ))
    console.print()
    console.print(Text(f"Due per day, next {len(report.forecast.days)} days", style="bold"))
    console.print(render_forecast(report))
    console.print()
    console.print(render_retention(report))
    console.print()
    console.print(render_cards(report))
    console.print()
    mastery = report.mastery
    if mastery.by_mechanism:
        console.print(render_mastery(mastery.by_mechanism, "Mastery per mechanism (weakest first)"))
        console.print()
    if mastery.by_tag:
        console.print(render_mastery(mastery.by_tag, "Mastery per tag (weakest first)"))
        console.print()
    if mastery.by_deck:
        console.print(render_mastery(mastery.by_deck, "Mastery per deck"))
        console.print()
    if mastery.weakest:
        console.print(render_weakest(mastery.weakest))
        console.print()
    console.print(render_time_and_quizzes(report))


def render_simulation(console: Console, comparison: Comparison) -> None:
    """The simulated workload and retention at each desired retention, the learner's marked."""
    days = len(comparison.runs[0].days) if comparison.runs else 0
    console.print(Text(f"Simulation of the next {days} days", style="bold"))
    habits = comparison.habits
    console.print(Text(
        f"Start: {comparison.cards:,} seen cards, {comparison.new_cards:,} new.\n"
        f"Your habits: {habits.seconds_per_answer:.1f}s an answer, {habits.answers_per_new_card:.1f} answers "
        "a new card" + ("" if habits.measured else " (defaults: the log is still short)") + ".",
        style="dim",
    ))
    table = Table(expand=False)
    for column in ("Desired", "Reviews/day", "Minutes/day", "Passed", "Recall at end", ""):
        table.add_column(column, justify="right" if column else "left")
    for run in comparison.runs:
        mine = abs(run.desired_retention - comparison.current) < 1e-9
        table.add_row(percent(run.desired_retention, 0), f"{run.reviews_per_day:.1f}", f"{run.minutes_per_day:.1f}",
                      percent(run.pass_rate), percent(run.final_retention), "← yours" if mine else "",
                      style="bold" if mine else None)
    console.print(table)
    own = comparison.run_for(comparison.current)
    console.print(Text(f"Reviews per day at {percent(comparison.current, 0)}", style="bold"))
    console.print(render_bars([day.reviews for day in own.days[:60]], height=5, width=1 if days > 30 else 2))
    console.print(Text(
        "More desired retention buys a little more recall with many more reviews.\n"
        "Change it with `quizmg config desired_retention 0.85`.", style="dim"))
