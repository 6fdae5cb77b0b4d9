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
from run_notebooks import execute  # bounded waits and timings (scripts/run_notebooks.py)

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
missions_1990 = g.relations(actor="AFG", kind=["embassy", "accreditation"], active_at="1990-01-01")
afrel.to_frame(missions_1990)[["id", "source", "target", "kind", "rank", "start", "end", "certainty"]].head(12)""",
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
ax = plot.timeline(g, "AFG", max_partners=10, title="Afghanistan's ten busiest partners: who tied what, and when")
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
day = "1985-06-01"
ax = plot.network(g.at(day), g, blocs=afrel.blocs_of(g, day, "AFG"), layout="centred")
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
    day = datetime.date(year, 7, 1)
    plot.network(g.at(day), g, blocs=afrel.blocs_of(g, day, "AFG"), layout="centred", pos=pos)
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
2. When did Afghanistan's ties turn East, by how much, and how sure is that?
3. Why does the non-aligned monarchy lean slightly West on one weighting and East on another?
4. Does Afghanistan's UN voting tell the same story, and where does it shift?
5. What changed in its partners between Daoud's republic and the Soviet war?
6. Who recognised the governments born of the coups of 1973 and 1978, and how fast?

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
counts = aid.groupby(["source", "kind"]).size().unstack(fill_value=0)
counts""",
    ),
    (
        "code",
        """\
us_military = int(counts.loc["USA"].get("military_aid", 0)) if "USA" in counts.index else 0
soviet_military = int(counts.loc["SUN"].get("military_aid", 0))
print(f"aid programmes recorded before 1979: Soviet Union {int(counts.loc['SUN'].sum())}, United States {int(counts.loc['USA'].sum())}")
print(f"of which military aid: Soviet Union {soviet_military}, United States {us_military}")""",
    ),
    (
        "md",
        """\
Both superpowers financed the monarchy, but only Moscow armed it: the United States declined
Kabul's requests for arms in the 1950s (the note on the US aid record below says so). Counts of
records are not amounts; the amounts that sources give are in the `amount` column.""",
    ),
    ("code", 'print(g.relation("eaid-usa-afg-kingdom-1955").note)'),
    ("md", "## 2. When did the ties turn East?"),
    (
        "md",
        """\
`afrel.alignment` reads every year the relations between Afghanistan (with its governments) and the
two camps of the era: the Western powers and Soviet Russia before 1949, then the Cold War pacts
(NATO and the US alliances against the Warsaw Pact and COMECON). Each partner scores its strongest
tie of each kind; each camp's score is the mean over its *k* closest partners, *k* the size of the
smaller camp, so that the bigger camp does not win by numbers. The index compares the two:
+1 all East, -1 all West. `afrel.sensitivity` recomputes it over the other dates that sources give
for the disputed records, so every value comes with a range.""",
    ),
    (
        "code",
        """\
years = range(1919, 1990)
band = afrel.sensitivity(g, lambda h: afrel.alignment(h, "AFG", years)["east_west"], samples=24)
print(band.attrs["method"], "over", band.attrs["evaluated"], "datings of", band.attrs["disputed"], "disputed relations")
band.loc[[1930, 1950, 1965, 1975, 1979, 1980, 1985]].round(2)""",
    ),
    (
        "code",
        """\
shifts = [c for c in afrel.change_points(band["base"].dropna()) if abs(c.size) >= 0.1]
for c in shifts:
    print(f"{c.year}: {c.before:+.2f} -> {c.after:+.2f} ({c.size:+.2f})")
width = (band["high"] - band["low"]).max()
print(f"widest range over the disputed dates in any year: {width:.2f}")""",
    ),
    (
        "md",
        """\
Over 1919-1989 the index changes level twice (printed above): in the early 1920s, when the first
Soviet subsidy gave way to ties with the Western powers, and in 1979, when it jumps East. The yearly
values show that move starting with the communist coup of April 1978 and completed by 1980, after
the Soviet intervention. The 1979 shift is larger than the widest range the disputed dates open in
any year (also printed), so it does not depend on which dating one believes. From the 1950s to
1977 the monarchy and Daoud's republic sit slightly on the West side of zero.""",
    ),
    (
        "code",
        """\
un = afrel.un_bloc_agreement(g, range(1946, 1990))
note = afrel.unga.coverage_note(afrel.unga.afghanistan_table(), span=(1919, 1989))
fig = plot.headline(band, un["east_west"], g, actor="AFG", span=(1919, 1989), un_note=note,
                    title="Afghanistan's ties turned East with the coup of 1978 and the Soviet war")
plt.show()""",
    ),
    ("md", "## 3. Why the monarchy leans West on one weighting and East on another"),
    (
        "code",
        """\
eras = {"Amanullah and the interwar kingdom": (1919, 1948), "non-aligned monarchy and republic": (1955, 1977),
        "Soviet war": (1980, 1988)}
table = afrel.weighting_table(g, "AFG", eras)
table.round(2)""",
    ),
    (
        "code",
        """\
na = table.loc["non-aligned monarchy and republic"]
print(f"1955-1977: kinds {na['kinds']:+.2f}, counts {na['counts']:+.2f}, material {na['material']:+.2f}")
print("Soviet war above the non-aligned years under every weighting:",
      bool((table.loc["Soviet war"] > table.loc["non-aligned monarchy and republic"]).all()))""",
    ),
    (
        "md",
        """\
The weightings answer different questions. `counts` asks how many *kinds* of tie link Afghanistan
to a camp's closest partners: the monarchy had diplomatic relations, embassies, treaties and
aid with many Western states, so breadth leans West. `material` keeps only money, arms and
troops: there the Soviet Union, the only arms supplier and the largest donor, dominates, and the
same years lean East. The default, `kinds`, weighs both and lands just West of zero. Neutrality
with aid from both sides is a *mix* of the two readings, which is why no single number says
"neutral"; the Soviet war years lean East under all three.""",
    ),
    ("md", "## 4. UN voting with the two superpowers"),
    (
        "code",
        """\
votes = afrel.unga.afghanistan_table()
votes = votes[(votes.year <= 1989) & (votes.n_votes >= 10)]
ussr = votes[votes.partner == "SUN"].set_index("year")["agreement"]
usa = votes[votes.partner == "USA"].set_index("year")["agreement"]
found = {"USSR": afrel.change_points(ussr), "USA": afrel.change_points(usa)}
for name, cps in found.items():
    print(name, [(c.year, round(c.size, 2)) for c in cps])
print(note)""",
    ),
    (
        "code",
        """\
ax = plot.trajectories(pd.DataFrame({"Soviet Union": ussr, "United States": usa}), g=g, span=(1946, 1989),
                       shifts={"Soviet Union": [c.year for c in found["USSR"]],
                               "United States": [c.year for c in found["USA"]]},
                       note=afrel.unga.coverage_note(afrel.unga.afghanistan_table(), span=(1946, 1989)),
                       colors={"Soviet Union": plot.BLOC_COLORS["east"], "United States": plot.BLOC_COLORS["west"]},
                       legend="upper left",
                       ylabel="UN agreement with Afghanistan",
                       title="Afghanistan voted closer to Moscow from 1953, and almost always with it from 1980")
plt.show()""",
    ),
    (
        "code",
        """\
print(f"mean agreement with the USSR: {ussr.loc[1970:1978].mean():.2f} in 1970-1978, {ussr.loc[1980:1988].mean():.2f} in 1980-1988")
print(f"mean agreement with the USA:  {usa.loc[1970:1978].mean():.2f} in 1970-1978, {usa.loc[1980:1988].mean():.2f} in 1980-1988")""",
    ),
    (
        "md",
        """\
The votes shift in 1980 as the ties do (the change points printed above): agreement with Moscow
goes from about two votes in three to nine in ten, agreement with Washington falls to one in ten.
Each yearly value rests on the roll calls of that year (dozens to more than a hundred); years with
fewer than ten are not measured.""",
    ),
    ("md", "## 5. Partners before and after the coup"),
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
        "md",
        """\
Rows are what happened to each partner between the two eras (gained, lost, changed, kept), columns
the bloc it belonged to. Most partners are *kept*: relations and embassies rarely end with a coup;
what changes is the kind of tie (aid, treaties, recognition), listed next.""",
    ),
    (
        "code",
        """\
cmp[cmp.status.isin(["gained", "changed"]) & cmp.bloc.str.contains("east")][["partner", "name", "status", "kinds_a", "kinds_b"]]""",
    ),
    (
        "code",
        """\
days = ["1965-07-01", "1976-07-01", "1985-07-01"]
fig = plot.network_panels(g, days, blocs=[afrel.blocs_of(g, day, "AFG") for day in days], ncols=3,
                          title="The West on the left, the East on the right: the Soviet Union's node grows heaviest")
plt.show()""",
    ),
    (
        "md",
        """\
In each panel the partners of the day are grouped by camp, the strongest ties closest to
Afghanistan and drawn largest. In 1985 the mujahideen are an actor of their own (the diamond):
the orange lines of armed support from the United States, Pakistan and others run to them, not
to the government in Kabul.""",
    ),
    ("md", "## 6. Who recognised the new governments, and how fast?"),
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
    (
        "code",
        """\
for gov in ("AFG-REPUBLIC", "AFG-DRA"):
    s = speed[speed.government == gov]
    first = s.dropna(subset=["days after"]).sort_values("days after").head(3)
    print(gov, ":", len(s), "recognitions recorded; first:", ", ".join(f"{b} ({d} days)" for b, d in zip(first["by"], first["days after"], strict=True)))""",
    ),
    (
        "md",
        """\
The recorded recognitions are those the sources date (US cables, Hansard and the press of the day
for 1973 and 1978); others certainly happened and are missing, so the counts are lower bounds.""",
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
4. Who were the Islamic Republic's main partners, and what happened to its ties after August 2021?

Every figure below covers 1989-2026; where a series has no data (the UN votes end in 2019), the
years are shaded, not cut off.""",
    ),
    ("code", "import datetime\n\n" + SETUP),
    ("md", "## 1. Missions in Kabul, year by year"),
    (
        "code",
        """\
years = range(1989, 2027)

def missions(kind):
    return {y: len({r.source for r in g.relations(kind=kind, active_at=datetime.date(y, 7, 1)) if r.target.startswith("AFG")})
            for y in years}

kabul = pd.DataFrame({"resident embassies": missions("embassy"), "non-resident envoys": missions("accreditation")})
kabul.loc[kabul.index > 2005, "non-resident envoys"] = float("nan")  # the COW observations end in 2005
kabul.loc[[1989, 1990, 1995, 2000, 2003, 2005, 2010, 2020, 2022, 2025]]""",
    ),
    (
        "code",
        """\
ax = plot.trajectories(kabul, g=g, span=(1989, 2026), ylabel="states",
                       title="Foreign missions in Kabul emptied in 1989-1996 and filled again after 2001")
plt.show()
print(f"resident embassies: {kabul.loc[1995, 'resident embassies']} in 1995, {kabul.loc[2010, 'resident embassies']} in 2010, {kabul.loc[2025, 'resident embassies']} in 2025")""",
    ),
    (
        "md",
        """\
Resident embassies are those a source places in Kabul; non-resident envoys are mostly the
representations that only the Correlates of War data record (every five years), so that line
stops in 2005, where those observations end. The collapse of 1989-1996 and the return after December 2001
are well sourced; the count after 2021 follows the embassies that stayed or reopened under the
second emirate.""",
    ),
    ("md", "## 2. The first emirate's recognitions"),
    (
        "code",
        """\
rec = afrel.to_frame(g.relations(kind="recognition", between=("1996", "2001")))
emirate = rec[rec.target == "AFG-IEA1"]
print(len(emirate), "states recognised the 1996-2001 emirate:", ", ".join(g.actor(a).name for a in emirate.source))
emirate[["source", "start", "end", "certainty"]]""",
    ),
    (
        "md",
        """\
Three states, all ending their recognition or their ties in the autumn of 2001 (the UAE and Saudi
Arabia in September, Pakistan in November); the UN seat stayed with the Islamic State of Rabbani.""",
    ),
    ("md", "## 3. The Western turn: ties and votes side by side"),
    (
        "code",
        """\
span = range(1989, 2027)
band = afrel.sensitivity(g, lambda h: afrel.alignment(h, "AFG", span)["east_west"], samples=24)
un = afrel.un_bloc_agreement(g, range(1989, 2020))
note = afrel.unga.coverage_note(afrel.unga.afghanistan_table(), span=(1989, 2026))
fig = plot.headline(band, un["east_west"], g, actor="AFG", span=(1989, 2026), un_note=note,
                    title="After 2001 Afghanistan's ties stood with the West; its UN votes stayed on the other side")
plt.show()""",
    ),
    (
        "code",
        """\
ties = afrel.alignment(g, "AFG", span)
print(f"index from ties: {ties.loc[1993:2001, 'east_west'].mean():+.2f} (1993-2001), {ties.loc[2002:2020, 'east_west'].mean():+.2f} (2002-2020), {ties.loc[2022:2026, 'east_west'].mean():+.2f} (2022-2026)")
print(f"level of ties with the West: {ties.loc[1993:2001, 'west'].mean():.1f} -> {ties.loc[2002:2020, 'west'].mean():.1f}; with the East: {ties.loc[1993:2001, 'east'].mean():.1f} -> {ties.loc[2002:2020, 'east'].mean():.1f}")
print(f"index from UN votes: {un.loc[1993:2001, 'east_west'].mean():+.2f} (1993-2001), {un.loc[2002:2019, 'east_west'].mean():+.2f} (2002-2019)")
print(f"widest range over the disputed dates, 1989-2026: {(band['high'] - band['low']).max():.2f}")""",
    ),
    (
        "md",
        """\
Three readings, printed above. **The index from ties** is already on the West side through the
1990s: after the Soviet collapse the new Eastern camp (Russia with its Central Asian allies)
armed the United Front against the governments in Kabul, which the measure counts as hostility,
while Afghan embassies in Western capitals stayed open. So the index does not jump in 2001.
**The level of ties** shows what 2002 changed: the mean score of the closest Western partners more
than doubles (troops, aid and treaties), and the Eastern camp's rises too, from a low base.
**The UN votes** never cross to the West: through the Islamic Republic Afghanistan kept voting
with the Non-Aligned majority and with Russia and China more often than with the West. That gap
between what a state does with its partners and how it votes in the General Assembly is a finding,
not an error of either measure. The disputed dates move the index by at most the range printed.""",
    ),
    (
        "code",
        """\
side = pd.DataFrame({"ties, West": ties["west"], "ties, East": ties["east"],
                     "UN agreement, West": un["west"], "UN agreement, NAM": un["nam"]})
side.loc[[1995, 2000, 2005, 2010, 2015, 2019]].round(2)""",
    ),
    ("md", "## 4. The Islamic Republic's partners, and August 2021"),
    (
        "code",
        """\
cent = afrel.centrality(g, [2015], focus="AFG")
states = cent[(cent.actor != "AFG") & cent.actor.map(lambda a: g.actor(a).kind == "state")]
states.head(8)[["actor", "degree", "strength", "eigenvector"]]""",
    ),
    (
        "md",
        """\
The states with the most and strongest ties in the network of 1 July 2015 (degree counts ties,
strength sums intensity times sign, eigenvector weighs ties to well-connected actors); the
organisations, left out here, top the degree list because every membership is a tie. The United
States leads on every measure, ahead of China, Britain, Pakistan and India.""",
    ),
    (
        "code",
        """\
cmp = afrel.compare_periods(g, "AFG", ("2019", "2020"), ("2023", "2025"))
cmp.status.value_counts()""",
    ),
    (
        "md",
        """\
Between 2019-2020 and 2023-2025 most partners are kept (counts above), because diplomatic relations
between states outlast the change of government. For the partners whose ties *changed*, embassies
closed and aid programmes and treaties ended; the gains are the few recognitions and accepted
envoys of the second emirate.""",
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
days = ["1995-07-01", "2010-07-01", "2024-07-01"]
fig = plot.network_panels(g, days, blocs=[afrel.blocs_of(g, day, "AFG") for day in days], ncols=3,
                          title="From isolation to the Western coalition and back to a few neighbours")
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
    execute(nb, OUT, name=name, record_timing=False)
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
