import Foundation
import TerbukaGuide

/// `terbuka init` and `terbuka new`: files staff start from, valid as they are, with
/// comments saying what each key is for.
public enum Scaffold {
    public struct Failure: Error, CustomStringConvertible {
        public var words: Bilingual
        public var description: String { words.en }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case vacancy, announcement, page
    }

    /// A new site in `folder`: site.yml and one example of everything.
    /// Returns what was done, a line per file ("created content/site.yml"), in both languages.
    /// `releaseURL`: where the pipelines download Terbuka's release archive; nil leaves it to
    /// the CI variable TERBUKA_RELEASE_URL.
    public static func initSite(
        at folder: URL, title: String, agency: String, timezone: SiteTimeZone, today: CivilDate,
        releaseURL: String? = nil
    ) throws -> [Bilingual] {
        let content = folder.appendingPathComponent("content")
        if FileManager.default.fileExists(atPath: content.path) { throw Failure(words: .contentExists(content.path)) }
        var written: [Bilingual] = []
        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            // The folder may already be a repository with its own files: keep them.
            if FileManager.default.fileExists(atPath: url.path) {
                written.append(.kept(path))
                return
            }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            written.append(.created(path))
        }
        try write(
            "content/site.yml",
            """
            # Situs seleksi ASN. Panduan staf: docs/panduan.md; setiap kunci, tahap dan kolom: docs/format.md.
            title: \(yamlText(title))
            agency: \(yamlText(agency))
            # region: Kota Contoh, Provinsi Contoh
            # Zona waktu: Asia/Jakarta atau Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).
            timezone: \(timezone.identifier)
            # Alamat situs setelah diterbitkan, untuk sitemap dan tautan di feed:
            # base_url: https://seleksi.contoh.go.id/
            # contact:
            #   address: Jl. Contoh No. 1
            #   phone: "(0380) 000000"
            #   email: bkpsdm@contoh.go.id
            #   hours: Senin–Jumat, 08.00–15.30

            """)
        try write("content/vacancies/cpns-\(today.year)/index.md", vacancyText(today: today))
        try write(
            "content/vacancies/cpns-\(today.year)/formations.csv",
            """
            code,position,unit,education,kind,quota,salary_min,salary_max
            C\(today.year % 100)-001,ANALIS KEBIJAKAN AHLI PERTAMA,SEKRETARIAT DAERAH | BAGIAN ORGANISASI,S-1 ILMU ADMINISTRASI NEGARA,umum,2,3000000,6500000
            C\(today.year % 100)-002,PRANATA KOMPUTER AHLI PERTAMA,DINAS KOMUNIKASI DAN INFORMATIKA,S-1 INFORMATIKA,cumlaude,1,3000000,6500000

            """)
        try write(
            "content/announcements/selamat-datang.md", announcementText(today: today, title: "Situs seleksi ASN dibuka")
        )
        try write("content/pages/tentang.md", pageText(title: "Tentang"))
        // A note for staff, not an attachment: names starting with '.' are never published.
        try write(
            "content/files/.BACA-SAYA.txt",
            "Letakkan lampiran (PDF, gambar) di folder ini; sebut namanya di 'attachments' sebuah pengumuman.\n")
        // The guide site.yml points to, as this version of Terbuka has it: outside content/,
        // so never published.
        for name in Guide.files {
            guard let text = Guide.text(name) else {
                throw Failure(words: .guideMissing(name))
            }
            try write("docs/\(name)", text)
        }
        for (path, text) in Pipelines.files(version: TerbukaVersion.current, releaseURL: releaseURL, zone: timezone) {
            try write(path, text)
        }
        try write(
            ".gitignore",
            "# What Terbuka writes: the built site and the cache beside it, never committed.\n/output/\n/public/\n/.output.cache/\n/.public.cache/\n"
        )
        return written
    }

    /// A new vacancy, announcement or page with its front matter filled in.
    public static func newFile(_ kind: Kind, slug: String, siteRoot: URL, today: CivilDate) throws -> [String] {
        guard Slug.isValid(slug) else {
            throw Failure(words: .notASlugOption(slug))
        }
        let files: [(String, String)] =
            switch kind {
            case .vacancy:
                [
                    (
                        "content/vacancies/\(slug)/index.md",
                        vacancyText(
                            today: roundDay(slug: slug, today: today), kind: slug.hasPrefix("pppk") ? "pppk" : "cpns")
                    ),
                    ("content/vacancies/\(slug)/formations.csv", emptyFormationList),
                ]
            case .announcement:
                [("content/announcements/\(slug).md", announcementText(today: today, title: "Judul pengumuman"))]
            case .page:
                [("content/pages/\(slug).md", pageText(title: "Judul halaman"))]
            }
        // A vacancy's formations.csv may already be there (from `terbuka import sscasn`): kept.
        let missing = files.filter {
            !FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent($0.0).path)
        }
        if missing.count < files.count, kind != .vacancy || !missing.contains(where: { $0.0.hasSuffix("index.md") }) {
            throw Failure(words: .fileExistsNothingWritten(files[0].0))
        }
        for (path, text) in missing {
            let url = siteRoot.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return missing.map(\.0)
    }

    static let emptyFormationList = "code,position,unit,education,kind,quota,salary_min,salary_max\n"

    /// True for the formation list `new vacancy` writes, holding only its header: an
    /// import may replace it without --force.
    public static func isEmptyFormationList(_ url: URL) -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        return text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            <= 1
    }

    /// The day the placeholders use: today, in the year the slug names (`cpns-2024`) when
    /// it names one.
    static func roundDay(slug: String, today: CivilDate) -> CivilDate {
        guard
            let year = slug.split(separator: "-").compactMap({ Int($0) }).first(where: { (2000...2099).contains($0) }),
            year != today.year
        else {
            return today
        }
        return CivilDate(
            year: year, month: today.month, day: min(today.day, CivilDate.daysIn(month: today.month, year: year)))
            ?? today
    }

    static func yamlText(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func vacancyText(today: CivilDate, kind: String = "cpns") -> String {
        let registrationEnd = CivilDate(daysSinceEpoch: today.daysSinceEpoch + 21)
        return """
            ---
            title: Seleksi \(kind.uppercased()) Tahun Anggaran \(today.year)
            # cpns atau pppk
            kind: \(kind)
            # Tanggal pengumuman; boleh dengan jam: \(today) 09:00
            published: \(today)
            # number: 800.1.2.2/000/BKPSDM/\(today.year)
            summary: Satu paragraf ringkas untuk daftar lowongan.
            schedule:
              - stage: pendaftaran
                start: \(today) 08:00
                # Tanggal tanpa jam berarti sampai akhir hari itu.
                end: \(registrationEnd)
                location: https://sscasn.bkn.go.id
            # Hasil tiap tahap (berkas CSV di folder results/):
            # results:
            #   - stage: administrasi
            #     file: results/administrasi.csv
            #     published: \(today) 16:00
            #     objection_until: \(CivilDate(daysSinceEpoch: today.daysSinceEpoch + 3))
            ---
            Tulis isi pengumuman pengadaan di sini (Markdown): persyaratan, dokumen, tahapan seleksi.

            """
    }

    static func announcementText(today: CivilDate, title: String) -> String {
        """
        ---
        title: \(title)
        date: \(today)
        # category: pengumuman, ralat, jadwal, hasil atau informasi
        category: pengumuman
        # vacancy: cpns-\(today.year)
        # number: 800.1.2.2/000/BKPSDM/\(today.year)
        # attachments:
        #   - nama-berkas.pdf
        ---
        Isi pengumuman.

        """
    }

    static func pageText(title: String) -> String {
        """
        ---
        title: \(title)
        # order: 1
        ---
        Isi halaman.

        """
    }
}
