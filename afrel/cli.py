"""The ``afrel`` command line (also ``python -m afrel``).

Commands
--------
``afrel validate [PATH]``
    Check a data folder (by default the bundled dataset); print every problem with file and
    line, exit 1 if there is any.
``afrel snapshot DATE [--data PATH] [--format graphml|gexf|json|csv] [-o OUT]``
    Write the network as of DATE (to standard output unless ``-o``; ``csv`` needs ``-o``, a
    folder).
``afrel summary [PATH]``
    Counts of relations per kind and era, and of actors and events.
``afrel report OUTDIR [--actor ID] [--data PATH] [--unga PATH] [--samples N]``
    The main job: key figures (PNG and SVG), the explorer page and ``summary.md`` with the
    detected shifts, for a state (by default AFG).
``afrel explore OUT.html [--actor ID] [--data PATH]``
    One self-contained HTML page to travel through the actor's relations year by year.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from afrel import __version__
from afrel.errors import DataError, Problem, ScopeWarning, UnknownActorError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="afrel", description="Afghanistan's foreign relations as a temporal graph.")
    p.add_argument("--version", action="version", version=f"afrel {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    v = sub.add_parser("validate", help="check a data folder and list every problem")
    v.add_argument("path", nargs="?", help="data folder (default: the bundled dataset)")

    s = sub.add_parser("snapshot", help="export the network as of a date")
    s.add_argument("date", help="YYYY, YYYY-MM or YYYY-MM-DD (a partial date means its first day)")
    s.add_argument("--data", help="data folder (default: the bundled dataset)")
    s.add_argument("--format", choices=("graphml", "gexf", "json", "csv"), default="graphml")
    s.add_argument("-o", "--output", help="output file (a folder for csv); default: standard output")

    m = sub.add_parser("summary", help="counts per kind and era")
    m.add_argument("path", nargs="?", help="data folder (default: the bundled dataset)")

    r = sub.add_parser("report", help="write the key figures and a summary of the shifts to a folder")
    r.add_argument("outdir", help="output folder (created if needed)")
    r.add_argument("--actor", default="AFG", help="the state the report is about (default: AFG)")
    r.add_argument("--data", help="data folder (default: the bundled dataset)")
    r.add_argument("--unga", help="folder of raw UN votes to compute the state's UN table from")
    r.add_argument(
        "--samples",
        type=_count_arg,
        default=None,
        help="datings of the disputed records to evaluate for the ranges (default: 24)",
    )
    e = sub.add_parser("explore", help="write the explorer: one offline HTML page to travel through the years")
    e.add_argument("output", help="the .html file to write")
    e.add_argument("--actor", default="AFG", help="the focal state (default: AFG)")
    e.add_argument("--data", help="data folder (default: the bundled dataset)")
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():
        # a date outside the data's scope is answered; say so in one line (once), not a source excerpt
        said: set[str] = set()

        def show(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
            if str(message) not in said:
                said.add(str(message))
                print(f"afrel: warning: {message}", file=err)

        warnings.simplefilter("always", ScopeWarning)
        warnings.showwarning = show
        return _run(args, out, err)


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        if args.command == "validate":
            return _validate(args.path, out, err)
        if args.command == "snapshot":
            return _snapshot(args.date, args.data, args.format, args.output, out, err)
        if args.command == "report":
            return _report(args.outdir, args.actor, args.data, args.unga, args.samples, out, err)
        if args.command == "explore":
            return _explore(args.output, args.actor, args.data, out)
        return _summary(args.path, out)
    except DataError as exc:
        print(str(exc), file=err)
        return 1
    except BrokenPipeError:  # the reader went away (``afrel summary | head``): stop quietly
        _silence(out)
        return 1
    except (OSError, ValueError, ImportError, UnknownActorError) as exc:
        print(f"afrel: error: {exc}", file=err)
        return 2


def plural(n: int, word: str) -> str:
    """A count with its noun: ``1 relation``, ``2 relations``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _explore(output: str, actor: str, data: str | None, out: TextIO) -> int:
    from afrel.explorer import explore
    from afrel.io import load

    g = load(data)
    g.actor(actor)  # an unknown id fails here, with the actor it may mean
    path = explore(g, output, actor=actor)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); open it in a browser, no connection needed", file=out)
    return 0


def _silence(stream: TextIO) -> None:
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)


def _validate(path: str | None, out: TextIO, err: TextIO) -> int:
    from afrel.io import load

    warnings: list[Problem] = []
    try:
        g = load(path, warnings=warnings)
    except DataError as exc:
        for p in exc.problems:
            print(p, file=err)
        print(f"{plural(len(exc.problems), 'problem')} found", file=err)
        return 1
    for w in warnings:
        print(f"warning: {w}", file=err)
    if warnings:
        print(f"{plural(len(warnings), 'warning')}: handovers dated no more precisely than a year or month", file=err)
    counts = [
        plural(len(g.actors), "actor"),
        plural(len(g), "relation"),
        plural(len(g.records("events")), "event"),
        plural(len(g.sources), "source"),
        plural(len(g.periods), "period"),
        plural(len(g.leaders), "leader"),
    ]
    print(f"OK: {', '.join(counts)}", file=out)
    return 0


def _snapshot(date: str, data: str | None, fmt: str, output: str | None, out: TextIO, err: TextIO) -> int:
    from afrel.export import snapshot_to_string, write_snapshot
    from afrel.io import load

    snap = load(data).at(date)
    if output is None:
        if fmt == "csv":
            print("afrel: error: --format csv writes a folder; give it with -o", file=err)
            return 2
        out.write(snapshot_to_string(snap, fmt))  # type: ignore[arg-type]  # choices checked by argparse
        return 0
    write_snapshot(snap, output, fmt)  # type: ignore[arg-type]
    nodes, edges = plural(snap.number_of_nodes(), "actor"), plural(snap.number_of_edges(), "relation")
    print(f"wrote {nodes} and {edges} to {output}", file=err)
    return 0


def _count_arg(text: str) -> int:
    """A whole number of at least 0, for argparse."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number such as 24, got {text!r}")
    return int(text)


def _report(
    outdir: str, actor: str, data: str | None, unga: str | None, samples: int | None, out: TextIO, err: TextIO
) -> int:
    from afrel.io import load
    from afrel.report import SAMPLES, write_report

    target = Path(outdir)
    if target.exists() and not target.is_dir():
        print(f"afrel: error: {outdir} is a file: give a folder to write the report into", file=err)
        return 2
    g = load(data) if data else None
    if g is not None and actor not in g.actors:
        from afrel.names import suggest

        near = suggest(actor, g)
        states = sorted(a.id for a in g.actors.values() if a.kind.value == "state")
        if near:
            hint = f"; did you mean {' or '.join(map(repr, near))}?"
        else:
            hint = f"; its states: {', '.join(states[:8])}{', ...' if len(states) > 8 else ''}" if states else ""
        print(f"afrel: error: no actor {actor!r} in the data at {data}: choose one with --actor{hint}", file=err)
        return 2
    try:
        files = write_report(
            outdir, g=g, actor=actor, unga=unga, samples=SAMPLES if samples is None else samples, progress=err
        )
    except (DataError, UnknownActorError, OSError, ValueError, ImportError):
        raise  # main() prints these in one line
    except Exception as exc:  # a failed report is one line, never a traceback; write_report cleans up
        print(f"afrel: error: the report failed: {type(exc).__name__}: {exc}", file=err)
        return 2
    print(f"wrote {plural(len(files), 'file')} to {outdir}", file=out)
    return 0


def _summary(path: str | None, out: TextIO) -> int:
    from afrel.io import load

    g = load(path)
    relations = g.records("relations")
    kinds = Counter(r.kind.value for r in relations)
    counts = (
        plural(len(g.actors), "actor"),
        plural(len(relations), "relation"),
        plural(len(g.records("events")), "event"),
    )
    print(", ".join(counts), file=out)
    print("\nrelations per kind:", file=out)
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {kind:<18}{n:>6}", file=out)
    if g.periods:
        names = [p.name for p in g.periods]
        width = max(len(n) for n in names)
        print("\nrelations holding at some time in each era (all kinds / per kind):", file=out)
        for p in g.periods:
            active = g.relations(period=p)
            per = Counter(r.kind.value for r in active)
            detail = ", ".join(f"{k} {n}" for k, n in sorted(per.items()))
            print(f"  {p.name:<{width}}  {len(active):>5}  {detail}", file=out)
    return 0
