from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import afrel
from afrel.io import to_csv
from afrel.schema import parse_row

FIXTURES = Path(__file__).parent / "fixtures"

# every problem planted in tests/fixtures/broken, as (file, line, column, part of the message)
EXPECTED = [
    ("sources.csv", 3, "id", "duplicate id 's1' (first used at line 2)"),
    ("sources.csv", 4, "citation", "must not be empty"),
    ("actors.csv", 4, "id", "'NAM' is an ISO alpha-3 country code"),
    ("actors.csv", 6, "id", "needs an id starting with 'AFG-'"),
    ("actors.csv", 7, "kind", "'country' is not a valid actor kind; allowed: 'state'"),
    ("actors.csv", 8, "sources", "no source"),
    ("relations.csv", 2, "target", "unknown actor 'USR'"),
    ("relations.csv", 3, "kind", "'aide' is not a valid relation kind"),
    ("relations.csv", 4, "end", "before start"),
    ("relations.csv", 5, "start", "day 30 does not exist in 1979-02"),
    ("relations.csv", 6, "sources", "at least one source"),
    ("relations.csv", 7, "sources", "unknown source 's9'"),
    ("relations.csv", 8, "id", "duplicate id 'r6'"),
    ("relations.csv", 9, "target", "leading or trailing whitespace"),
    ("relations.csv", 10, None, "14 cells, but the header has 15 columns"),
    ("relations.csv", 11, "start", "before AFG-DRA existed"),
    ("relations.csv", 12, "end", "SUN ceased to exist"),
    ("relations.csv", 13, "sign", "sign 2 is not allowed"),
    ("relations.csv", 13, "intensity", "intensity 5 is not allowed"),
    ("relations.csv", 13, "directed", "'maybe' is not a boolean"),
    ("relations.csv", 13, "certainty", "'sure' is not a valid certainty"),
    ("relations.csv", 13, "amount", "'ten' is not a decimal number"),
    ("relations.csv", 14, None, "blank line"),
    ("events.csv", 1, None, "missing column(s) actors, certainty, sources, note"),
    ("periods.csv", None, None, "file is empty"),
]


def test_broken_folder_reports_every_problem_with_file_line_and_column() -> None:
    with pytest.raises(afrel.DataError) as info:
        afrel.load(FIXTURES / "broken")
    got = info.value.problems
    for file, line, column, text in EXPECTED:
        assert any(p.file == file and p.line == line and p.column == column and text in p.message for p in got), (
            f"not reported: {file}:{line} {column} {text}"
        )
    assert len(got) == len(EXPECTED), "\n".join(map(str, got))
    assert isinstance(info.value, ValueError)
    assert "relations.csv:5: column 'start':" in str(info.value)


def test_bom_is_reported_not_stripped() -> None:
    with pytest.raises(afrel.DataError) as info:
        afrel.load(FIXTURES / "bom")
    assert [str(p) for p in info.value.problems] == [
        "sources.csv:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"
    ]


def test_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no data folder"):
        afrel.load(tmp_path / "nope")
    with pytest.raises(afrel.DataError) as info:
        afrel.load(tmp_path)
    assert {p.file for p in info.value.problems} == {"actors.csv", "relations.csv", "sources.csv"}
    (tmp_path / "x.csv").write_text("a\n")
    with pytest.raises(FileNotFoundError, match="pass the folder"):
        afrel.load(tmp_path / "x.csv")


def test_non_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    shutil.copytree(afrel.data_path(), tmp_path / "d")
    path = tmp_path / "d" / "sources.csv"
    path.write_bytes(path.read_bytes() + b"bad,caf\xe9 latin-1,,,\n")
    with pytest.raises(afrel.DataError, match=r"sources\.csv:\d+: not valid UTF-8"):
        afrel.load(tmp_path / "d")


def test_unknown_and_duplicate_headers(tmp_path: Path) -> None:
    shutil.copytree(afrel.data_path(), tmp_path / "d")
    path = tmp_path / "d" / "periods.csv"
    text = path.read_text()
    path.write_text(text.replace("note\n", "note,colour,note\n", 1))
    with pytest.raises(afrel.DataError) as info:
        afrel.load(tmp_path / "d")
    messages = {(p.column, p.message) for p in info.value.problems}
    assert ("colour", "unknown column; allowed: id, name, start, end, sources, note") in messages
    assert ("note", "column appears twice in the header") in messages


def test_unclosed_quote_is_reported(tmp_path: Path) -> None:
    shutil.copytree(afrel.data_path(), tmp_path / "d")
    path = tmp_path / "d" / "periods.csv"
    path.write_text(path.read_text() + 'p9,"Unclosed,1990,1991,x,\n')
    with pytest.raises(afrel.DataError, match=r"periods\.csv:\d+: malformed CSV"):
        afrel.load(tmp_path / "d")


def test_bundled_data_loads_and_follows_every_rule(bundled: afrel.RelationGraph) -> None:
    assert afrel.check(bundled) == []
    assert afrel.data_path().joinpath("relations.csv").is_file()


def test_write_is_byte_stable_on_the_bundled_data(tmp_path: Path, bundled: afrel.RelationGraph) -> None:
    written = afrel.write(bundled, tmp_path)
    assert {p.name for p in written} == {
        "actors.csv",
        "relations.csv",
        "events.csv",
        "sources.csv",
        "periods.csv",
        "leaders.csv",
    }
    for p in written:
        assert p.read_bytes() == (afrel.data_path() / p.name).read_bytes(), p.name
    assert afrel.write(bundled, tmp_path) == []  # nothing changed, nothing rewritten
    again = afrel.load(tmp_path)
    for key in ("actors", "relations", "events", "sources", "periods", "leaders"):
        assert again.records(key) == bundled.records(key)
    assert not list(tmp_path.glob(".*"))  # no temporary files left behind


def test_write_replaces_changed_files_atomically(tmp_path: Path, tiny: afrel.RelationGraph) -> None:
    afrel.write(tiny, tmp_path)
    before = (tmp_path / "actors.csv").read_bytes()
    g = afrel.RelationGraph(
        [*tiny.actors.values(), afrel.Actor(id="IND", name="India", kind="state", sources=["s"])],
        tiny.records("relations"),
        events=tiny.records("events"),
        sources=tiny.records("sources").__iter__(),
        periods=tiny.records("periods"),
    )
    written = afrel.write(g, tmp_path)
    assert [p.name for p in written] == ["actors.csv"]
    assert (tmp_path / "actors.csv").read_bytes().startswith(before)


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30)


@given(st.lists(st.tuples(cells, cells), max_size=8))
def test_csv_codec_round_trips_arbitrary_text(pairs: list[tuple[str, str]]) -> None:
    sources = []
    for i, (citation, note) in enumerate(pairs):
        citation, note = citation.strip() or "c", note.strip()
        sources.append(afrel.Source(id=f"s{i}", citation=citation, note=note))
    import csv
    import io

    text = to_csv(sources, afrel.Source)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    back = [parse_row(afrel.Source, r)[0] for r in rows]
    assert back == sources


def test_files_written_before_the_new_columns_still_read(tmp_path: Path) -> None:
    """rank, alternatives and gaps were added in 0.2: a folder without them reads them as empty."""
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "sources.csv").write_text("id,citation,url,accessed,note\ns,A source,,,\n")
    (tmp_path / "t" / "actors.csv").write_text(
        "id,name,kind,state,iso2,iso3,cow,start,end,predecessor,successor,aliases,lat,lon,sources,note\n"
        "AFG,Afghanistan,state,,,,,1747,,,,,,,s,\nIND,India,state,,,,,1947-08-15,,,,,,,s,\n"
    )
    (tmp_path / "t" / "relations.csv").write_text(
        "id,source,target,kind,start,end,sign,intensity,directed,certainty,amount,currency,amount_year,sources,note\n"
        "r,AFG,IND,embassy,1948,,1,2,true,exact,,,,s,\n"
    )
    g = afrel.load(tmp_path / "t")
    assert g.relation("r").rank is None and g.relation("r").alternatives == () and g.actor("IND").gaps == ()
    afrel.write(g, tmp_path / "out")
    assert (tmp_path / "out" / "relations.csv").read_text().splitlines()[0].endswith(",rank,alternatives,sources,note")
