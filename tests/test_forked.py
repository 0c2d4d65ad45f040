"""Work in a forked child (forked.py): a step apart, its result sent back."""

from __future__ import annotations

import os
import time

import pytest

from mirps_cli import forked


def result(work: object) -> object:
    pending = forked.started(work)  # type: ignore[arg-type]
    assert pending is not None
    return pending.result()


def test_the_child_computes_and_sends_its_result_back() -> None:
    here = os.getpid()
    sent = result(lambda: (os.getpid(), [1, 2.5, "tres"]))
    assert isinstance(sent, tuple) and sent[0] != here and sent[1] == [1, 2.5, "tres"]


def test_a_child_that_fails_sends_nothing() -> None:
    def fails() -> int:
        raise RuntimeError("the child fails")

    assert result(fails) is None
    assert result(lambda: os._exit(3)) is None
    assert result(lambda: lambda: 1) is None  # a result that cannot be pickled


def test_a_child_whose_result_is_not_asked_for_is_stopped() -> None:
    pending = forked.started(lambda: time.sleep(60))
    assert pending is not None
    pending.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pending.pid, os.WNOHANG)  # reaped: gone, not left behind


def test_without_fork_the_work_is_left_to_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert forked.started(lambda: calls.append(1)) is None
    assert calls == []
