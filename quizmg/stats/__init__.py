"""Statistics from the review log: activity, streaks, forecast, true retention, card counts,
mastery per mechanism and tag, quiz history, and workload simulation.

Pure functions of plain data (store `Review` and `CardRecord` records, `Settings`, a `now`);
nothing here reads the clock, opens the database or imports click or rich:

    from quizmg.stats.report import StatsInput, build_report
    report = build_report(StatsInput(reviews, cards, questions, quizzes, settings, now))
    report.to_dict()                                 # every figure, for --json

Which reviews count where:
- activity (heatmap, streaks, time spent) counts every answer that was not undone, whatever
  its mode: a cram session or a quiz is study time too;
- true retention, predicted retention and the card states count only scheduling (study-mode)
  reviews: cram and quiz answers never move the schedule, so they are not part of it.
"""
