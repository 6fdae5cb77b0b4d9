"""Execute notebooks top to bottom in a fresh kernel, with bounded waits and printed timings.

Usage: python scripts/run_notebooks.py [PATH ...]   (notebooks or folders; default: notebooks/)

The tests, CI and ``scripts/build_notebooks.py`` all execute notebooks through :func:`execute`.
Requires the ``notebooks`` extra.

Why not a bare ``NotebookClient(nb).execute()``: now and then (about one run in ten here) the
reply to a cell that opens widgets (notebook 01's ``ipywidgets.interact`` slider) reaches the
client's shell socket but the client is not woken to read it. The kernel is idle, every output
and the ``idle`` status have arrived, and the client sleeps until the cell's timeout expires;
only the final poll at that deadline reads the reply, so the run then goes on without an error.
With a 120 s or 300 s timeout that is a silent stall of two or five minutes with the CPU idle.
Measured with py-spy and zmq: eight seconds into such a stall the kernel's threads all sit idle
in ``select`` and the client's shell socket reports ``POLLIN`` (the reply is there, unread).
The fix here polls the shell and IOPub channels in short slices, so a reply that arrived
unannounced is read within :data:`POLL` seconds; the kernel start and every cell also get
explicit, short timeouts that fail with the notebook and cell named, and a kernel that does not
start is replaced once.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from queue import Empty
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

ROOT = Path(__file__).resolve().parent.parent

STARTUP_TIMEOUT = 60
"""Seconds for a kernel to start and answer ``kernel_info`` (a cold start here takes 1-3 s)."""

CELL_TIMEOUT = 60
"""Seconds for one cell (the slowest cell of any notebook takes about 2 s)."""

NOTEBOOK_TIMEOUT = 180
"""Seconds for a whole notebook, kernel start included (each takes 4-10 s); CI allows 300."""

POLL = 0.5
"""Seconds between two reads of a kernel channel while waiting for a message."""


class BoundedClient(NotebookClient):
    """A ``NotebookClient`` whose channel reads cannot miss a message that has already arrived."""

    async def async_start_new_kernel_client(self) -> Any:
        """Start the kernel client as usual, then poll its shell and IOPub channels in slices."""
        kc = await super().async_start_new_kernel_client()
        for channel in (kc.shell_channel, kc.iopub_channel):
            channel.get_msg = _slice(channel.get_msg)
        return kc


def _slice(get_msg_once: Callable[..., Awaitable[dict[str, Any]]]) -> Callable[..., Awaitable[dict[str, Any]]]:
    """Wrap a channel's ``get_msg`` so that it reads every :data:`POLL` seconds until its timeout."""

    async def get_msg(timeout: float | None = None) -> dict[str, Any]:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            step = POLL if deadline is None else max(0.0, min(POLL, deadline - time.monotonic()))
            try:
                return await get_msg_once(timeout=step)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    return get_msg


class NotebookError(RuntimeError):
    """A notebook did not run to its end: which one, where and why."""


def execute(nb: nbformat.NotebookNode, cwd: Path, *, name: str = "notebook", **options: Any) -> list[float]:
    """Execute a notebook in place in a fresh kernel started in ``cwd``; returns each code cell's seconds.

    Raises :class:`NotebookError` naming the notebook and the cell when the kernel does not start
    (after one retry with a fresh kernel), a cell runs past :data:`CELL_TIMEOUT`, or the notebook
    runs past :data:`NOTEBOOK_TIMEOUT`. Other errors (a cell raising) propagate as nbclient raises them.
    """
    for attempt in (1, 2):
        try:
            return _execute_once(nb, cwd, name=name, **options)
        except RuntimeError as e:  # jupyter_client's "Kernel didn't respond in N seconds" or "died before replying"
            if isinstance(e, NotebookError) or "kernel" not in str(e).lower() or attempt == 2:
                raise
            print(f"{name}: the kernel did not start ({e}); retrying once with a fresh kernel", flush=True)
    raise AssertionError("unreachable")


def _execute_once(nb: nbformat.NotebookNode, cwd: Path, *, name: str, **options: Any) -> list[float]:
    started = time.monotonic()
    seconds: list[float] = []
    cell_started = [started]
    current = [-1]

    def before(cell: Any, cell_index: int) -> None:
        left = NOTEBOOK_TIMEOUT - (time.monotonic() - started)
        if left <= 0:
            raise NotebookError(f"{name}: ran past its {NOTEBOOK_TIMEOUT} s budget before cell {cell_index}")
        client.timeout = max(1, int(min(CELL_TIMEOUT, left)))
        cell_started[0] = time.monotonic()
        current[0] = cell_index

    def after(cell: Any, cell_index: int, execute_reply: Any) -> None:
        seconds.append(time.monotonic() - cell_started[0])

    client = BoundedClient(
        nb,
        timeout=CELL_TIMEOUT,
        startup_timeout=STARTUP_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        on_cell_execute=before,
        on_cell_executed=after,
        **options,
    )
    try:
        client.execute()
    except CellTimeoutError as e:
        first = str(e).splitlines()[0]
        raise NotebookError(f"{name}: cell {current[0]} ran past {client.timeout} s ({first})") from e
    return seconds


def notebooks(paths: Iterable[str]) -> list[Path]:
    """The notebooks named, folders expanded to their ``*.ipynb`` in order."""
    found: list[Path] = []
    for p in map(Path, paths):
        found.extend(sorted(p.glob("*.ipynb")) if p.is_dir() else [p])
    return found


def main(argv: list[str]) -> int:
    """Run the notebooks named on the command line (default: ``notebooks/``), printing timings."""
    failed = 0
    for path in notebooks(argv[1:] or [str(ROOT / "notebooks")]):
        nb = nbformat.read(path, as_version=4)
        began = time.monotonic()
        try:
            seconds = execute(nb, path.parent, name=path.name)
        except Exception as e:
            failed += 1
            print(f"FAILED {path.name} after {time.monotonic() - began:.1f} s: {type(e).__name__}: {e}", flush=True)
            continue
        slowest = max(seconds, default=0.0)
        print(
            f"ran {path.name} in {time.monotonic() - began:.1f} s ({len(seconds)} code cells, slowest {slowest:.1f} s)",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
