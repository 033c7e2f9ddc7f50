/// Formation kinds (jenis formasi) and the forms SSCASN writes them in.
public enum FormationKind {
    /// The kinds with passing marks in the CPNS preset (DOMAIN.md, "Passing marks").
    public static let standard = [
        "umum", "cumlaude", "disabilitas", "putra-putri-papua", "diaspora", "daerah-tertinggal",
    ]

    /// SSCASN's labels (conformance/sscasn-2024, `formasi_nm`) for the standard kinds.
    static let sscasnLabels: [String: String] = [
        "umum": "umum",
        "umum-non-oap": "umum",
        "lulusan-terbaik": "cumlaude",
        "cumlaude": "cumlaude",
        "cum-laude": "cumlaude",
        "penyandang-disabilitas": "disabilitas",
        "disabilitas": "disabilitas",
        "orang-asli-papua-oap": "putra-putri-papua",
        "orang-asli-papua": "putra-putri-papua",
        "putra-putri-papua-dan-papua-barat": "putra-putri-papua",
        "putra-putri-papua": "putra-putri-papua",
        "diaspora": "diaspora",
        "daerah-tertinggal": "daerah-tertinggal",
        "putra-putri-daerah-tertinggal": "daerah-tertinggal",
    ]

    /// The slug for a written kind: a standard kind, an SSCASN label, or any other
    /// label made into a slug ("PUTRA/PUTRI KALIMANTAN" → "putra-putri-kalimantan").
    public static func normalize(_ written: String) -> String {
        var slug = Slug.make(from: written)
        // Scraped exports write the procurement type first: "CPNS Umum", "PPPK Guru".
        for prefix in ["cpns-", "pppk-"] where slug.hasPrefix(prefix) && slug.count > prefix.count {
            slug.removeFirst(prefix.count)
        }
        return sscasnLabels[slug] ?? slug
    }
}
