#!/usr/bin/env python3
"""Generates the notices benchmark of issue 16 twice, with the same notices: a Terbuka site
(content/announcements/*.md) and a Hugo site (content/posts/*.md with a minimal layout),
N Markdown notices of about 3.5 KB each (35 MB for 10,000), fixed seed.

Usage: benchmarks/notices.py FOLDER [--notices N]
Writes FOLDER/terbuka and FOLDER/hugo."""
import argparse
import pathlib
import random

WORDS = ("seleksi pegawai aparatur sipil negara formasi pendaftaran jadwal hasil pengumuman "
         "panitia peserta dokumen persyaratan ijazah transkrip nilai kompetensi dasar bidang "
         "wawancara praktik kerja lokasi tes kabupaten kota dinas badan kepegawaian").split()


def paragraph(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng):
    parts = []
    for section in range(4):
        parts.append(f"## Bagian {section + 1}\n")
        parts.append(paragraph(rng, 70) + "\n")
        parts.append("- " + paragraph(rng, 12) + "\n- " + paragraph(rng, 12) + "\n- **" + paragraph(rng, 8) + "**\n")
        parts.append("| Tahap | Tanggal |\n|---|---|\n| " + rng.choice(WORDS) + " | 2026-0" + str(section + 1) + "-1" +
                     str(section) + " |\n")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--notices", type=int, default=10_000)
    args = parser.parse_args()
    root = pathlib.Path(args.folder)
    rng = random.Random(16)
    terbuka = root / "terbuka/content"
    hugo = root / "hugo"
    (terbuka / "announcements").mkdir(parents=True, exist_ok=True)
    (hugo / "content/posts").mkdir(parents=True, exist_ok=True)
    (hugo / "layouts/_default").mkdir(parents=True, exist_ok=True)
    (terbuka / "site.yml").write_text(
        "title: Benchmark pengumuman\nagency: BKPSDM Kota Contoh\ntimezone: Asia/Jakarta\n"
        "base_url: https://contoh.go.id/\n", encoding="utf-8")
    (hugo / "config.toml").write_text(
        'baseURL = "https://contoh.go.id/"\ntitle = "Benchmark pengumuman"\nlanguageCode = "id"\n'
        'disableKinds = ["taxonomy", "term"]\n', encoding="utf-8")
    # A layout about as plain as Terbuka's announcement page: the title, the date, the body.
    (hugo / "layouts/_default/baseof.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        "<body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n", encoding="utf-8")
    (hugo / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>{{ .Content }}{{ end }}\n',
        encoding="utf-8")
    (hugo / "layouts/_default/list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
        "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n", encoding="utf-8")
    for number in range(args.notices):
        day = 1 + number % 28
        month = 1 + number // 28 % 12
        front = (f"---\ntitle: Pengumuman nomor {number}\ndate: 2026-{month:02d}-{day:02d}\n---\n")
        text = front + body(rng)
        (terbuka / f"announcements/pengumuman-{number:05d}.md").write_text(text, encoding="utf-8")
        (hugo / f"content/posts/pengumuman-{number:05d}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
