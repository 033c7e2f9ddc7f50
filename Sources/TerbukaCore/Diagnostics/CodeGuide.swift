/// The part of docs/panduan.md that explains every code, made from the catalogue so that
/// the guide and the program cannot drift apart (a test compares them), and what
/// `terbuka explain` prints.
public enum CodeGuide {
    /// The areas codes are grouped by, by their first two digits.
    static let areas: [(prefix: String, title: String)] = [
        ("T01", "Berkas dan folder (T01xx)"),
        ("T02", "Front matter, YAML dan kunci (T02xx)"),
        ("T03", "site.yml, pengumuman, halaman, lampiran dan tema (T03xx)"),
        ("T04", "Pengumuman lowongan: jadwal, hasil dan penilaian (T04xx)"),
        ("T05", "Tabel: CSV, buku kerja Excel dan formasi (T05xx)"),
        ("T06", "Baris tabel hasil (T06xx)"),
        ("T07", "Peringkat dan pemeriksaan antartabel (T07xx)"),
        ("T08", "Menulis dan menandatangani situs (T08xx)"),
    ]

    /// Markdown for the guide: a heading per area, a section per code.
    public static var markdown: String {
        var out = ""
        for (prefix, title) in areas {
            let codes = CodeExplanation.all.filter { $0.code.hasPrefix(prefix) }
            guard !codes.isEmpty else { continue }
            out += "### \(title)\n\n"
            for explanation in codes { out += section(explanation) + "\n" }
        }
        return out
    }

    /// One code: what it means, an example in both languages, what to do.
    public static func section(_ explanation: CodeExplanation) -> String {
        """
        #### \(explanation.code)

        - **Arti:** \(explanation.meaning)
        - **Contoh:** \(codeSpan(text(explanation.example, .id)))
        - **English:** \(codeSpan(text(explanation.example, .en)))
        - **Yang dilakukan:** \(explanation.action)

        """
    }

    /// The explanation of `code` ("T0203", any case), or nil.
    public static func explanation(_ code: String) -> CodeExplanation? {
        CodeExplanation.all.first { $0.code == code.uppercased() }
    }

    /// The message and its hint as a line shows them, without place and code.
    static func text(_ message: Message, _ language: Language) -> String {
        message.text[language] + (message.hint.map { " (\($0[language]))" } ?? "")
    }

    /// A Markdown code span that holds any backticks of `text`.
    static func codeSpan(_ text: String) -> String {
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }
}
