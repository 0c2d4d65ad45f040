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


def test_mapped_work_comes_back_in_order_from_both_processes() -> None:
    items = list(range(9))
    done = forked.mapped(lambda n: (n * n, os.getpid()), items, lambda n: n + 1)
    assert [square for square, _ in done] == [n * n for n in items]
    assert len({pid for _, pid in done}) == 2  # about half of it in the child


def test_mapped_work_a_child_failed_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    here = os.getpid()

    def only_here(n: int) -> int:
        if os.getpid() != here:
            raise RuntimeError("the child fails")
        return -n

    assert forked.mapped(only_here, [1, 2, 3, 4], lambda n: n) == [-1, -2, -3, -4]
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert forked.mapped(only_here, [5, 6], lambda n: n) == [-5, -6]


def test_mapped_work_that_fails_here_stops_the_child() -> None:
    def fails_here(n: int) -> int:
        if n == 0:
            raise ValueError("here")
        time.sleep(60 if n == 1 else 0)
        return n

    started = time.monotonic()
    with pytest.raises(ValueError, match="here"):
        forked.mapped(fails_here, [0, 1], lambda n: 1 if n == 0 else 0)
    assert time.monotonic() - started < 30  # the child sleeping a minute was stopped
