"""The bot token never shows up in logs, error messages or terminal output: start-up and
commands through the Discord stand-in with every logger at DEBUG, a refused login, a
failing command, bad settings, and the `domestique` command as a separate process."""

from __future__ import annotations

import asyncio
import logging
from unittest import mock

import aiohttp
import discord
import pytest

from bot.settings import SettingsError, load_settings
from tests.e2e.conftest import TOKEN
from tests.e2e.standin import MEMBER
from tests.e2e.test_standalone import bot_env, spawn, standalone, stop  # noqa: F401

WRONG_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-refused-by-the-stand-in"
WINDOW = 12


def leaks(text: str, token: str = TOKEN) -> bool:
    """The token, or any 12 characters of its secret part (after the encoded bot id):
    a log line that cut or shortened it still gives it away."""
    secret = token.split(".", 1)[1]
    return token in text or any(
        secret[i : i + WINDOW] in text for i in range(len(secret) - WINDOW + 1)
    )


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    """Formatted lines with tracebacks, plus raw arguments (a handler could print those)."""
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(repr(record.args))
        parts.append(str(record.msg))
    return "\n".join(parts)


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture, monkeypatch) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    for name in ("discord", "discord.http", "discord.gateway", "discord.client", "aiohttp"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    # The bot quiets discord.http to WARNING; an operator chasing a problem may not.
    monkeypatch.setattr(logging.getLogger("discord.http"), "setLevel", lambda level: None)
    return caplog


async def test_start_up_and_commands_log_no_token(make_bot, standin, debug_logs):
    bot = await make_bot()
    await standin.final(await standin.slash("about"))
    await standin.final(await standin.slash("rider", {"name": "cavendish"}))
    await standin.final(await standin.slash("track add", {"kind": "rider"}, permissions=MEMBER))
    with mock.patch.object(
        bot.lookups, "rider_page", side_effect=RuntimeError("database is on fire")
    ):
        failed = await standin.final(await standin.slash("rider", {"name": "pogacar"}))
    assert failed["content"].startswith("Sorry, something went wrong")
    await standin.reconnect()
    await standin.wait_for(lambda: standin.connected and bot.is_ready())
    await bot.close()
    logged = everything_logged(debug_logs)
    # The paths above really ran (and logged at DEBUG) ...
    assert "database is on fire" in logged and "Traceback" in logged
    assert any(r.name.startswith("discord.http") for r in debug_logs.records)
    assert any(r.name.startswith("discord.gateway") for r in debug_logs.records)
    # ... the stand-in accepted the token (it answers 401 to any other) ...
    assert standin.find("GET", "/users/@me")[0].status == 200
    # ... and it was never written down.
    assert not leaks(logged)


async def test_a_refused_login_names_no_token(make_bot, debug_logs):
    with pytest.raises(discord.LoginFailure) as refused:
        await make_bot(token=WRONG_TOKEN)
    said = f"{refused.value} {refused.value!r} {refused.value.__cause__!r}"
    assert not leaks(said, WRONG_TOKEN)
    assert not leaks(everything_logged(debug_logs), WRONG_TOKEN)


@pytest.mark.parametrize(
    "raw",
    [
        f"{TOKEN} trailing-words",  # a space inside: refused
        "short",
        f"\t{TOKEN}\nsecond line",
    ],
)
def test_a_refused_token_setting_is_not_repeated(raw):
    with pytest.raises(SettingsError) as refused:
        load_settings({"DISCORD_TOKEN": raw}, None)
    assert "DISCORD_TOKEN" in str(refused.value)
    assert not leaks(str(refused.value)) and "short" not in str(refused.value)


def test_other_settings_errors_do_not_repeat_the_token(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"DISCORD_TOKEN={TOKEN}\nDOMESTIQUE_POLL_MINUTES=soon\n")
    with pytest.raises(SettingsError) as refused:
        load_settings({}, dotenv)
    assert "DOMESTIQUE_POLL_MINUTES" in str(refused.value) and not leaks(str(refused.value))
    dotenv.write_text(f"{TOKEN}\n")  # the token pasted without its name
    with pytest.raises(SettingsError) as refused:
        load_settings({}, dotenv)
    assert not leaks(str(refused.value))


async def run_to_end(*args: str, env: dict[str, str], cwd) -> tuple[int, str]:
    process = await spawn(*args, env=env, cwd=cwd)
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode() + err.decode()


async def test_the_command_line_never_prints_the_token(standalone, tmp_path):  # noqa: F811
    """`domestique run` at DEBUG against the stand-in, answering a command; then a refused
    token for `run` and `sync`; then a configuration error."""
    env = bot_env(standalone, tmp_path, DOMESTIQUE_LOG_LEVEL="DEBUG", DOMESTIQUE_SYNC_COMMANDS="1")
    bot = await spawn("-m", "bot", "run", env=env, cwd=tmp_path)
    control = standalone["CONTROL_URL"]
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(200):
                async with http.get(f"{control}/state") as response:
                    state = await response.json()
                if (state["connected"] and "about" in state["global_commands"]) or (
                    bot.returncode is not None
                ):
                    break
                await asyncio.sleep(0.1)
            assert bot.returncode is None and state["connected"], state
            async with http.post(f"{control}/slash", json={"name": "about"}) as response:
                assert (await response.json())["message"]["embeds"][0]["title"] == "Domestique"
    finally:
        await stop(bot)
    out, err = await bot.communicate()
    printed = out.decode() + err.decode()
    assert "DEBUG" in printed  # it did log at DEBUG
    assert not leaks(printed)

    refused_env = {**bot_env(standalone, tmp_path), "DISCORD_TOKEN": WRONG_TOKEN}
    for command in ("run", "sync"):
        code, printed = await run_to_end("-m", "bot", command, env=refused_env, cwd=tmp_path)
        assert code != 0, printed
        assert not leaks(printed, WRONG_TOKEN), printed

    bad_env = {**bot_env(standalone, tmp_path), "DISCORD_TOKEN": f"{TOKEN} oops"}
    code, printed = await run_to_end("-m", "bot", "health", env=bad_env, cwd=tmp_path)
    assert code == 2 and "DISCORD_TOKEN" in printed
    assert not leaks(printed)
