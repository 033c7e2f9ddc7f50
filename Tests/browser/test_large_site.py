"""A large site in Chromium, from file:// (issue 16): 3,000 notices (benchmarks/notices.py) and
a vacancy of 2,000 formations. Every page stays within 60 KB with what it loads; the pages
of a list lead from one to the next; a search loads its keys and one shard, at most 200 KB,
and finds a notice by its number and a formation by its code.

Run by scripts/test.sh (TERBUKA_BIN: the built terbuka binary)."""
import os
import pathlib
import shutil
import subprocess
import sys
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_browser import PAGE_BUDGET, chromium, page_weight, severe_console_messages

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = pathlib.Path(os.environ.get("TERBUKA_BROWSER_OUT", "/tmp/terbuka-browser")) / "large"
NOTICES = 3_000
FORMATIONS = 2_000


@pytest.fixture(scope="module")
def large_site():
    if WORK.exists():
        shutil.rmtree(WORK)
    subprocess.run([sys.executable, str(ROOT / "benchmarks/notices.py"), str(WORK), "--notices", str(NOTICES)],
                   check=True)
    content = WORK / "terbuka/content"
    vacancy = content / "vacancies/pppk-2026"
    vacancy.mkdir(parents=True)
    (vacancy / "index.md").write_text(
        "---\ntitle: Seleksi PPPK Guru 2026\nkind: pppk\npublished: 2026-03-01\n---\nKebutuhan guru.\n",
        encoding="utf-8")
    rows = ["code,position,unit,kind,quota"] + [
        f"G{number:04d},GURU AHLI PERTAMA KELAS {number},SD NEGERI {number} KOTA CONTOH,umum,1"
        for number in range(FORMATIONS)]
    (vacancy / "formations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    binary = os.environ.get("TERBUKA_BIN", str(ROOT / ".build/debug/terbuka"))
    output = WORK / "output"
    subprocess.run([binary, "build", "--quiet", "--site", str(WORK / "terbuka"), "--output", str(output)], check=True)
    return output


@pytest.fixture(scope="module")
def driver(large_site):
    browser = chromium()
    yield browser
    browser.quit()


def test_no_page_of_the_large_site_exceeds_60_kb(large_site):
    pages = list(large_site.rglob("*.html"))
    assert len(pages) > NOTICES
    heavy = [(page_weight(large_site, page), page.relative_to(large_site).as_posix()) for page in pages]
    assert [entry for entry in heavy if entry[0] > PAGE_BUDGET] == []
    print(f"heaviest of {len(pages)} pages: {max(heavy)}")


def test_the_announcement_pages_lead_from_the_first_to_the_last(driver, large_site):
    driver.get((large_site / "pengumuman/index.html").as_uri())
    seen = []
    pages = 0
    while True:
        pages += 1
        seen += [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ul.cards h3 a")]
        following = driver.find_elements(By.CSS_SELECTOR, "nav.list-pages a[rel=next]")
        if not following:
            break
        following[0].click()
        WebDriverWait(driver, 10).until(lambda d: f"/pengumuman/{pages + 1}/index.html" in d.current_url)
    assert len(seen) == NOTICES
    assert len(set(seen)) == NOTICES
    assert pages == (NOTICES + 49) // 50
    assert severe_console_messages(driver) == []


def loaded_scripts(driver, site):
    """The bytes of the page and of every script and style sheet it holds, the search's
    shards included (added as script elements), read from disk. From file:// Chromium lists
    no resource timings, so the elements are counted."""
    names = driver.execute_script(
        "return [location.href].concat(Array.from(document.scripts).map(function (s) { return s.src; }),"
        " Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(function (l) { return l.href; }))"
        ".filter(Boolean)")
    assert any(name.endswith("search.js") for name in names), names
    return sum(pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(name.split("?")[0]).path)).stat().st_size
               for name in set(names))


def search(driver, site, words):
    driver.get((site / "cari/index.html").as_uri())
    field = driver.find_element(By.CSS_SELECTOR, "form.site-search input")
    field.send_keys(words)
    driver.find_element(By.CSS_SELECTOR, "form.site-search button").click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li")
        or d.find_element(By.CSS_SELECTOR, "form.site-search [role=status]").text)
    return driver.find_elements(By.CSS_SELECTOR, ".search-results li")


def test_a_search_finds_a_notice_by_its_number_loading_at_most_200_kb(driver, large_site):
    items = search(driver, large_site, "nomor 2718")
    assert [item.text for item in items] == ["Pengumuman nomor 2718 — Pengumuman"]
    link = items[0].find_element(By.CSS_SELECTOR, "a").get_attribute("href")
    assert link.endswith("/pengumuman/pengumuman-02718/index.html")
    weight = loaded_scripts(driver, large_site)
    # The keys, a shard and the scripts at least: more than the page alone.
    assert 20_000 < weight <= 200_000, weight
    assert severe_console_messages(driver) == []


def test_a_search_finds_a_formation_on_the_page_that_lists_it(driver, large_site):
    items = search(driver, large_site, "g1234")
    assert len(items) == 1
    assert loaded_scripts(driver, large_site) <= 200_000
    items[0].find_element(By.CSS_SELECTOR, "a").click()
    WebDriverWait(driver, 10).until(lambda d: "/formasi/" in d.current_url)
    codes = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child")]
    assert "G1234" in codes


def test_a_word_in_every_title_says_only_the_newest_are_shown(driver, large_site):
    items = search(driver, large_site, "pengumuman")
    assert len(items) == 50
    status = driver.find_element(By.CSS_SELECTOR, "form.site-search [role=status]").text
    assert "hanya sebagian hasil" in status
    assert loaded_scripts(driver, large_site) <= 200_000
