"""afrel.explorer: the offline page, its data, and the page itself in a real browser."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import afrel
from afrel.explorer import explore, payload


def test_payload_on_a_tiny_graph(tiny: afrel.RelationGraph) -> None:
    data = payload(tiny, actor="AFG", years=[1950, 1985])
    frames = {y: {p[0]: p[1] for p in rows} for y, rows in data["frames"].items()}
    assert frames["1950"] == {"SUN": "east", "PAK": "none"}  # no Western actor in this graph
    assert "AFG-DRA" not in frames["1985"]  # the state's own governments are the centre, not partners
    rows = {r[0]: r for r in data["relations"]}
    assert rows["i1"][4:8] == ["1979-12", "1989-02-15", 1979, 1989]  # dates keep their precision
    assert set(data["sources"]) == {"s"} and data["sources"]["s"][0] == "A test source"


def test_explore_writes_one_self_contained_file(tmp_path: Path, bundled: afrel.RelationGraph) -> None:
    path = explore(bundled, tmp_path / "x.html")
    text = path.read_text(encoding="utf-8")
    assert path.stat().st_size < 10_000_000
    assert "<script src" not in text and "<link " not in text and "@import" not in text  # nothing to fetch
    data = json.loads(text.split('<script id="data" type="application/json">')[1].split("</script>")[0])
    assert data["name"] == "Afghanistan" and data["years"][0] == 1919
    assert any(p[0] == "SUN" for p in data["frames"]["1985"])
    with pytest.raises(FileNotFoundError, match="no folder"):
        explore(bundled, tmp_path / "missing" / "x.html")


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from afrel.cli import main

    assert main(["explore", str(tmp_path / "p.html"), "--actor", "PAK"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["explore", str(tmp_path / "z.html"), "--actor", "USSR"]) == 2
    assert capsys.readouterr().err == "afrel: error: unknown actor 'USSR'; did you mean 'SUN'?\n"
    assert not (tmp_path / "z.html").exists()


# --- in a real browser --------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the dev extra has it)")
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):  # fmt: skip
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def partners(driver) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in driver.find_elements("css selector", "#partners button")]


def test_the_page_in_chromium(browser, tmp_path: Path, bundled: afrel.RelationGraph) -> None:  # type: ignore[no-untyped-def]
    page = explore(bundled, tmp_path / "explorer.html").resolve().as_uri()
    browser.set_window_size(1280, 800)
    browser.get_log("performance")  # start from an empty log
    browser.get(page + "#year=1985")
    time.sleep(0.3)
    assert "Soviet Union" in partners(browser)
    assert browser.find_element("id", "year-label").text == "1985"
    assert browser.find_element("id", "era").text == "The Democratic Republic and the Soviet war"
    browser.get(page + "#year=2010")
    browser.refresh()
    time.sleep(0.3)
    in_2010 = partners(browser)
    assert "United States" in in_2010
    # moving the slider changes the partner list, the year and the address
    browser.execute_script(
        "const s = document.getElementById('slider'); s.value = 1930; s.dispatchEvent(new Event('input'));"
    )
    assert partners(browser) != in_2010 and "United States" not in partners(browser)
    assert browser.execute_script("return location.hash") == "#year=1930"
    # clicking a partner lists its relations, with sources as links
    browser.execute_script("location.hash = '#year=1985'")
    time.sleep(0.2)
    next(b for b in browser.find_elements("css selector", "#partners button") if b.text == "Soviet Union").click()
    detail = browser.find_element("id", "detail")
    assert detail.find_element("tag name", "h2").text.startswith("Soviet Union in 1985:")
    links = detail.find_elements("css selector", "a[href^='http']")
    assert len(links) >= 3
    assert "partner=SUN" in browser.execute_script("return location.hash")
    browser.save_screenshot(str(tmp_path / "explorer-1280.png"))
    browser.set_window_size(400, 850)
    browser.save_screenshot(str(tmp_path / "explorer-400.png"))
    # no console errors, and no request to any other host
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    requests = [
        json.loads(e["message"])["message"]["params"].get("request", {}).get("url", "")
        for e in browser.get_log("performance")
        if '"Network.requestWillBeSent"' in e["message"]
    ]
    assert requests and all(u.startswith(("file://", "data:")) for u in requests), requests


def test_payload_spans_the_actors_years_and_opens_on_its_busiest(bundled: afrel.RelationGraph) -> None:
    data = payload(bundled, actor="PAK")
    assert data["name"] == "Pakistan" and data["years"][0] == 1947
    assert data["start"] == max(data["years"], key=lambda y: (len(data["frames"][str(y)]), -y))
    assert payload(bundled, actor="PAK", years=[1950, 1951], year=1951)["start"] == 1951
    with pytest.raises(ValueError, match="year 1900 is not among the years shown"):
        payload(bundled, actor="PAK", years=[1950], year=1900)


def test_the_default_years_end_with_the_last_first_of_july_that_has_come(bundled: afrel.RelationGraph) -> None:
    years = [int(y) for y in payload(bundled)["frames"]]
    assert years[-1] == afrel.dates.latest_year() and years[0] == 1919
