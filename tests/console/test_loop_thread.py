"""``LoopThread``: the console's event loop in a background thread, left in good order."""

from __future__ import annotations

import asyncio

import pytest

from bot.console.terminal import LoopThread


def test_leaving_finishes_the_work_an_interrupted_wait_left_behind():
    """Ctrl-C while the console starts: ``run`` stops waiting and cancels the start-up, whose clean-up
    (closing the bot, its sessions and tasks) still needs the loop. Leaving runs it to the end, so
    nothing is reported destroyed while pending or unclosed."""
    steps: list[str] = []
    background: list[asyncio.Task[None]] = []

    async def start_up() -> None:
        background.append(asyncio.create_task(asyncio.sleep(3600), name="retention purge"))
        try:
            await asyncio.sleep(3600)
        finally:
            steps.append("cancelled")
            await asyncio.sleep(0.05)  # closing takes the loop a while
            steps.append("closed")

    with LoopThread() as runner:
        with pytest.raises(TimeoutError):  # as KeyboardInterrupt does, a timeout cancels the coroutine
            runner.run(start_up(), timeout=0.2)
    assert steps == ["cancelled", "closed"]
    assert background[0].cancelled()


def test_leaving_returns_with_the_loop_closed():
    with LoopThread() as runner:
        assert runner.run(asyncio.sleep(0, result=42)) == 42
    assert runner.loop.is_closed()


@pytest.mark.filterwarnings("ignore:coroutine 'sleep' was never awaited")
def test_a_wait_ends_with_an_error_if_the_loop_thread_has_ended():
    """Were the loop's thread to end (rich's SystemExit on a broken pipe once did, from a task),
    nothing would finish the future: ``run`` says so instead of waiting for ever."""
    from bot.errors import FlaskVsDjangoError

    with LoopThread() as runner:
        runner.loop.call_soon_threadsafe(runner.loop.stop)
        runner._thread.join(timeout=5)
        with pytest.raises(FlaskVsDjangoError, match="event loop stopped"):
            runner.run(asyncio.sleep(0))
