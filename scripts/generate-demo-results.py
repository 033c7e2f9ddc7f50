#!/usr/bin/env python3
"""Generates the demo site's result tables (content/vacancies/*/results/*).

Deterministic (fixed seed): run it again and the files are byte-identical. The tables
include what real rounds have: TMS with reasons, absentees (TH), a disqualification
(DIS), a withdrawal (APS), a tie at the SKD shortlist cut-off, and a final tie on every
score broken by IPK, an SKB of three weighted parts (CAT, interview, practical test),
and a PPPK 2024 table with the four priority groups, a tie on every score at the last
seat broken by age, two national optimisation moves and a formation nobody applied for.
Files are written as Excel set to Indonesian writes them: `;` as
separator, decimal comma, byte-order mark and CRLF. The CPNS SKD table is an Excel
workbook shaped as agencies receive them: a title row, then a header of two rows with
NILAI SKD merged over TWK, TIU and TKP, and a row-number column (NO). The PPPK
administration table has KETERANGAN for the status and ALASAN TMS for the reason.

Usage: scripts/generate-demo-results.py [content-folder]
"""
import csv
import io
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

CONTENT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "content")
rng = random.Random(2026)

FIRST = ["Agustinus", "Maria", "Yohanes", "Fransiska", "Petrus", "Elisabeth", "Yosef", "Theresia", "Markus", "Agnes",
         "Dominikus", "Katarina", "Stefanus", "Veronika", "Antonius", "Margaretha", "Benediktus", "Yuliana", "Kristoforus",
         "Sesilia", "Muhammad", "Siti", "Ahmad", "Nur", "Dewi", "Putu", "Made", "Ni Luh", "Rian", "Intan", "Yanto", "Febri",
         "Aldi", "Melati", "Oktaviani", "Yosua", "Natalia", "Imanuel", "Debora", "Gabriel"]
LAST = ["Tefa", "Nenobais", "Lay", "Manafe", "Ndolu", "Bessie", "Tallo", "Fanggidae", "Lede", "Pello", "Riwu", "Kana",
        "Seran", "Nahak", "Bria", "Mau", "Taek", "Klau", "Lobo", "Dethan", "Saputra", "Wulandari", "Pratama", "Lestari",
        "Sabon", "Kolo", "Boimau", "Haning", "Tanesib", "Oematan"]
REASONS = ["Ijazah tidak sesuai kualifikasi pendidikan formasi",
           "Surat lamaran tidak bermeterai",
           "Transkrip nilai tidak diunggah",
           "IPK di bawah syarat formasi lulusan terbaik"]


def read_formations(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        sample = f.readline()
        f.seek(0)
        sep = ";" if sample.count(";") > sample.count(",") else ","
        rows = list(csv.reader(f, delimiter=sep))
    header = [h.strip().lower().replace(" ", "_") for h in rows[0]]
    code = header.index("code") if "code" in header else header.index("kode_formasi")
    quota = header.index("quota") if "quota" in header else header.index("kebutuhan")
    kind = header.index("kind") if "kind" in header else header.index("jenis_formasi")
    return [(r[code], int(r[quota]), r[kind].strip().lower()) for r in rows[1:] if r]


def write(path, header, rows):
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())


def column_name(n):
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def write_xlsx(path, sheet, rows, merges):
    """A workbook as Excel writes one: text in shared strings, numbers as number cells,
    merged ranges listed after the cells. Fixed timestamps, so that runs are identical."""
    shared, index = [], {}
    cells_xml = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            ref = f"{column_name(c)}{r}"
            if value is None or value == "":
                continue
            if isinstance(value, (int, float)):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                if value not in index:
                    index[value] = len(shared)
                    shared.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        cells_xml.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(cells_xml) + "</sheetData>" + merge_xml + "</worksheet>",
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">' + "".join(f'<si><t xml:space="preserve">{escape(v)}</t></si>' for v in shared) + "</sst>",
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def comma(value, decimals):
    return f"{value:.{decimals}f}".replace(".", ",")


def people(prefix, formations, per_seat):
    result = []
    serial = 1
    used = set()
    for code, quota, kind in formations:
        for _ in range(quota * rng.randint(*per_seat) + rng.randint(2, 5)):
            while True:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}".upper()
                if name not in used:
                    used.add(name)
                    break
            result.append({"number": f"{prefix}{serial:06d}", "name": name, "formation": code, "kind": kind})
            serial += 1
    return result


def administration(applicants):
    rows = []
    for p in applicants:
        ms = rng.random() > 0.12
        p["ms"] = ms
        rows.append([p["number"], p["name"], p["formation"], "MS" if ms else "TMS", "" if ms else rng.choice(REASONS)])
    return rows


def skd_scores(p):
    strong = rng.random()
    twk = 5 * rng.randint(10 + int(strong * 8), 28)
    tiu = 5 * rng.randint(12 + int(strong * 8), 33)
    tkp = rng.randint(140 + int(strong * 20), 205)
    return twk, tiu, tkp


def passes(kind, twk, tiu, tkp):
    if kind in ("umum",):
        return twk >= 65 and tiu >= 80 and tkp >= 166
    if kind in ("cumlaude", "diaspora"):
        return twk + tiu + tkp >= 311 and tiu >= 85
    return twk + tiu + tkp >= 286 and tiu >= 60


def cpns(folder):
    formations = read_formations(os.path.join(folder, "formations.csv"))
    quota = {code: q for code, q, _ in formations}
    applicants = people("2653001", formations, (4, 7))
    write(os.path.join(folder, "results", "administrasi.csv"), ["No Peserta", "Nama", "Kode Formasi", "Status", "Alasan"],
          administration(applicants))

    sitting = [p for p in applicants if p["ms"]]
    for p in sitting:
        p["skd"] = skd_scores(p)
        p["absent"] = None
    absent = rng.sample(sitting, 6)
    for p in absent[:5]:
        p["absent"] = "TH"
    absent[5]["absent"] = "DIS"

    # A tie at the shortlist cut-off: in NK26-C009 (3 seats, shortlist 9) the 9th and
    # 10th who passed get the same scores, so both go on to SKB.
    def key(p):
        twk, tiu, tkp = p["skd"]
        return (passes(p["kind"], *p["skd"]), twk + tiu + tkp, tkp, tiu, twk)
    c009 = sorted([p for p in sitting if p["formation"] == "NK26-C009" and not p["absent"]], key=key, reverse=True)
    for p in c009[:11]:
        twk, tiu, tkp = p["skd"]
        p["skd"] = (max(twk, 70), max(tiu, 85), max(tkp, 170))
    c009.sort(key=key, reverse=True)
    c009[9]["skd"] = c009[8]["skd"]

    def shortlist():
        # As the generator computes it: rank <= 3 x quota among those who passed.
        result = []
        by_formation = {}
        for p in sitting:
            if not p["absent"]:
                by_formation.setdefault(p["formation"], []).append(p)
        for code in sorted(by_formation):
            group = sorted(by_formation[code], key=key, reverse=True)
            cutoff = 3 * quota[code]
            rank = 0
            previous = None
            for index, p in enumerate(group):
                if key(p) != previous:
                    rank = index + 1
                    previous = key(p)
                if key(p)[0] and rank <= cutoff:
                    result.append(p)
        return result

    # A final tie on every score broken by IPK: the two best in NK26-C004 get the same
    # SKD scores here and the same SKB score below.
    c004 = [p for p in shortlist() if p["formation"] == "NK26-C004"]
    twins = (c004[0], c004[1]) if len(c004) > 1 else None
    if twins:
        twins[1]["skd"] = twins[0]["skd"]

    rows = [["PENGUMUMAN HASIL SELEKSI KOMPETENSI DASAR CPNS KABUPATEN NUSA KENARI 2026 (DATA CONTOH)"],
            ["NO", "NOMOR PESERTA", "NAMA", "KODE FORMASI", "NILAI SKD", None, None, "KETERANGAN"],
            [None, None, None, None, "TWK", "TIU", "TKP", None]]
    for number, p in enumerate(sitting, start=1):
        if p["absent"]:
            rows.append([number, p["number"], p["name"], p["formation"], None, None, None, p["absent"]])
        else:
            rows.append([number, p["number"], p["name"], p["formation"], *p["skd"], None])
    write_xlsx(os.path.join(folder, "results", "skd.xlsx"), "Hasil SKD", rows,
               ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3"])

    shortlisted = shortlist()

    # The SKD table as first published, before the objection period (history in the
    # notice): one TKP mis-typed as 150 (the participant failed TKP there, and the next in
    # line was shortlisted), one participant left out. Chosen without the random source,
    # so the rest of the demo stays as it was.
    # The corrected one is the last shortlisted of a general formation where someone else
    # met the marks without being shortlisted: that one moves up in the first version.
    kinds = {code: kind for code, _, kind in formations}

    def waiting(code):
        return [p for p in sitting if p["formation"] == code and not p["absent"] and p not in shortlisted
                and key(p)[0]]
    corrected = next(
        [p for p in shortlisted if p["formation"] == code][-1]
        for code in sorted(quota)
        if kinds[code] == "umum" and code not in ("NK26-C009", "NK26-C004") and waiting(code))
    omitted = next(p for p in sitting
                   if not p["absent"] and p not in shortlisted and p["formation"] != corrected["formation"])
    rows = []
    for p in sitting:
        if p is omitted:
            continue
        if p["absent"]:
            rows.append([p["number"], p["name"], p["formation"], "", "", "", p["absent"]])
        else:
            twk, tiu, tkp = p["skd"]
            rows.append([p["number"], p["name"], p["formation"], twk, tiu, 150 if p is corrected else tkp, ""])
    write(os.path.join(folder, "results", "skd-2026-09-25.csv"),
          ["No Peserta", "Nama", "Kode Formasi", "TWK", "TIU", "TKP", "Keterangan"], rows)
    rows = []
    skb_absent = rng.choice([p for p in shortlisted if p not in (twins or ())])
    for p in shortlisted:
        ipk = comma(rng.uniform(2.9, 3.95), 2)
        birth = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1991, 2003)}"
        if p is skb_absent:
            rows.append([p["number"], p["name"], p["formation"], "", "", "", "TH", ipk, birth])
            continue
        # The notice's SKB: CAT 50 %, interview 30 %, practical test 20 % (scoring.skb).
        parts = (rng.randint(50, 95), rng.randint(60, 95), rng.randint(55, 98))
        if twins and p is twins[1]:
            parts = twins[0]["skb"]
            ipk = "3,81"
        if twins and p is twins[0]:
            ipk = "3,64"
        p["skb"] = parts
        rows.append([p["number"], p["name"], p["formation"], *parts, "", ipk, birth])
    write(os.path.join(folder, "results", "skb.csv"),
          ["Nomor Peserta", "Nama", "Kode Formasi", "CAT", "Wawancara", "Praktik", "Keterangan", "IPK", "Tanggal Lahir"],
          rows)


GROUPS = ["R1", "R2", "R3", "R4"]
GROUP_NAMES = {"R1": "Prioritas", "R2": "Eks THK-II", "R3": "Non-ASN terdata", "R4": "Non-ASN tidak terdata"}


def pppk(folder):
    """PPPK 2024 rules (KepmenPANRB 347/2024; PermenPANRB 6/2024 art. 47): priority group
    first, then total, teknis, manajerial, wawancara, then the older applicant."""
    formations = read_formations(os.path.join(folder, "formations.csv"))
    quota = {code: q for code, q, _ in formations}
    # Nobody applied for NK26-P004: its seats stay empty (formasi kosong).
    applicants = [p for p in people("2653002", formations, (2, 4)) if p["formation"] != "NK26-P004"]
    admin = administration(applicants)
    # Nobody in NK26-P005 meets the requirements: BKN's optimisation fills its seat.
    for p, row in zip(applicants, admin):
        if p["formation"] == "NK26-P005":
            p["ms"] = False
            row[3] = "TMS"
            row[4] = row[4] or REASONS[0]
    write(os.path.join(folder, "results", "administrasi.csv"), ["NO", "NO PESERTA", "NAMA", "KODE FORMASI", "KETERANGAN", "ALASAN TMS"],
          [[number] + row for number, row in enumerate(admin, start=1)])
    sitting = [p for p in applicants if p["ms"]]
    for index, p in enumerate(sitting):
        # Every group appears: the first four participants take one each.
        p["group"] = GROUPS[index] if index < 4 else rng.choice(GROUPS + GROUPS[1:] + [""])
        p["scores"] = (5 * rng.randint(40, 84), rng.randint(95, 170), rng.randint(20, 40))
        p["birth"] = (rng.randint(1975, 2001), rng.randint(1, 12), rng.randint(1, 28))
        p["status"] = ""
        p["to"] = ""
    th = rng.choice(sitting)
    aps = rng.choice([p for p in sitting if p is not th])
    th["status"], aps["status"] = "TH", "APS"

    def key(p):
        group = 4 - GROUPS.index(p["group"]) if p["group"] else 0
        teknis, manajerial, wawancara = p["scores"]
        year, month, day = p["birth"]
        return (group, teknis + manajerial + wawancara, teknis, manajerial, wawancara, -(year * 372 + month * 31 + day))

    def ranked(code):
        return sorted([p for p in sitting if p["formation"] == code and not p["status"]], key=key, reverse=True)

    # NK26-P006 (6 seats): the 6th and 7th tie on every score in the same group; the
    # older one takes the last seat.
    p006 = ranked("NK26-P006")
    sixth, seventh = p006[5], p006[6]
    seventh["group"], seventh["scores"] = sixth["group"], sixth["scores"]
    sixth["birth"], seventh["birth"] = (1990, 5, 1), (1987, 2, 14)
    # NK26-P001 (5 seats): the first two beyond the seats are placed by optimisation, one
    # in NK26-P005 (the same position for applicants with disabilities), one elsewhere.
    p001 = ranked("NK26-P001")
    p001[quota["NK26-P001"]]["status"], p001[quota["NK26-P001"]]["to"] = "P/L-E1", "NK26-P005"
    p001[quota["NK26-P001"] + 1]["status"] = "L-2"
    p001[quota["NK26-P001"] + 1]["to"] = "Pemerintah Kabupaten Sumba Nusa, Guru Kelas"

    rows = []
    for p in sitting:
        group = GROUP_NAMES[p["group"]] if p["group"] and rng.random() < 0.3 else p["group"]
        year, month, day = p["birth"]
        birth = f"{day:02d}-{month:02d}-{year}"
        if p["status"] in ("TH", "APS"):
            rows.append([p["number"], p["name"], p["formation"], "", "", "", group, birth, p["status"], ""])
            continue
        rows.append([p["number"], p["name"], p["formation"], *p["scores"], group, birth, p["status"], p["to"]])
    write(os.path.join(folder, "results", "kompetensi.csv"),
          ["No Peserta", "Nama", "Kode Formasi", "Teknis", "Manajerial", "Wawancara", "Kategori", "Tanggal Lahir",
           "Keterangan", "Formasi Tujuan"], rows)


cpns(os.path.join(CONTENT, "vacancies", "cpns-2026"))
pppk(os.path.join(CONTENT, "vacancies", "pppk-2026"))
