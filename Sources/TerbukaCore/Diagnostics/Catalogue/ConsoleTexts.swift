// What the command line and the preview server say around the diagnostics: summaries,
// in the language of messages. (Counts keep the words `error` and `warning` English in
// the gcc-style lines only; here they are words for people.)

extension Bilingual {
    /// `2 errors, 1 warning`.
    public static func counts(errors: Int, warnings: Int) -> Bilingual {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return Bilingual(
            id: "\(errors) kesalahan, \(warnings) peringatan",
            en: "\(plural(errors, "error")), \(plural(warnings, "warning"))")
    }

    public static func buildFailed(_ counts: Bilingual, output: String) -> Bilingual {
        Bilingual(
            id: "build gagal: \(counts.id); \(output) dibiarkan seperti semula",
            en: "build failed: \(counts.en); \(output) was left as it was")
    }

    /// `reused`: files an incremental build took unchanged from the previous output.
    public static func built(pages: Int, files: Int, output: String, seconds: String, reused: Int = 0) -> Bilingual {
        Bilingual(
            id: "\(pages) halaman, \(files) berkas ditulis ke \(output) dalam \(seconds) s"
                + (reused > 0 ? " (\(reused) tidak berubah sejak build sebelumnya)" : ""),
            en: "built \(pages) pages, \(files) files into \(output) in \(seconds) s"
                + (reused > 0 ? " (\(reused) unchanged since the previous build)" : ""))
    }

    public static func upToDate(pages: Int, files: Int, output: String, seconds: String) -> Bilingual {
        Bilingual(
            id:
                "tidak ada yang berubah sejak build sebelumnya: \(output) tetap (\(pages) halaman, \(files) berkas), diperiksa dalam \(seconds) s",
            en:
                "nothing changed since the previous build: \(output) left as it was (\(pages) pages, \(files) files), checked in \(seconds) s"
        )
    }

    public static func checkFailed(_ counts: Bilingual) -> Bilingual {
        Bilingual(id: "pemeriksaan gagal: \(counts.id)", en: "check failed: \(counts.en)")
    }

    public static let contentValid = Bilingual(id: "konten sah", en: "content is valid")

    /// ` (0 errors, 2 warnings)` after a success line, or nothing.
    public static func withWarnings(_ counts: Bilingual, _ warnings: Int) -> Bilingual {
        warnings > 0 ? Bilingual(id: " (\(counts.id))", en: " (\(counts.en))") : .same("")
    }

    public static func previewBuilt(pages: Int) -> Bilingual {
        Bilingual(id: "\(pages) halaman dibuat", en: "built \(pages) pages")
    }

    public static let previewFailed = Bilingual(
        id: "build gagal: yang ditampilkan masih hasil build sebelumnya",
        en: "build failed: the previous build is still served")

    public static let previewBanner = Bilingual(
        id: "Build gagal; halaman ini dari build terakhir yang berhasil.",
        en: "Build failed; this page is from the last good build.")

    public static func serving(_ url: String) -> Bilingual {
        Bilingual(id: "melayani \(url) (Ctrl-C untuk berhenti)", en: "serving \(url) (Ctrl-C to stop)")
    }
}

extension Bilingual {
    // Progress on a terminal while a build runs.
    public static let loadingContent = Bilingual(id: "memuat konten…", en: "loading content…")

    public static func readingContent(vacancies: Int, announcements: Int, pages: Int) -> Bilingual {
        Bilingual(
            id: "membaca \(vacancies) lowongan, \(announcements) pengumuman, \(pages) halaman…",
            en: "reading \(vacancies) vacancies, \(announcements) announcements, \(pages) pages…")
    }

    public static func ranking(_ rows: Int) -> Bilingual {
        Bilingual(id: "memeringkat \(rows) baris hasil…", en: "ranking \(rows) result rows…")
    }

    public static let writingSite = Bilingual(id: "menulis situs…", en: "writing the site…")

    /// After a key that cannot be used for `build --sign`.
    public static let nothingWritten = Bilingual(id: "; tidak ada yang ditulis", en: "; nothing was written")
}

extension Bilingual {
    // The preview server of `terbuka serve`.
    public static func cannotOpenSocket(_ problem: String) -> Bilingual {
        Bilingual(id: "soket tidak dapat dibuka: \(problem)", en: "cannot open a socket: \(problem)")
    }

    public static func cannotListen(port: Int, _ problem: String) -> Bilingual {
        Bilingual(
            id: "tidak dapat mendengarkan di 127.0.0.1:\(port): \(problem)",
            en: "cannot listen on 127.0.0.1:\(port): \(problem)")
    }

    public static let previewOwnHostOnly = Bilingual(
        id: "Pratinjau ini hanya menjawab 127.0.0.1 dan localhost.",
        en: "This preview answers only to 127.0.0.1 and localhost.")
    public static let previewFirstBuild = Bilingual(
        id: "Build pertama sedang berjalan.", en: "The first build is running.")
    public static let previewNotFound = Bilingual(id: "Tidak ditemukan", en: "Not found")
}
