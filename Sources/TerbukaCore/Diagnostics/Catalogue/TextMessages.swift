// T02xx: front matter, YAML and the keys and values written in it.

/// Where keys are written, as messages name it: "unknown key 'ordr' in a page".
public enum KeyPlace: Sendable, Hashable {
    case page, announcement, notice, siteFile, contact, scoring, weights, component, skbPart
    case scheduleEntry, resultsEntry, historyEntry
    case passing(String)

    /// English with its article ("a page"), Indonesian.
    var name: Bilingual {
        switch self {
        case .page: Bilingual(id: "halaman", en: "a page")
        case .announcement: Bilingual(id: "pengumuman", en: "an announcement")
        case .notice: Bilingual(id: "pengumuman lowongan", en: "a vacancy notice")
        case .siteFile: .same("site.yml")
        case .contact: .same("contact")
        case .scoring: .same("scoring")
        case .weights: .same("scoring.weights")
        case .component: Bilingual(id: "komponen penilaian", en: "a scoring component")
        case .skbPart: Bilingual(id: "bagian SKB", en: "an SKB part")
        case .scheduleEntry: Bilingual(id: "entri jadwal", en: "a schedule entry")
        case .resultsEntry: Bilingual(id: "entri hasil", en: "a results entry")
        case .historyEntry: Bilingual(id: "entri riwayat", en: "a history entry")
        case .passing(let kind): .same("scoring.passing.\(kind)")
        }
    }

    /// Without the article, after "each": "each schedule entry must be …".
    var each: Bilingual {
        switch self {
        case .component: Bilingual(id: "komponen", en: "component")
        case .skbPart: Bilingual(id: "bagian SKB", en: "SKB part")
        case .scheduleEntry: Bilingual(id: "entri jadwal", en: "schedule entry")
        case .resultsEntry: Bilingual(id: "entri hasil", en: "results entry")
        case .historyEntry: Bilingual(id: "entri riwayat", en: "history entry")
        case .passing: Bilingual(id: "entri nilai ambang batas", en: "passing entry")
        default: name
        }
    }
}

extension YAMLValue {
    /// What a value is, for "must be text, found a list".
    var kind: Bilingual {
        switch self {
        case .null: Bilingual(id: "kosong", en: "nothing")
        case .scalar: Bilingual(id: "satu nilai", en: "a single value")
        case .sequence: Bilingual(id: "daftar", en: "a list")
        case .mapping: Bilingual(id: "kumpulan kunci", en: "a set of keys")
        }
    }
}

extension Message {
    static var noFrontMatter: Message {
        Message(
            "T0201",
            en:
                "expected front matter: the file must start with a line '---', then YAML keys, then a closing '---' line",
            id: "front matter tidak ada: berkas harus diawali baris '---', lalu kunci YAML, lalu baris penutup '---'")
    }

    static var frontMatterNotClosed: Message {
        Message(
            "T0202",
            en: "front matter opened with '---' on line 1 is never closed",
            id: "front matter yang dibuka dengan '---' pada baris 1 tidak pernah ditutup",
            hint: Bilingual(
                id: "tambahkan baris '---' setelah kunci terakhir", en: "add a line '---' after the last key"))
    }

    static func unknownKey(_ key: String, in place: KeyPlace, known: [String]) -> Message {
        Message(
            "T0203",
            en: "unknown key '\(key)' in \(place.name.en)",
            id: "kunci '\(key)' tidak dikenal di \(place.name.id)",
            hint: .didYouMean(key, in: known)
                ?? Bilingual(
                    id: "kunci yang dikenal: \(known.joined(separator: ", "))",
                    en: "known keys: \(known.joined(separator: ", "))"))
    }

    static func missingKey(_ key: String, in place: KeyPlace) -> Message {
        Message(
            "T0204",
            en: "missing required key '\(key)' in \(place.name.en)",
            id: "kunci wajib '\(key)' tidak ada di \(place.name.id)")
    }

    static func notABool(_ key: String) -> Message {
        Message(
            "T0205", en: "'\(key)' must be true or false",
            id: "'\(key)' harus true atau false (ya atau tidak)")
    }

    static func notAWholeNumber(_ key: String) -> Message {
        Message("T0206", en: "'\(key)' must be a whole number", id: "'\(key)' harus bilangan bulat")
    }

    static func notAList(_ key: String) -> Message {
        Message(
            "T0207", en: "'\(key)' must be a list (lines starting with '- ')",
            id: "'\(key)' harus berupa daftar (baris yang diawali '- ')")
    }

    static func notAMapping(_ key: String, found: YAMLValue) -> Message {
        Message(
            "T0208", en: "'\(key)' must be a set of keys, found \(found.kind.en)",
            id: "'\(key)' harus berupa kumpulan kunci, ditemukan \(found.kind.id)")
    }

    static func notText(_ key: String, found: YAMLValue) -> Message {
        Message(
            "T0209", en: "'\(key)' must be text, found \(found.kind.en)",
            id: "'\(key)' harus berupa teks, ditemukan \(found.kind.id)")
    }

    static func entryNotAMapping(_ place: KeyPlace, found: YAMLValue) -> Message {
        Message(
            "T0210", en: "each \(place.each.en) must be a set of keys, found \(found.kind.en)",
            id: "setiap \(place.each.id) harus berupa kumpulan kunci, ditemukan \(found.kind.id)")
    }

    static func frontMatterNotAMapping(found: YAMLValue) -> Message {
        Message(
            "T0211", en: "front matter must be a set of keys such as 'title: …', found \(found.kind.en)",
            id: "front matter harus berupa kumpulan kunci seperti 'title: …', ditemukan \(found.kind.id)")
    }

    /// A date value that cannot be read: `problem` says why.
    static func badDate(_ key: String, _ problem: DateProblem) -> Message {
        Message("T0212", en: "'\(key)': \(problem.text.en)", id: "'\(key)': \(problem.text.id)", hint: problem.hint)
    }

    static func invalidYAML(_ problem: String) -> Message {
        let words = Bilingual.yamlProblem(problem)
        return Message("T0213", en: "invalid YAML: \(words.en)", id: "YAML tidak sah: \(words.id)")
    }

    static func yamlTooDeep(_ levels: Int) -> Message {
        Message(
            "T0214", en: "the YAML is nested more deeply than \(levels) levels",
            id: "YAML bersarang lebih dalam dari \(levels) tingkat",
            hint: Bilingual(
                id: "berkas konten tidak memerlukan anchor atau alias (&nama, *nama): tuliskan nilainya",
                en: "content files need no anchors or aliases (&name, *name): write the values out"))
    }

    static func yamlTooLarge(_ values: Int) -> Message {
        Message(
            "T0215", en: "the YAML holds more than \(values) values once its aliases are expanded",
            id: "YAML memuat lebih dari \(values) nilai setelah aliasnya diuraikan",
            hint: Bilingual(
                id: "berkas konten tidak memerlukan anchor atau alias (&nama, *nama): tuliskan nilainya",
                en: "content files need no anchors or aliases (&name, *name): write the values out"))
    }

    static func duplicateKey(_ keys: [String]) -> Message {
        let list = keys.joined(separator: "', '")
        return Message(
            "T0216", en: "the key '\(list)' is written more than once", id: "kunci '\(list)' ditulis lebih dari sekali")
    }

    static var keyNotAWord: Message {
        Message(
            "T0217", en: "a key must be a single word such as 'title'",
            id: "kunci harus berupa satu kata seperti 'title'")
    }

    static var yamlAlias: Message {
        Message(
            "T0218", en: "YAML aliases (*name) are not supported in content; write the value out",
            id: "alias YAML (*nama) tidak didukung di konten; tuliskan nilainya")
    }

    /// A quoted value whose escape (`\x01`, `\u0001`) writes a character the file could not
    /// hold as it is (SourceText refuses those).
    static func escapedControlCharacter(_ name: String) -> Message {
        Message(
            "T0219",
            en: "this value writes the control character \(name) with an escape, and no page may show it",
            id:
                "nilai ini menuliskan karakter kendali \(name) lewat escape, dan tidak boleh tampil di halaman mana pun",
            hint: Bilingual(
                id: "hapus escape itu (misalnya \\x01 atau \\u0001) dari nilai dalam tanda kutip",
                en: "delete that escape (such as \\x01 or \\u0001) from the quoted value"))
    }
}

/// Why a written date or time cannot be read.
public enum DateProblem: Sendable, Equatable {
    case notADate(String)
    case noSuchMonth(String, month: Int)
    case noSuchDay(String, year: Int, month: Int)
    case yearOutOfRange(String, year: Int)
    case unexpected(Character)
    case expectedTime
    case seconds
    case noSuchTime(String)
    case notAnOffset(String)
    case unknownZone(String)

    var text: Bilingual {
        switch self {
        case .notADate(let raw): Bilingual(id: "'\(raw)' bukan tanggal", en: "'\(raw)' is not a date")
        case .noSuchMonth(let raw, let month):
            Bilingual(
                id: "tanggal '\(raw)' tidak ada: tidak ada bulan \(month)",
                en: "the date '\(raw)' does not exist: there is no month \(month)")
        case .noSuchDay(let raw, let year, let month):
            Bilingual(
                id:
                    "tanggal '\(raw)' tidak ada: \(IndonesianFormatter.months[month - 1]) \(year) hanya \(CivilDate.daysIn(month: month, year: year)) hari",
                en:
                    "the date '\(raw)' does not exist: \(monthNamesEnglish[month - 1]) \(year) has \(CivilDate.daysIn(month: month, year: year)) days"
            )
        case .yearOutOfRange(let raw, let year):
            Bilingual(
                id: "tahun \(year) pada '\(raw)' di luar 1970–2099",
                en: "the year \(year) in '\(raw)' is outside 1970–2099")
        case .unexpected(let character):
            Bilingual(
                id: "ada '\(character)' yang tidak diharapkan setelah tanggal",
                en: "unexpected '\(character)' after the date")
        case .expectedTime:
            Bilingual(id: "setelah tanggal diharapkan jam HH:MM", en: "expected a time HH:MM after the date")
        case .seconds: Bilingual(id: "detik tidak didukung; tulis HH:MM", en: "seconds are not supported; write HH:MM")
        case .noSuchTime(let raw): Bilingual(id: "jam '\(raw)' tidak ada", en: "the time '\(raw)' does not exist")
        case .notAnOffset(let zone):
            Bilingual(id: "'\(zone)' bukan selisih waktu UTC", en: "'\(zone)' is not a UTC offset")
        case .unknownZone(let zone):
            Bilingual(id: "zona waktu '\(zone)' tidak dikenal", en: "unknown time zone '\(zone)'")
        }
    }

    var hint: Bilingual? {
        let format = Bilingual(
            id: "tulis tanggal sebagai YYYY-MM-DD, boleh diikuti HH:MM dan zona waktu (WIB, WITA, WIT atau +08:00)",
            en: "write dates as YYYY-MM-DD, optionally followed by HH:MM and a zone (WIB, WITA, WIT or +08:00)")
        switch self {
        case .notADate, .unexpected, .expectedTime: return format
        case .yearOutOfRange:
            return Bilingual(
                id: "salah ketik? tanggal seleksi ditulis sebagai YYYY-MM-DD",
                en: "a typing error? recruitment dates are written as YYYY-MM-DD")
        case .notAnOffset:
            return Bilingual(id: "tulis sebagai +07:00, +08:00 atau +09:00", en: "write it as +07:00, +08:00 or +09:00")
        case .unknownZone(let zone):
            return .didYouMean(zone, in: ["WIB", "WITA", "WIT"])
                ?? Bilingual(
                    id: "gunakan WIB, WITA, WIT atau selisih waktu seperti +08:00",
                    en: "use WIB, WITA, WIT or an offset such as +08:00")
        default: return nil
        }
    }
}

extension Bilingual {
    /// What libyaml says, in words a person can act on for its common problems; others as
    /// libyaml writes them.
    static func yamlProblem(_ problem: String) -> Bilingual {
        let known: [String: String] = [
            "mapping values are not allowed in this context":
                "tanda ':' tidak boleh di sini (teks yang memuat ': ' perlu diberi tanda kutip)",
            "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi)",
            "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
            "found character that cannot start any token":
                "ada karakter yang tidak boleh mengawali nilai (misalnya tab, '@' atau '`'; beri tanda kutip)",
            "did not find expected '-' indicator":
                "tanda '-' yang diharapkan tidak ditemukan (periksa indentasi daftar)",
            "found unexpected end of stream": "berkas berakhir di tengah nilai (tanda kutip belum ditutup?)",
            "found undefined tag handle": "tag YAML tidak dikenal ('!'; beri tanda kutip pada nilainya)",
            "did not find expected node content": "nilai yang diharapkan tidak ditemukan",
            "found a tab character that violates indentation": "ada tab pada indentasi; gunakan spasi",
            "found a tab character where an indentation space is expected":
                "ada tab pada indentasi; gunakan spasi",
        ]
        return Bilingual(id: known[problem] ?? problem, en: problem)
    }
}

extension CodeExplanation {
    static let text: [CodeExplanation] = [
        .init(
            .noFrontMatter,
            meaning: "Berkas Markdown tidak diawali front matter (kunci YAML di antara dua baris '---').",
            action: "Tambahkan '---' di baris pertama, kunci seperti `title:`, lalu '---' sebelum isi."),
        .init(
            .frontMatterNotClosed, meaning: "Front matter dibuka tetapi baris penutup '---' tidak ada.",
            action: "Tambahkan baris '---' setelah kunci terakhir."),
        .init(
            .unknownKey("ordr", in: .page, known: ["title", "order", "menu"]),
            meaning: "Ada kunci yang tidak dikenal Terbuka, biasanya salah ketik; nilainya tidak dipakai.",
            action:
                "Perbaiki ejaannya seperti yang disarankan, atau hapus kunci itu. Kunci yang dikenal ada di docs/format.md."
        ),
        .init(
            .missingKey("date", in: .announcement), meaning: "Kunci wajib tidak ditulis.",
            action: "Tambahkan kunci itu dengan nilainya."),
        .init(
            .notABool("draft"), meaning: "Kunci ini hanya menerima ya/tidak.",
            action: "Tulis `true` atau `false` (atau `ya` atau `tidak`)."),
        .init(
            .notAWholeNumber("order"), meaning: "Kunci ini menerima bilangan bulat.",
            action: "Tulis angka tanpa koma atau titik, misalnya `3`."),
        .init(
            .notAList("languages"), meaning: "Kunci ini berupa daftar.",
            action: "Tulis setiap butir pada barisnya sendiri, diawali '- '."),
        .init(
            .notAMapping("scoring", found: .scalar("ya", quoted: false, SourceLocation(path: ""))),
            meaning: "Kunci ini berisi kunci-kunci lain yang diindentasi di bawahnya.",
            action: "Tulis kunci-kuncinya di baris berikut dengan indentasi dua spasi."),
        .init(
            .notText("title", found: .sequence([], SourceLocation(path: ""))),
            meaning: "Kunci ini berisi satu teks, bukan daftar atau kumpulan kunci.",
            action: "Tulis teksnya pada baris yang sama setelah ':'; beri tanda kutip bila memuat ': '."),
        .init(
            .entryNotAMapping(.scheduleEntry, found: .scalar("SKD", quoted: false, SourceLocation(path: ""))),
            meaning: "Setiap butir daftar ini berupa kumpulan kunci (misalnya `stage`, `start`, `end`).",
            action: "Tulis butirnya sebagai '- stage: …' dengan kunci berikutnya diindentasi di bawahnya."),
        .init(
            .frontMatterNotAMapping(found: .sequence([], SourceLocation(path: ""))),
            meaning: "Front matter harus berupa kumpulan kunci.",
            action: "Tulis setiap kunci sebagai 'nama: nilai' pada barisnya sendiri."),
        .init(
            .badDate("date", .notADate("1 Maret 2024")), meaning: "Tanggal atau jam tidak dapat dibaca.",
            action:
                "Tulis tanggal sebagai YYYY-MM-DD (misalnya 2024-03-01), boleh diikuti HH:MM dan WIB, WITA atau WIT."),
        .init(
            .invalidYAML("mapping values are not allowed in this context"),
            meaning: "Front matter atau berkas YAML tidak dapat dibaca sebagai YAML.",
            action: "Periksa baris yang disebut: indentasi, tanda kutip, dan ': ' di dalam teks (beri tanda kutip)."),
        .init(
            .yamlTooDeep(64), meaning: "YAML bersarang terlalu dalam untuk berkas konten.",
            action: "Tulis nilainya secara langsung tanpa anchor dan alias."),
        .init(
            .yamlTooLarge(100_000), meaning: "Alias YAML menghasilkan terlalu banyak nilai.",
            action: "Tulis nilainya secara langsung tanpa anchor dan alias."),
        .init(
            .duplicateKey(["title"]), meaning: "Satu kunci ditulis dua kali; tidak jelas nilai mana yang berlaku.",
            action: "Hapus salah satunya."),
        .init(
            .keyNotAWord, meaning: "Kunci YAML harus berupa satu kata.",
            action: "Tulis kunci sebagai satu kata, misalnya `title:`."),
        .init(
            .yamlAlias, meaning: "Alias YAML (*nama) tidak dipakai di konten.",
            action: "Tuliskan nilainya secara langsung."),
        .init(
            .escapedControlCharacter("U+0001"),
            meaning:
                "Nilai dalam tanda kutip ganda menuliskan karakter kendali lewat escape (\\x01, \\u0001); karakter seperti itu tidak terlihat dan tidak boleh tampil di halaman.",
            action: "Hapus escape itu dari nilainya."),
    ]
}
