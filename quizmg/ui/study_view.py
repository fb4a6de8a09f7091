"""A study session in the terminal: one card at a time, rated, with undo, suspend and bury.

While an answer is being typed, letters are answers (b can be a choice), so commands are typed
with a colon: `:u`, `:s`, `:b`, `:q`. At every single-key prompt (reveal, rating) the plain
keys u, s, b, q and ? work. True/false and one-answer choice cards are answered at one key in a
terminal, as in a quiz (quizmg.ui.ask.one_key_answers).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from rich.console import Console

from quizmg.scheduling.memory import Rating
from quizmg.study.asking import Asked
from quizmg.study.grading import Unreadable
from quizmg.study.session import SessionOver, StudySession
from quizmg.ui.ask import (
    clock_text,
    deck_text,
    glyphs,
    hint,
    one_key_answers,
    render_answer,
    render_explanation,
    render_question,
    render_verdict,
)
from quizmg.ui.keyboard import ENTER, STRAY_ENTER_SECONDS, EndOfInput, Keyboard

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
COMMANDS = {"u": "undo", "s": "suspend", "b": "bury", "q": "quit", "?": "help"}
MEDIA_KEY = "o"  # at the reveal and rating prompts: open the card's image or sound (h14)

HELP = """[bold]Keys[/bold]
  Enter, Space  show the answer (basic and cloze cards)
  1 2 3 4       rate: Again, Hard, Good, Easy
  Enter         accept the proposed rating
  u  undo the last action    s  suspend this card
  b  bury until tomorrow     q  quit (answers are saved)
  ?  this help               o  open the card's image or sound
While typing an answer, commands take a colon: :u :s :b :q
(a plain letter works where it cannot be an answer, e.g. q at a true/false card)
true/false and one-answer choice cards take one key, no Enter: t / f, a-i or 1-9;
mcq with several answers: letters or numbers (a c);
order: step numbers (3 1 2); match: pairs (1b 2a)."""


class Quit(Exception):
    """The learner asked to stop."""


class _Command(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def run_session(
    console: Console,
    keyboard: Keyboard,
    session: StudySession,
    *,
    now: Callable[[], datetime],
    source_titles: dict[str, str | None],
) -> str:
    """Study until the queue is empty, a limit is reached, or the learner stops; why it ended."""
    while True:
        try:
            asked = session.next_card(now())
        except SessionOver as over:
            return str(over)
        try:
            _study_card(console, keyboard, session, asked, now, source_titles.get(asked.deck_id))
        except _Command as command:
            if command.name == "quit":
                return _stopped(session, now)
            _apply(console, session, command.name, now)
        except Quit:
            return _stopped(session, now)
        except (KeyboardInterrupt, EndOfInput):
            console.print()
            return _stopped(session, now)


def _stopped(session: StudySession, now: Callable[[], datetime]) -> str:
    """The learner stopped; an answer given but not yet rated keeps its proposed rating."""
    session.keep_at_stop(now())
    return "you stopped"


def _card_name(console: Console, session: StudySession, key: str) -> str:
    """A card as the learner knows it: the start of its prompt and its key."""
    asked = session.asked
    prompt = asked.prompt() if asked is not None and asked.key == key else ""
    if len(prompt) > 50:
        prompt = prompt[:49].rstrip() + "…"
    named = f'"{prompt}" ' if prompt else ""
    return deck_text(console, f"{named}({key})")


UNDONE = {"answer": "your answer to", "suspend": "the suspension of", "bury": "the burial of"}


def _apply(console: Console, session: StudySession, name: str, now: Callable[[], datetime]) -> None:
    if name == "undo":
        undone = session.undo(now())
        if undone is None:
            console.print("[yellow]Nothing to undo in this session.[/yellow]")
        else:
            what, key = undone
            console.print(f"[yellow]Undone: {UNDONE[what]} {deck_text(console, key)}; that card comes again.[/yellow]")
    elif name == "suspend" and session.current is not None:
        named = _card_name(console, session, session.current.key)
        key = session.suspend(now())
        console.print(
            f"[yellow]Suspended {named}: it will not come up until you unsuspend it "
            f"(u undoes this; later: quizmg unsuspend {deck_text(console, key)}).[/yellow]"
        )
    elif name == "bury" and session.current is not None:
        named = _card_name(console, session, session.current.key)
        session.bury(now())
        console.print(f"[yellow]Buried {named} until tomorrow (u undoes this).[/yellow]")


def progress_line(session: StudySession) -> str:
    """Done so far and what is left in each queue."""
    left = session.counts()
    done = len(session.summary.answered)
    return (
        f"done {done}  [blue]learning {left['learning']}[/blue]  "
        f"[green]review {left['review']}[/green]  [cyan]new {left['new']}[/cyan]"
    )


def _header(console: Console, session: StudySession, asked: Asked) -> str:
    mechanism = asked.question.mechanism
    dot = glyphs(console).dot
    where = f"{deck_text(console, asked.deck_id)}"
    if mechanism:
        where += f" {dot} {deck_text(console, mechanism)}"
    mode = " [magenta]cram[/magenta]" if session.mode == "cram" else ""
    return f"{where} {dot} {asked.kind}{mode}"


def _key(keyboard: Keyboard, prompt: str, allowed: str) -> str:
    """A key among `allowed` (or a command key); commands raise _Command."""
    while True:
        key = keyboard.key(prompt)
        if key in allowed:
            return key
        if key in COMMANDS:
            raise _Command(COMMANDS[key])
        if key == MEDIA_KEY:
            raise _Command("open")


def _opened(console: Console, session: StudySession, asked: Asked | None, *, revealed: bool = False) -> str:
    """Open the card's media with the system's viewer; what happened, as printable text. An Image
    Occlusion card opens its image with the card's masks drawn (uncovered once `revealed`)."""
    from quizmg.model import Occlusion
    from quizmg.ui.media_view import media_files, occlusion_page, open_media

    bank = session.banks.get(asked.deck_id) if asked is not None else None
    if asked is not None and bank is not None and isinstance(asked.question, Occlusion):
        page = occlusion_page(asked.question, asked.ordinal, bank.path, reveal=revealed)
        if page is None:
            return deck_text(console, f"The image of this card is missing: {asked.question.image_src()}")
        return deck_text(console, f"{open_media([page])} ({page})")
    paths = media_files(asked.question, bank.path) if asked is not None and bank is not None else []
    return deck_text(console, open_media(paths))


def _study_card(
    console: Console,
    keyboard: Keyboard,
    session: StudySession,
    asked: Asked,
    now: Callable[[], datetime],
    source_title: str | None,
) -> None:
    render_question(console, asked, _header(console, session, asked), f"[dim]{progress_line(session)}[/dim]")
    shown = time.monotonic()
    proposed: int | None = None
    one_key = False
    if asked.self_rated:
        while True:
            try:
                _key(keyboard, f"[dim]{hint(asked)}  (? for keys)[/dim] ", ENTER + " ")
                break
            except _Command as command:
                if command.name not in ("help", "open"):
                    raise
                console.print(HELP if command.name == "help" else _opened(console, session, asked))
        render_answer(console, asked)
        render_explanation(console, asked, source_title)
    else:
        keys = one_key_answers(asked) if keyboard.interactive else ""
        one_key = bool(keys)
        given = _one_key_answer(console, keyboard, asked, keys) if keys else _typed_answer(console, keyboard, asked)
        seconds = time.monotonic() - shown
        while True:
            try:
                grade, proposed = session.grade_answer(given, seconds, now())
                break
            except Unreadable as problem:
                console.print(f"[yellow]{deck_text(console, str(problem))}[/yellow]")
                given = _typed_answer(console, keyboard, asked)
                seconds = time.monotonic() - shown
        render_verdict(console, asked, grade)
        render_explanation(console, asked, source_title)
    rating = _choose_rating(console, keyboard, session, now(), proposed, one_key=one_key)
    seconds = time.monotonic() - shown
    recorded = session.rate(rating, seconds, now())
    if getattr(recorded, "became_leech", False):
        console.print(
            "[yellow]This card keeps slipping away (a leech)"
            + (": it is suspended." if recorded.suspended else ".")
            + "[/yellow]"
        )


def _typed_answer(console: Console, keyboard: Keyboard, asked: Asked) -> str:
    """A typed answer; `:u`-style commands and `?` are handled here."""
    while True:
        text = keyboard.line(f"[dim]{hint(asked)}[/dim] [bold]>[/bold] ")
        word = text.strip().lower()
        if word in ("?", ":?", ":h"):
            console.print(HELP)
            continue
        if word.startswith(":") and word[1:2] in COMMANDS:
            raise _Command(COMMANDS[word[1:2]])
        if word in COMMANDS and not _is_answer(asked, text):
            # A plain `q` at a true/false or choice prompt cannot be an answer: take it as meant.
            raise _Command(COMMANDS[word])
        if not word:
            continue
        return text


def _one_key_answer(console: Console, keyboard: Keyboard, asked: Asked, keys: str) -> str:
    """The answer to a true/false or one-answer choice card, at one key (as in a quiz): no
    answer to these is longer. Other keys are commands; `:b` buries even where b is a choice."""
    while True:
        key, colon = keyboard.command_key(f"[dim]{hint(asked)}, ? keys[/dim] [bold]>[/bold] ")
        if key in keys and not colon:
            return key
        if key in ("?", "h"):
            console.print(HELP)
        elif key in COMMANDS:
            raise _Command(COMMANDS[key])


def _is_answer(asked: Asked, text: str) -> bool:
    """True when `text` reads as an answer to this card (right or wrong)."""
    try:
        asked.grade(text)
    except Unreadable:
        return False
    return True


def _choose_rating(
    console: Console, keyboard: Keyboard, session: StudySession, now: datetime, proposed: int | None,
    *, one_key: bool = False,
) -> int:
    """The learner's rating: a key 1-4, or Enter for the proposed one (not an Enter typed out of
    habit right after a one-key answer: see STRAY_ENTER_SECONDS)."""
    intervals = session.intervals(now)
    buttons = []
    for value, name in RATING_NAMES.items():
        label = f"[bold]{value}[/bold] {name}"
        if value in intervals:
            label += f" [dim]{_interval(intervals[value], now)}[/dim]"
        if value == proposed:
            label = f"[reverse]{label}[/reverse]"
        buttons.append(label)
    accept = f"Enter: {RATING_NAMES[proposed]}  " if proposed else ""
    console.print("  ".join(buttons))
    proposal = session.proposal
    if proposal is not None:
        console.print(f"[dim]Proposed {RATING_NAMES[proposal.rating]}: {proposal.why}.[/dim]")
    shown = time.monotonic()
    while True:
        try:
            key = _key(keyboard, f"[dim]{accept}1-4 rate, u undo, s suspend, b bury, q quit[/dim] ", "1234" + ENTER)
        except _Command as command:
            if command.name in ("help", "open"):
                if command.name == "help":
                    console.print(HELP)
                else:
                    console.print(_opened(console, session, session.asked, revealed=True))
                continue
            raise
        if key == ENTER:
            if proposed is not None and not (one_key and time.monotonic() - shown < STRAY_ENTER_SECONDS):
                return proposed
            continue
        return int(Rating(int(key)))


def _interval(due: datetime, now: datetime) -> str:
    from quizmg.scheduling.scheduler import interval_text

    return interval_text(due - now)


def render_summary(
    console: Console,
    session: StudySession,
    ended: str,
    finished: datetime,
    next_due: datetime | None,
    due_now: int,
) -> None:
    """Cards studied, accuracy, time, the ratings given, and what is due next and when."""
    summary = session.summary
    console.print()
    console.rule("Session over", align="left", characters=glyphs(console).rule)
    spent = clock_text((finished - session.started).total_seconds())
    if not summary.answered:
        console.print(f"No cards answered ({ended}).")
    else:
        accuracy = summary.accuracy or 0.0
        cards = f"{summary.studied} card{'s' if summary.studied != 1 else ''}"
        console.print(f"[bold]{cards}[/bold] in {spent}, {accuracy:.0%} right [dim]({ended})[/dim]")
        counts = summary.ratings()
        console.print("  ".join(f"{RATING_NAMES[value]} {counts[value]}" for value in RATING_NAMES))
        if summary.kept_at_stop:
            console.print(
                f"The answer you gave before stopping is counted, with its proposed rating "
                f"({RATING_NAMES[summary.answered[-1].rating]})."
            )
    if summary.suspended or summary.buried:
        console.print(f"Suspended {summary.suspended}, buried {summary.buried}.")
    if due_now:
        console.print(f"Still due now: {due_now}. Run [bold]quizmg study[/bold] again to go on.")
    elif next_due is not None:
        local = next_due.astimezone()
        console.print(f"Next card due {_interval_from(next_due, finished)}, at {local:%a %H:%M}.")
    else:
        console.print("Nothing else is due.")


def _interval_from(due: datetime, now: datetime) -> str:
    text = _interval(due, now) if due > now else "now"
    return f"in {text}" if due > now else text
