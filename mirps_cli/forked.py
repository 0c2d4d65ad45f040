"""Work in a forked child, where the system can fork (Linux).

Two jobs at once on two cores (`at_once`): the site's second language is written by a child
while this process writes the first (Python renders pages on one core). A step
apart (`started`): the report's tree is loaded and drafted in a child, which sends back
the draft alone; the memory of the tree goes back to the system with the child, where this
process could only keep it for its own later use (Python frees memory to itself, and Word's
XML is made by C code that cannot use it). The report's charts are drawn in a child too,
while this process makes the document.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from mirps_cli.loader.ahead import can_fork

T = TypeVar("T")
R = TypeVar("R")


def at_once(mine: Callable[[], T], theirs: Callable[[], R]) -> tuple[T, R]:
    """Both jobs' results: `theirs` in a forked child where the system can fork (`started`),
    `mine` here meanwhile (the site's two languages; a workbook or PO file read while the
    plans load). A child that fails costs only time: its job is done again here, where its
    error (a template's, a full disk, a refused file) is raised as usual. If `mine` fails,
    the child is stopped before the error goes on, so that nothing writes into the folder
    being removed."""
    pending = started(theirs) if os.cpu_count() != 1 else None
    if pending is None:
        return mine(), theirs()
    try:
        here = mine()
    except BaseException:
        pending.close()
        raise
    there = pending.result()
    return here, there if there is not None else theirs()


def mapped(work: Callable[[T], R], items: Sequence[T], size: Callable[[T], int]) -> list[R]:
    """`work` of each item, in order: about half of them (by `size`) by a forked child while
    this process does the rest, where the system can fork and has two cores. A child that
    fails costs only time: its share is done again here, where its error is raised."""
    if len(items) < 2 or os.cpu_count() == 1:
        return [work(item) for item in items]
    mine: list[int] = []
    theirs: list[int] = []
    load = [0, 0]
    for n in sorted(range(len(items)), key=lambda n: -size(items[n])):
        side = 0 if load[0] <= load[1] else 1
        (mine if side == 0 else theirs).append(n)
        load[side] += size(items[n])
    pending = started(lambda: [work(items[n]) for n in theirs])
    if pending is None:
        return [work(item) for item in items]
    results: dict[int, R] = {}
    try:
        for n in mine:
            results[n] = work(items[n])
    except BaseException:
        pending.close()
        raise
    there = pending.result()
    for n, result in zip(theirs, there if there is not None else [], strict=False):
        results[n] = result
    return [results[n] if n in results else work(items[n]) for n in range(len(items))]


class Pending(Generic[T]):
    """A child at work (`started`): its result when asked for."""

    def __init__(self, pid: int, reading: int) -> None:
        self.pid = pid
        self.reading = reading
        self.done = False

    def result(self) -> T | None:
        """Wait for the child: its result, or None if it did not finish."""
        self.done = True
        try:
            with os.fdopen(self.reading, "rb") as pipe:
                sent = pipe.read()
        except BaseException:  # Ctrl-C: the child is stopped with this process
            self._stop()
            raise
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not sent:
            return None
        result: T = pickle.loads(sent)
        return result

    def close(self) -> None:
        """Stop a child whose result was not asked for (the caller failed meanwhile)."""
        if not self.done:
            self.done = True
            os.close(self.reading)
            self._stop()

    def _stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def started(work: Callable[[], T]) -> Pending[T] | None:
    """`work` begun in a forked child while this process goes on; None where the system
    cannot fork. Its result comes back pickled, or None where the child did not finish (it
    raised, or was killed): the caller then does the work itself, and any error is raised
    there as usual. `work` must print nothing: the child's output could not be captured
    with this process's."""
    if not can_fork():
        return None
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()  # or the child would hold, and repeat, what is not yet written
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the result into the pipe, then out at once
        code = 1
        try:
            os.close(reading)
            done = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(done)
            code = 0
        finally:
            os._exit(code)  # no atexit, no flushing of the parent's buffers, no test teardown
    os.close(writing)
    return Pending(pid, reading)
