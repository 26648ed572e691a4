"""Stories and feed health as terminal text (the CLI and Discord-less `run`)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from feeds.ingest.urls import without_credentials
from feeds.roster import Roster
from storage.articles import SavedStory
from storage.feed_store import Feed


def story_line(saved: SavedStory, source: str, roster: Roster) -> str:
    story = saved.story
    published = story.published.date() if story.published else None
    riders = [roster.people[i].name for i in saved.tags.riders if i in roster.people]
    teams = [roster.teams[i].name_on(published) for i in saved.tags.teams if i in roster.teams]
    # The source is the feed's title, or its URL when it has none.
    lines = [f"* {_plain(story.title)}", f"  {url_text(source)}"]
    if story.published:
        lines[1] += f" · {story.published:%Y-%m-%d %H:%M} UTC"
    if saved.is_backlog:
        lines[1] += " · backlog"
    if story.url:
        lines.append(f"  {story.url}")
    if riders:
        lines.append(f"  riders: {', '.join(riders)}")
    if teams:
        lines.append(f"  teams: {', '.join(teams)}")
    for move in saved.tags.moves:
        lines.append(
            f"  transfer: {move.person}: {move.from_team or '?'} → {move.to_team or '?'}"
            f" · {move.status}"
        )
    return "\n".join(lines)


def feed_line(feed: Feed) -> str:
    state = "disabled" if feed.disabled_reason else "ok" if not feed.last_error else "failing"
    if (
        feed.last_error
        and feed.last_success_at
        and (feed.last_error_at or 0) < feed.last_success_at
    ):
        state = "ok"
    parts = [f"{url_text(feed.url)}  [{state}]"]
    if feed.title:
        parts.append(f"  title: {_plain(feed.title)}")
    parts.append(f"  last success: {_when(feed.last_success_at)}")
    if feed.last_error:
        parts.append(f"  last error: {_plain(feed.last_error)} ({_when(feed.last_error_at)})")
    if feed.disabled_reason:
        parts.append(f"  disabled: {_plain(feed.disabled_reason)}")
    else:
        parts.append(f"  next attempt: {_when(feed.next_attempt_at or None)}")
    return "\n".join(parts)


def _when(ts: float | None) -> str:
    if not ts:
        return "never" if ts is None else "now"
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def url_text(url: str) -> str:
    """A stored URL for the terminal: one line, without user name or password (rows
    stored before such URLs were refused)."""
    return without_credentials(_plain(url))


def _plain(text: str) -> str:
    # Terminal output: no control characters from feeds (escape sequences could rewrite the screen).
    return "".join(c if c.isprintable() else " " for c in text)


class Progress:
    """`polled 3/9 feeds` on one line of a terminal; silent when stderr is not a terminal."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.enabled = sys.stderr.isatty()

    def __call__(self, _report: object, done: int, total: int) -> None:
        if self.enabled and total > 1:
            end = "\n" if done == total else ""
            print(f"\r{self.what} {done}/{total} feeds", end=end, file=sys.stderr, flush=True)
