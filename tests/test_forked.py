"""Work in a forked child (forked.py): a step apart, its result sent back."""

from __future__ import annotations

import os

import pytest

from mirps_cli import forked


def test_apart_returns_what_the_child_computed() -> None:
    here = os.getpid()
    sent = forked.apart(lambda: (os.getpid(), [1, 2.5, "tres"]))
    assert sent is not None and sent[0] != here and sent[1] == [1, 2.5, "tres"]


def test_apart_is_none_when_the_child_fails_or_cannot_be() -> None:
    def fails() -> int:
        raise RuntimeError("the child fails")

    assert forked.apart(fails) is None
    assert forked.apart(lambda: os._exit(3)) is None
    unpicklable = forked.apart(lambda: lambda: 1)
    assert unpicklable is None


def test_apart_without_fork_leaves_the_work_to_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert forked.apart(lambda: calls.append(1)) is None
    assert calls == []
