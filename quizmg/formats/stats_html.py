"""The statistics report as one self-contained HTML file: inline SVG charts, inline CSS, no
scripts and nothing fetched from the network, so a teacher can keep or share it as it is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizmg.stats.mastery import MasteryRow
    from quizmg.stats.report import StatsReport
    from quizmg.stats.simulate import Comparison

HEAT_COLOURS = ("#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127")
CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5em 0; } td, th { padding: .25em .7em; border-bottom: 1px solid #eee; }
th { text-align: left; background: #f6f6f6; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.figures { display: flex; gap: 2em; flex-wrap: wrap; } .figure b { display: block; font-size: 1.6em; }
.muted { color: #777; font-size: .9em; } svg text { font-family: system-ui, sans-serif; }
"""


def _pct(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{100 * value:.{digits}f}%"


def heatmap_svg(days: Sequence[tuple[object, int]]) -> str:
    """A calendar heatmap: one column per week, Monday on top, a square per day."""
    from quizmg.stats.activity import heat_levels

    if not days:
        return ""
    cell, gap, left, top = 12, 2, 30, 18
    first_day = days[0][0]
    first = first_day - timedelta(days=first_day.weekday())  # type: ignore[attr-defined, operator]
    levels = heat_levels([count for _, count in days])
    weeks = (days[-1][0] - first).days // 7 + 1  # type: ignore[operator]
    width, height = left + weeks * (cell + gap), top + 7 * (cell + gap)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="Reviews per day">']
    for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
        parts.append(f'<text x="0" y="{top + row * (cell + gap) + 10}" font-size="10">{name}</text>')
    for (day, count), level in zip(days, levels, strict=True):
        offset = (day - first).days  # type: ignore[operator]
        x, y = left + (offset // 7) * (cell + gap), top + (offset % 7) * (cell + gap)
        if day.day == 1:  # type: ignore[attr-defined]
            parts.append(f'<text x="{x}" y="12" font-size="10">{day:%b}</text>')
        parts.append(f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" fill="{HEAT_COLOURS[level]}">'
                     f"<title>{day:%a %d %b %Y}: {count} answers</title></rect>")
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(values: Sequence[float], labels: Sequence[str], *, colour: str = "#3b82c4",
             height: int = 160, bar: int = 22, label_every: int = 1) -> str:
    """A vertical bar chart with the value over each bar and a label under every `label_every`-th."""
    top = max(values, default=0) or 1
    pad, axis = 16, 30
    width = len(values) * (bar + 4) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + axis + pad}" role="img">']
    for index, value in enumerate(values):
        h = (height - pad) * value / top
        x, y = 5 + index * (bar + 4), pad + (height - pad) - h
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}"/>')
        if value:
            parts.append(f'<text x="{x + bar / 2}" y="{y - 3:.1f}" font-size="9" text-anchor="middle">{value:g}</text>')
        if index % label_every == 0:
            parts.append(f'<text x="{x + bar / 2}" y="{height + 14}" font-size="9" text-anchor="middle">'
                         f"{escape(labels[index])}</text>")
    parts.append(f'<line x1="0" y1="{height}" x2="{width}" y2="{height}" stroke="#999"/></svg>')
    return "".join(parts)


def _recall_cell(value: float | None) -> str:
    if value is None:
        return '<td class="muted">not seen</td>'
    colour = "#239a3b" if value >= 0.85 else "#d4a017" if value >= 0.7 else "#c0392b"
    return (f'<td><svg xmlns="http://www.w3.org/2000/svg" width="104" height="12"><rect width="100" height="12" '
            f'fill="#eee"/><rect width="{100 * value:.1f}" height="12" fill="{colour}"/></svg> {_pct(value, 0)}</td>')


def _mastery_table(title: str, rows: Sequence[MasteryRow]) -> str:
    if not rows:
        return ""
    body = "".join(
        f"<tr><td>{escape(row.label)}</td>{_recall_cell(row.retrievability)}<td class='n'>{row.seen}</td>"
        f"<td class='n'>{row.unseen}</td><td>{escape(row.weakest[0].prompt) if row.weakest else ''}</td></tr>"
        for row in rows
    )
    return (f"<h2>{escape(title)}</h2><table><tr><th>Name</th><th>Recall now</th><th>Seen</th><th>New</th>"
            f"<th>Weakest question</th></tr>{body}</table>")


def stats_html(report: StatsReport, simulation: Comparison | None = None, title: str = "quizmg statistics") -> str:
    """The whole report as an HTML document."""
    fc, streak, spent, counts = report.forecast, report.streaks, report.time_spent, report.counts
    figures = [
        ("Streak", f"{streak.current} d"), ("Longest streak", f"{streak.longest} d"),
        ("Days studied", str(streak.days_studied)), ("Answers", f"{spent.reviews:,}"),
        ("Time", f"{spent.total_seconds / 3600:.1f} h"),
        ("Per answer", "–" if spent.seconds_per_review is None else f"{spent.seconds_per_review:.1f} s"),
        ("Due today", str(fc.today)), ("Due tomorrow", str(fc.tomorrow)),
    ]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1><p class='muted'>Study day {report.today:%A %d %B %Y}"
        + (f", reviews since {report.since:%Y-%m-%d}" if report.since else "") + "</p>",
        "<div class='figures'>" + "".join(f"<div class='figure'><b>{v}</b>{escape(k)}</div>" for k, v in figures)
        + "</div>",
        "<h2>Reviews per day, past year</h2>", heatmap_svg(report.heatmap),
        f"<h2>Due per day, next {len(fc.days)} days</h2>",
        bars_svg([c for _, c in fc.days], [f"{d:%d %b}" for d, _ in fc.days], label_every=7),
        f"<p>Today {fc.today} ({fc.overdue} overdue), tomorrow {fc.tomorrow}, new today {fc.new_today} "
        f"of {fc.new_available} unseen.</p>",
        "<h2>True retention</h2><p class='muted'>Reviews of graduated cards passed (any rating above Again); "
        "young: interval under 21 days. Predicted: FSRS's mean recall probability for the same reviews.</p>",
        "<table><tr><th>Period</th><th>Young</th><th>Mature</th><th>Total</th><th>Reviews</th><th>Predicted</th></tr>",
        "".join(
            f"<tr><td>{escape(r.period.capitalize())}</td><td class='n'>{_pct(r.young)}</td>"
            f"<td class='n'>{_pct(r.mature)}</td><td class='n'>{_pct(r.total)}</td><td class='n'>{r.reviews:,}</td>"
            f"<td class='n'>{_pct(r.predicted)}</td></tr>"
            for r in report.retention
        ),
        "</table><h2>Cards</h2><table><tr><th>State</th><th>Cards</th></tr>",
        "".join(f"<tr><td>{name}</td><td class='n'>{value:,}</td></tr>" for name, value in (
            ("New", counts.new), ("Learning", counts.learning), ("Review", counts.review),
            ("– young", counts.young), ("– mature", counts.mature), ("Relearning", counts.relearning),
            ("Suspended", counts.suspended), ("Buried", counts.buried), ("Leeches", counts.leech),
            ("Total", counts.total))),
        "</table><h3>Intervals</h3>",
        bars_svg([b.cards for b in report.intervals], [b.label for b in report.intervals], bar=46, height=120),
        "<h3>Stability</h3>",
        bars_svg([b.cards for b in report.stabilities], [b.label for b in report.stabilities], bar=46, height=120,
                 colour="#8e6cc4"),
        _mastery_table("Mastery per mechanism", report.mastery.by_mechanism),
        _mastery_table("Mastery per tag", report.mastery.by_tag),
        _mastery_table("Mastery per deck", report.mastery.by_deck),
    ]
    if report.mastery.weakest:
        parts.append("<h2>Revisit first</h2><table><tr><th>Recall now</th><th>Lapses</th><th>Question</th></tr>")
        parts += [f"<tr><td class='n'>{_pct(q.retrievability, 0)}</td><td class='n'>{q.lapses}</td>"
                  f"<td>{escape(q.prompt)}</td></tr>" for q in report.mastery.weakest]
        parts.append("</table>")
    days = list(report.activity.values())[-30:]
    if days:
        parts += ["<h2>Minutes per study day (last 30 study days)</h2>",
                  bars_svg([round(d.seconds / 60) for d in days], [f"{d.day:%d %b}" for d in days], bar=22,
                           label_every=5, colour="#e67e22")]
    if report.quizzes:
        parts.append("<h2>Quizzes</h2><table><tr><th>Finished</th><th>Deck</th><th>Score</th><th>%</th></tr>")
        parts += [f"<tr><td>{q.finished_at:%Y-%m-%d %H:%M}</td><td>{escape(q.deck)}</td>"
                  f"<td class='n'>{q.score:g}/{q.max_score:g}</td><td class='n'>"
                  f"{'–' if q.percent is None else f'{q.percent:.0f}'}</td></tr>" for q in report.quizzes]
        parts.append("</table>")
    if simulation is not None:
        parts.append(_simulation_html(simulation))
    parts.append("<p class='muted'>Made by quizmg from the review log.</p></body></html>")
    return "\n".join(parts)


def _simulation_html(comparison: Comparison) -> str:
    rows = "".join(
        f"<tr><td class='n'>{_pct(run.desired_retention, 0)}"
        f"{' (yours)' if abs(run.desired_retention - comparison.current) < 1e-9 else ''}</td>"
        f"<td class='n'>{run.reviews_per_day:.1f}</td><td class='n'>{run.minutes_per_day:.1f}</td>"
        f"<td class='n'>{_pct(run.pass_rate)}</td><td class='n'>{_pct(run.final_retention)}</td></tr>"
        for run in comparison.runs
    )
    mine = comparison.run_for(comparison.current)
    return (f"<h2>Simulation, next {len(mine.days)} days</h2><table><tr><th>Desired retention</th>"
            f"<th>Reviews/day</th><th>Minutes/day</th><th>Passed</th><th>Recall at end</th></tr>{rows}</table>"
            + bars_svg([d.reviews for d in mine.days], [str(d.day) for d in mine.days], bar=8,
                       label_every=max(1, len(mine.days) // 10)))


def write_stats_html(report: StatsReport, path: Path, simulation: Comparison | None = None) -> Path:
    """Write the HTML report to `path` (UTF-8)."""
    from quizmg.safe_files import write_text

    write_text(path, stats_html(report, simulation))
    return path
