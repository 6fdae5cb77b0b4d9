"""Write the notebooks in notebooks/ from the cells below and execute them in place.

Usage: python scripts/build_notebooks.py [NAME ...]

Each notebook is rebuilt from scratch, run top to bottom in a fresh kernel (nbclient) and saved
with its outputs, so that it reads well on a code-hosting site. Requires the ``notebooks`` extra.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "notebooks"

SETUP = """\
%matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import afrel
from afrel import plot

pd.set_option("display.width", 120)
g = afrel.load()
g"""

QUICKSTART = [
    (
        "md",
        """\
# afrel in five minutes

afrel holds Afghanistan's foreign relations since independence as dated, sourced records and
answers one question fast: *what did the network look like on a given day?* This notebook loads
the bundled dataset, takes snapshots, queries records, exports, and draws two figures.

**Questions**
1. What does the network look like on a given day, and who are Afghanistan's partners then?
2. Which records describe a tie, and where do they come from?
3. How do I take the data elsewhere (pandas, Gephi, my own CSV files)?""",
    ),
    ("code", "import datetime\n\n" + SETUP),
    (
        "md",
        """\
## 1. A snapshot is a networkx graph

`g.at(day)` returns a `networkx.MultiDiGraph`: actors existing that day are nodes, relations
holding that day are edges keyed by relation id. Dates may be days, months or years.""",
    ),
    (
        "code",
        """\
snap = g.at("1985-06-01")
print(snap.graph["date"], snap.number_of_nodes(), "actors,", snap.number_of_edges(), "relations")
partners = sorted({v for u, v in snap.edges() if u.startswith("AFG")} | {u for u, v in snap.edges() if v.startswith("AFG")})
print(len(partners), "partners of Afghanistan or its government:", ", ".join(partners[:15]), "...")""",
    ),
    (
        "code",
        """\
edge = snap.edges["SUN", "AFG-DRA", "int-sun-afg-dra-1979"]
{k: edge[k] for k in ("kind", "sign", "intensity", "start", "end", "certainty", "sources")}""",
    ),
    ("md", "Relations keep the precision of their dates (`1979-12` stays a month), and every one cites its sources:"),
    (
        "code",
        """\
r = g.relation("int-sun-afg-dra-1979")
print(r.start, "->", r.end, "|", r.note)
for sid in r.sources:
    s = g.sources[sid]
    print("-", s.citation, s.url or "")""",
    ),
    ("md", "## 2. Querying records"),
    (
        "code",
        """\
embassies_1990 = g.relations(actor="AFG", kind="embassy", active_at="1990-01-01")
afrel.to_frame(embassies_1990)[["id", "source", "target", "start", "end", "certainty"]]""",
    ),
    (
        "code",
        """\
for e in g.events(between=("1978", "1980"), actor="AFG"):
    print(e.date, "|", e.title)""",
    ),
    (
        "code",
        'afrel.resolve("USSR"), afrel.resolve("SU"), afrel.resolve(365), afrel.resolve("Democratic Republic of Afghanistan")',
    ),
    ("md", "## 3. Figures: relations over time, and one day's network"),
    (
        "code",
        """\
ax = plot.timeline(g, "AFG", max_partners=20)
plt.show()""",
    ),
    (
        "md",
        """\
The network of one day is drawn centred on Kabul: every partner sits at its true bearing, farther
out the farther its capital is (dotted rings at 1,000 to 10,000 km), so neighbours do not pile up
on Afghanistan and Europe does not crowd one corner. Organisations have no place on the map and
sit in a row below it. `layout="geographic"` plots longitude against latitude instead.""",
    ),
    (
        "code",
        """\
ax = plot.network(g.at("1985-06-01"), g)
plt.show()""",
    ),
    (
        "md",
        """\
With ipywidgets installed (the `notebooks` extra), a slider walks the network through time on a
layout that stays the same on every date:""",
    ),
    (
        "code",
        """\
try:
    import ipywidgets as widgets
except ImportError:
    widgets = None
pos = plot.stable_layout(g, centre="AFG")

def draw(year):
    plot.network(g.at(datetime.date(year, 7, 1)), g, pos=pos)
    plt.show()

if widgets is not None:
    widgets.interact(draw, year=widgets.IntSlider(min=1920, max=2025, step=1, value=1985))
else:
    draw(1985)""",
    ),
    ("md", "## 4. Taking the data elsewhere"),
    (
        "code",
        """\
import tempfile
from pathlib import Path

tmp = Path(tempfile.mkdtemp())
afrel.write_snapshot(snap, tmp / "1985.graphml")             # GraphML (Gephi, Cytoscape, igraph)
afrel.write_snapshot(snap, tmp / "1985.json", "json")        # node-link JSON
back = afrel.read_snapshot(tmp / "1985.graphml")
print("round trip keeps every edge:", sorted(back.edges(keys=True)) == sorted(snap.edges(keys=True)))
afrel.write(g, tmp / "data")                                  # the CSV format, for your own edits
print(sorted(p.name for p in (tmp / "data").iterdir()))""",
    ),
    (
        "code",
        """\
for day, G in g.snapshots("2019-07-01", "2023-07-01", step="year"):
    print(day, G.number_of_edges(), "relations")""",
    ),
]

SOVIET = [
    (
        "md",
        """\
# From neutrality to the Soviet orbit, 1919-1989

**Questions**
1. How did aid from Moscow and Washington compare while Afghanistan was non-aligned?
2. When did Afghanistan's ties turn East, measured from the dated records?
3. Does Afghanistan's UN voting tell the same story, and where does it shift?
4. What changed in its partners between Daoud's republic and the Soviet war?
5. Who recognised the governments born of the coups of 1973 and 1978, and how fast?

Every number below is computed in this notebook from the bundled dataset and from the UN voting
table shipped with afrel (derived from Voeten's UN General Assembly votes).""",
    ),
    ("code", SETUP),
    ("md", "## 1. The aid competition"),
    (
        "code",
        """\
aid = afrel.to_frame(g.relations(actor="AFG", kind=["economic_aid", "military_aid"], between=("1946", "1979")))
aid = aid[aid.source.isin(["SUN", "USA"])]
aid[["id", "source", "kind", "start", "end", "amount", "currency", "amount_year"]].sort_values("start")""",
    ),
    (
        "code",
        """\
counts = aid.groupby(["source", "kind"]).size().unstack(fill_value=0)
counts""",
    ),
    (
        "code",
        """\
us_military = counts.loc["USA"].get("military_aid", 0) if "USA" in counts.index else 0
soviet_military = counts.loc["SUN"].get("military_aid", 0)
print(f"military aid records before 1979: Soviet Union {soviet_military}, United States {us_military}")
print(g.relation("eaid-usa-afg-kingdom-1955").note)""",
    ),
    ("md", "## 2. When did the ties turn East?"),
    (
        "code",
        """\
ties = afrel.alignment(g, "AFG", range(1946, 1990))
ties.loc[[1950, 1960, 1970, 1975, 1980, 1985]].round(2)""",
    ),
    (
        "code",
        """\
shift_years = [c.year for c in afrel.change_points(ties["east_west"].dropna(), penalty=0.05)]
print("years where the East-West index changes level:", shift_years)
ax = plot.trajectories(ties[["east_west"]], g=g, shifts=False, ylabel="East (+1) - West (-1)")
plt.show()""",
    ),
    ("md", "## 3. UN voting with the two superpowers"),
    (
        "code",
        """\
table = afrel.unga.afghanistan_table()
table = table[(table.year <= 1989) & (table.n_votes >= 10)]
ussr = table[table.partner == "SUN"].set_index("year")["agreement"]
usa = table[table.partner == "USA"].set_index("year")["agreement"]
shifts = {"USSR": afrel.change_points(ussr), "USA": afrel.change_points(usa)}
for name, found in shifts.items():
    print(name, [(c.year, round(c.size, 2)) for c in found])""",
    ),
    (
        "code",
        """\
ax = plot.trajectories(pd.DataFrame({"USSR": ussr, "USA": usa}), g=g, ylabel="UN agreement with Afghanistan")
plt.show()""",
    ),
    (
        "code",
        """\
before = ussr.loc[1970:1978].mean()
during = ussr.loc[1980:1988].mean()
print(f"mean agreement with the USSR: {before:.2f} in 1970-1978, {during:.2f} in 1980-1988")
print(f"mean agreement with the USA:  {usa.loc[1970:1978].mean():.2f} in 1970-1978, {usa.loc[1980:1988].mean():.2f} in 1980-1988")""",
    ),
    ("md", "## 4. Partners before and after the coup"),
    (
        "code",
        """\
republic = next(p for p in g.periods if p.start.year == 1973)
war = next(p for p in g.periods if p.start.year == 1978)
cmp = afrel.compare_periods(g, "AFG", republic, war)
print(republic.name, "->", war.name)
cmp.groupby(["status", "bloc"]).size().unstack(fill_value=0)""",
    ),
    (
        "code",
        """\
cmp[cmp.status.isin(["gained", "changed"]) & cmp.bloc.str.contains("east")][["partner", "name", "status", "kinds_a", "kinds_b"]]""",
    ),
    (
        "code",
        """\
fig = plot.network_panels(g, ["1965-07-01", "1976-07-01", "1985-07-01"], ncols=3)
plt.show()""",
    ),
    ("md", "## 5. Who recognised the new governments, and how fast?"),
    (
        "md",
        """\
Each coup produced a new government actor; `recognition` records run from the recognising state
to that government. Days after the change are counted only where the recognition is dated to the
day; month-precision records show the month.""",
    ),
    (
        "code",
        """\
rows = []
for gov in ("AFG-REPUBLIC", "AFG-DRA"):
    began = g.actor(gov).start.first_day()
    for r in sorted(g.relations(actor=gov, kind="recognition"), key=lambda r: r.start):
        exact_day = r.start.precision == "day"
        rows.append({"government": gov, "by": g.actor(r.source).name, "date": str(r.start),
                     "days after": (r.start.first_day() - began).days if exact_day else None,
                     "until": str(r.end) if r.end else "", "certainty": r.certainty.value})
speed = pd.DataFrame(rows).astype({"days after": "Int64"})
speed""",
    ),
]

AFTER = [
    (
        "md",
        """\
# After the Soviets: isolation, two emirates and the Islamic Republic, 1989-2026

**Questions**
1. How isolated was Afghanistan between the Soviet withdrawal and 2001?
2. Who recognised the first Taliban emirate, and for how long?
3. How far did Afghanistan turn West after Bonn, by ties and by UN votes, and do the two agree?
4. Who were the Islamic Republic's main partners, and what happened to its ties after August 2021?""",
    ),
    ("code", "import datetime\n\n" + SETUP),
    (
        "md",
        """\
## 1. Resident missions in Kabul, year by year

A caveat first: before 2001 the dataset knows the missions of the main partners only (see the
datasheet's known gaps), so the counts before 2001 are lower bounds; the closures of 1989 and
1992-1996 and the reopenings from December 2001 are recorded.""",
    ),
    (
        "code",
        """\
years = range(1985, 2026)
missions = pd.Series(
    {y: len([r for r in g.relations(kind="embassy", active_at=datetime.date(y, 7, 1)) if r.target.startswith("AFG")])
     for y in years}, name="foreign missions in Afghanistan")
missions.loc[[1988, 1990, 1995, 2000, 2003, 2010, 2020, 2022, 2025]]""",
    ),
    (
        "code",
        """\
ax = missions.plot(drawstyle="steps-mid", figsize=(9, 3), ylabel="missions in the dataset")
plt.show()""",
    ),
    ("md", "## 2. The first emirate's recognitions"),
    (
        "code",
        """\
rec = afrel.to_frame(g.relations(kind="recognition", between=("1996", "2001")))
rec[["source", "target", "start", "end", "certainty"]]""",
    ),
    (
        "code",
        """\
emirate = rec[rec.target == "AFG-IEA1"]
print(len(emirate), "states recognised the 1996-2001 emirate:", ", ".join(g.actor(a).name for a in emirate.source))
print("the UN seat stayed with:", ", ".join(rec[rec.source == "UN"].target))""",
    ),
    ("md", "## 3. The Western turn: ties and votes side by side"),
    (
        "code",
        """\
ties = afrel.alignment(g, "AFG", range(1992, 2026))
un = afrel.un_bloc_agreement(g, range(1992, 2020))
side = pd.DataFrame({"west ties": ties["west"], "east ties": ties["east"], "UN agreement West": un["west"], "UN agreement NAM": un["nam"]})
side.loc[[1995, 2000, 2005, 2010, 2015, 2019]].round(2)""",
    ),
    (
        "code",
        """\
fig, (a, b) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, layout="constrained")
plot.trajectories(ties[["west", "east"]], g=g, shifts=False, ax=a, ylabel="weighted ties")
plot.trajectories(un[["west", "nam", "oic"]], g=g, shifts=False, ax=b, ylabel="mean UN agreement")
plt.show()""",
    ),
    (
        "code",
        """\
early, late = ties.loc[1996:2000, "west"].mean(), ties.loc[2005:2019, "west"].mean()
un_early, un_late = un.loc[1996:2000, "west"].mean(), un.loc[2005:2019, "west"].mean()
nam_late = un.loc[2005:2019, "nam"].mean()
print(f"ties to the West: {early:.1f} (1996-2000) -> {late:.1f} (2005-2019)")
print(f"UN agreement with the West: {un_early:.2f} -> {un_late:.2f}; with the Non-Aligned: {nam_late:.2f} in 2005-2019")""",
    ),
    (
        "md",
        """\
The two measures disagree on how far the turn went: the weighted ties to Western states
multiplied after Bonn, while in the General Assembly Afghanistan kept voting with the
Non-Aligned and Islamic majorities far more often than with the West (printed above).""",
    ),
    ("md", "## 4. The Islamic Republic's partners, and August 2021"),
    (
        "code",
        """\
cent = afrel.centrality(g, [2015])
cent[cent.actor != "AFG"].head(10)[["actor", "degree", "strength", "eigenvector"]]""",
    ),
    (
        "code",
        """\
republic = next(p for p in g.periods if p.start.year == 2001)
emirate2 = next(p for p in g.periods if p.start.year == 2021)
cmp = afrel.compare_periods(g, "AFG", ("2019", "2020"), ("2023", "2025"))
cmp.status.value_counts()""",
    ),
    (
        "code",
        """\
for e in g.events(between=("2021-08", "2026")):
    print(e.date, "|", e.title)""",
    ),
    (
        "code",
        """\
fig = plot.network_panels(g, ["1995-07-01", "2010-07-01", "2024-07-01"], ncols=3)
plt.show()""",
    ),
]

NOTEBOOKS = {
    "01_quickstart": QUICKSTART,
    "02_neutrality_to_soviet_era": SOVIET,
    "03_after_2001": AFTER,
}


def build(name: str) -> Path:
    """Write and execute one notebook; returns its path."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, (kind, text) in enumerate(NOTEBOOKS[name]):
        cell = nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text)
        cell.id = f"cell-{i:02d}"  # stable ids and no timings: a rebuild only changes what the data changed
        nb.cells.append(cell)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(OUT)}}
    )
    client.execute()
    path = OUT / f"{name}.ipynb"
    nbformat.write(nb, path)
    # keep the committed cells in the project's code style (the outputs stay as executed)
    subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(path)], check=False)
    return path


def main(argv: list[str]) -> int:
    """Build the notebooks named on the command line, or all of them."""
    OUT.mkdir(exist_ok=True)
    for name in argv[1:] or list(NOTEBOOKS):
        print("built", build(name).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
