"""Answers under way when the bot closes.

discord.py runs each interaction, and each event handler (the notices step after an answer
is `on_app_command_completion`), as a task of its own that `Client.close()` neither waits
for nor cancels. Left running, one goes on writing to storage after its owner closed it."""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)

ANSWER_GRACE_S = 10.0
"""How long closing waits for answers under way before it goes on without them."""

ANSWER_TASKS = (
    "CommandTree-invoker",
    "discord.py: ",
    "discord-ui-view-dispatch",
    "discord-ui-modal-dispatch",
)
"""discord.py's names for those tasks (a view's timeout task is left out: it waits for
minutes and writes nothing)."""


def answers_under_way() -> set[asyncio.Task]:
    me = asyncio.current_task()
    return {
        task
        for task in asyncio.all_tasks()
        if task is not me and not task.done() and task.get_name().startswith(ANSWER_TASKS)
    }


async def answers_finished(grace_s: float) -> None:
    """Wait up to `grace_s` for the interactions and event handlers under way."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace_s
    while under_way := answers_under_way():
        left = deadline - loop.time()
        if left <= 0:
            log.warning("%d answer(s) still under way after %.0f s", len(under_way), grace_s)
            return
        await asyncio.wait(under_way, timeout=left)
