"""The slack-bolt code our fast paths mirror is still the code they were checked against.

``bot/fast_ack.py``, ``bot/fast_args.py``, ``bot/fast_match.py``, ``bot/form.py`` and
``bot.http.bolt_request`` copy or stand in for pieces of Bolt (its listener runner,
ack, argument injection, matchers, body parse and request constructor). Their other
tests compare behaviour on every fixture payload; this one catches what those
cannot: a Bolt release that changes one of those pieces in a way no fixture shows
(a new handler call, a new argument, a new content type). pyproject.toml keeps
slack-bolt below 1.31 for the same reason.

When it fails after upgrading slack-bolt: read the new source of the named function,
bring the named file of ours in line with it (or drop the fast path), then put the new
digest here.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import textwrap

import pytest
import slack_bolt.version

# (module, qualified name, digest of its source in slack-bolt 1.30.0, what of ours mirrors it)
MIRRORED = [
    ("slack_bolt.listener.asyncio_runner", "AsyncioListenerRunner.run", "3623a5cfd8e333f8",
     "bot/fast_ack.py: FastAckListenerRunner.run copies it, the ack wait aside"),
    ("slack_bolt.context.ack.async_ack", "AsyncAck.__call__", "c257cf3ae9009b8d",
     "bot/fast_ack.py: SignallingAck.__call__ builds the same body for text + Block Kit dicts"),
    ("slack_bolt.context.ack.internals", "_set_response", "e6f6145c2c577d2e",
     "bot/fast_ack.py: SignallingAck.__call__ builds the same body for text + Block Kit dicts"),
    ("slack_bolt.request.async_request", "AsyncBoltRequest.__init__", "cdb1ed8c08897a0b",
     "bot/http.py: bolt_request builds the request as this constructor does"),
    ("slack_bolt.request.internals", "parse_body", "064999f8b3911552",
     "bot/form.py: parse_body returns what this returns"),
    ("slack_bolt.kwargs_injection.async_utils", "build_async_required_kwargs", "8c61df75f5fed4b1",
     "bot/fast_args.py: _ARGUMENTS builds ack, body, client, context, event, command, action as this does"),
    ("slack_bolt.listener.async_listener", "AsyncCustomListener.__init__", "286be325ecd61b82",
     "bot/fast_args.py: DirectListener copies the attributes this sets"),
    ("slack_bolt.listener.async_listener", "AsyncCustomListener.run_ack_function", "b4faaf5703a8f125",
     "bot/fast_args.py: DirectListener.run_ack_function replaces it"),
    ("slack_bolt.listener_matcher.async_builtins", "AsyncBuiltinListenerMatcher.async_matches", "a0c6b2437f002e6e",
     "bot/fast_match.py: BodyMatcher.async_matches replaces it"),
]


def source_digest(module: str, qualname: str) -> str:
    """sha256 of the function's source, indentation, trailing spaces and blank lines aside."""
    obj = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    lines = textwrap.dedent(inspect.getsource(obj)).splitlines()
    return hashlib.sha256("\n".join(line.rstrip() for line in lines if line.strip()).encode()).hexdigest()[:16]


@pytest.mark.parametrize("module, qualname, digest, ours", MIRRORED, ids=[m[1] for m in MIRRORED])
def test_the_bolt_code_we_mirror_is_unchanged(module, qualname, digest, ours):
    assert source_digest(module, qualname) == digest, (
        f"slack-bolt {slack_bolt.version.__version__} changed {module}.{qualname}, which {ours}. "
        "Compare the two, bring ours in line, then update the digest in this test."
    )


def test_a_changed_function_is_noticed():
    """The digest reads the code, not only the name: a different function gives a different one."""
    assert source_digest("slack_bolt.request.internals", "parse_body") != source_digest(
        "slack_bolt.request.internals", "parse_query")
