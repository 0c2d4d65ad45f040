"""Two jobs at once on two cores: the site's second language is written by a forked child
while this process writes the first (Python renders pages on one core)."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable

from mirps_cli.loader.ahead import can_fork


def at_once(mine: Callable[[], int], theirs: Callable[[], int]) -> tuple[int, int]:
    """Both jobs' results: `theirs` in a forked child where the system can fork (its result
    back through a pipe), `mine` here meanwhile. A child that fails costs only time: its job
    is done again here, where its error (a template's, a full disk) is raised as usual. If
    `mine` fails, the child is stopped before the error goes on, so that nothing writes into
    the folder being removed."""
    if not can_fork() or os.cpu_count() == 1:
        return mine(), theirs()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its job, its result into the pipe, then out at once
        code = 1
        try:
            os.close(reading)
            result = theirs()
            with os.fdopen(writing, "w") as pipe:
                pipe.write(json.dumps(result))
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    try:
        here = mine()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(reading)
        raise
    with os.fdopen(reading) as pipe:
        said = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not said:
        return here, theirs()
    return here, int(json.loads(said))
