/// The columns of each result table, with the names spreadsheets give them. Generic
/// names (`KETERANGAN`, `FORMASI`) are tentative: the values decide what they are.
enum ResultColumns {
    static let participant = TableColumn("participant", aliases: ["nomor_peserta", "no_peserta", "no peserta", "nopeserta", "nomor peserta",
                                                                  "no_ujian", "nomor_ujian", "no_registrasi"], required: true)
    static let name = TableColumn("name", aliases: ["nama", "nama_peserta", "nama_lengkap"], required: true)
    /// Required unless the table names position and unit, matched against formations.csv.
    static let formation = TableColumn("formation", aliases: ["kode_formasi", "kode", "id_formasi", "formasi_id"], tentative: ["formasi"], required: true)
    static let position = TableColumn("position", aliases: ["jabatan", "nama_jabatan", "jabatan_dilamar"], tentative: ["formasi"])
    static let unit = TableColumn("unit", aliases: ["unit_kerja", "lokasi", "lokasi_formasi", "penempatan", "unit_penempatan", "lokasi_penempatan"])
    static let kind = TableColumn("kind", aliases: ["jenis_formasi", "jenis", "formasi_nm"])
    static let education = TableColumn("education", aliases: ["pendidikan", "kualifikasi_pendidikan", "jenjang_pendidikan"])
    static let ipk = TableColumn("ipk", aliases: ["gpa", "nilai_ipk"])
    static let birthDate = TableColumn("birth_date", aliases: ["tanggal_lahir", "tgl_lahir"])
    static let total = TableColumn("total", aliases: ["jumlah", "nilai_total", "total_nilai", "jumlah_nilai"])
    static let rank = TableColumn("rank", aliases: ["peringkat", "ranking", "rangking"])
    static let status = TableColumn("status", aliases: ["status_kelulusan", "kelulusan"], tentative: ["keterangan", "ket", "hasil"])

    /// The formation of a row, and what describes it: read to find the formation when
    /// there is no code, and otherwise accepted without being published twice.
    static let common = [participant, name, formation, position, unit, kind, education, ipk, birthDate]

    static func columns(for stage: ResultStage, rules: ScoringRules) -> [TableColumn] {
        switch stage {
        case .administrasi:
            return common + [TableColumn("status", aliases: ["status_administrasi", "hasil_administrasi"], tentative: ["keterangan", "ket", "hasil"], required: true),
                             TableColumn("reason", aliases: ["alasan", "alasan_tms", "alasan_tidak_memenuhi_syarat"], tentative: ["keterangan", "ket", "catatan"])]
        case .skd:
            return common + SKDMark.tests.map { TableColumn($0.rawValue, aliases: ["nilai_\($0.rawValue)"], required: true) }
                + [TableColumn("total", aliases: total.aliases + ["nilai_skd", "total_skd", "skd"]), rank, status]
        case .skb:
            return common + [TableColumn("skb", aliases: ["nilai_skb"], required: true), status]
        case .akhir:
            // A header like `SKD (40%)` may hold the SKD total or its weighted part: the values decide.
            return common + [TableColumn("skd", aliases: ["nilai_skd", "total_skd"], tentative: ["skd"]),
                             TableColumn("skd_weighted", tentative: ["skd", "nilai_skd"]),
                             TableColumn("skb", aliases: ["nilai_skb"], tentative: ["skb"]),
                             TableColumn("skb_weighted", tentative: ["skb", "nilai_skb"]),
                             TableColumn("final", aliases: ["nilai_akhir", "akhir", "nilai_integrasi", "integrasi", "total_nilai_akhir"]), rank, status]
        case .kompetensi:
            return common + rules.components.map { TableColumn($0.id, aliases: ["nilai_\($0.id)"], required: true) } + [total, rank, status]
        }
    }

    /// Status codes a stage's table may carry: what a generic column must hold to be read
    /// as the status.
    static func statusCodes(for stage: ResultStage) -> Set<String> {
        Set(ResultStatus.accepted(at: stage).map(\.code))
    }

    /// Whether sample values fit a column that a generic header may be.
    static func fits(_ column: String, values: [String], header: String, statusCodes: Set<String>, formations: FormationIndex,
                     decimalComma: Bool) -> Bool {
        func numbers(scale: Int, max: Int) -> Bool {
            values.allSatisfy { Scores.parse($0, scale: scale, decimalComma: decimalComma).map { $0 <= max } ?? false }
        }
        // `SKB (60%)` whose values stay within 60 is the weighted part, not the score.
        var weightedByHeader = false
        if let percent = percentage(in: header) {
            weightedByHeader = numbers(scale: 3, max: percent * 1000)
        }
        switch column {
        case "status": return values.allSatisfy { statusCodes.contains(ResultStatus.normalize($0)) }
        case "formation": return formations.areCodes(values)
        case "position": return formations.arePositions(values)
        case "skd": return !weightedByHeader && numbers(scale: 0, max: SKDMark.total.maximum)
        case "skb": return !weightedByHeader && numbers(scale: 2, max: ScoreRange.skbHundredths)
        case "skd_weighted", "skb_weighted": return numbers(scale: 3, max: ScoreRange.finalThousandths)
        default: return true
        }
    }

    /// 40 in `SKD (40%)` or `SKD 40 %`.
    static func percentage(in header: String) -> Int? {
        guard let percent = header.firstIndex(of: "%") else { return nil }
        let digits = header[..<percent].reversed().drop { $0 == " " }.prefix { $0.isASCIIDigit }
        return digits.isEmpty ? nil : Int(String(digits.reversed()))
    }

    /// What personal data a header names, if any: the whole name, its last word (a second
    /// header row under a group: "DATA PRIBADI ALAMAT"), or without a part in brackets.
    static func personalHeader(_ name: String) -> String? {
        let candidates = [TableColumn.normalize(name), TableColumn.withoutBrackets(name),
                          name.split(separator: " ").last.map { TableColumn.normalize(String($0)) }]
        return candidates.compactMap { $0 }.lazy.compactMap { personalHeaders[$0] }.first
    }

    /// Header names that are personal data under another name (DOMAIN.md, "Personal
    /// data"), normalized as TableColumn.normalize does, with what they are.
    static let personalHeaders: [String: String] = [
        "nik": "NIK", "noktp": "NIK", "ktp": "NIK", "nomorktp": "NIK", "nomorindukkependudukan": "NIK",
        "kk": "KK number", "nokk": "KK number", "nomorkk": "KK number", "kartukeluarga": "KK number",
        "telepon": "phone number", "telp": "phone number", "notelp": "phone number", "nohp": "phone number", "hp": "phone number",
        "handphone": "phone number", "phone": "phone number", "whatsapp": "phone number", "wa": "phone number", "nowa": "phone number",
        "email": "e-mail address", "surel": "e-mail address", "emailaddress": "e-mail address",
        "alamat": "address", "address": "address", "domisili": "address", "alamatdomisili": "address",
        "tempatlahir": "place of birth", "tempattanggallahir": "birth date", "ttl": "birth date", "lahir": "birth date",
        "dob": "birth date", "dateofbirth": "birth date", "tanggallhr": "birth date", "umur": "age", "usia": "age",
        "npwp": "NPWP", "rekening": "bank account", "norek": "bank account", "norekening": "bank account", "nip": "NIP",
    ]
}

/// Recognizes values that are personal data.
enum PersonalData {
    /// What the value looks like, or nil.
    static func kind(of raw: String) -> String? {
        let text = raw.trimmingSpaces
        if text.isEmpty { return nil }
        let compact = text.filter { $0 != " " && $0 != "-" && $0 != "." && $0 != "'" }
        if compact.count == 16, compact.allSatisfy(\.isASCIIDigit) { return "a NIK (16 digits)" }
        if text.contains("@"), text.contains("."), !text.contains(" ") { return "an e-mail address" }
        var phone = compact
        if phone.hasPrefix("+") { phone.removeFirst() }
        if (phone.hasPrefix("628") || phone.hasPrefix("08")), (10...14).contains(phone.count), phone.allSatisfy(\.isASCIIDigit) {
            return "a phone number"
        }
        if looksLikeDate(text) { return "a date (birth date?)" }
        return nil
    }

    /// Published free text: a NIK, e-mail or phone anywhere inside. One pass over the
    /// bytes without allocating, since it runs on every name of every table.
    static func kindInside(_ text: String) -> String? {
        // Names and reasons rarely hold digits or '@'; nothing else here can match.
        guard text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x40 }) else { return nil }
        // A date with a year before 2010 in published text is most likely a birth date. Only
        // text with a digit, a date separator and a digit in a row is looked at closely.
        var mayHoldDate = false
        var twoBack: UInt8 = 0
        var oneBack: UInt8 = 0
        for byte in text.utf8 {
            if (oneBack == 0x2D || oneBack == 0x2F || oneBack == 0x2E), twoBack >= 0x30, twoBack <= 0x39, byte >= 0x30, byte <= 0x39 {
                mayHoldDate = true
                break
            }
            twoBack = oneBack
            oneBack = byte
        }
        if mayHoldDate {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            where PersonalData.looksLikeDate(String(word)) {
                let year = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init).first { $0.count == 4 }
                if let year, let value = Int(year), value < 2010 { return "a date that looks like a birth date" }
            }
        }
        var count = 0
        var first: UInt8 = 0, second: UInt8 = 0, third: UInt8 = 0
        var previousWasSeparator = false
        func finish() -> String? {
            defer { count = 0 }
            if count >= 16 { return "a NIK (16 digits)" }
            let mobile = (first == 0x30 && second == 0x38) || (first == 0x36 && second == 0x32 && third == 0x38)
            if mobile, (10...14).contains(count) { return "a phone number" }
            return nil
        }
        var previous: UInt8 = 0x20
        var afterAt: [UInt8]? = nil
        for byte in text.utf8 {
            defer { previous = byte }
            if var tail = afterAt {
                // Collecting what follows an '@' up to a space.
                if byte == 0x20 {
                    if tail.contains(0x2E) { return "an e-mail address" }
                    afterAt = nil
                } else {
                    tail.append(byte)
                    afterAt = tail
                }
                continue
            }
            if byte >= 0x30 && byte <= 0x39 {
                switch count {
                case 0: first = byte
                case 1: second = byte
                case 2: third = byte
                default: break
                }
                count += 1
                previousWasSeparator = false
            } else if count > 0, !previousWasSeparator, byte == 0x20 || byte == 0x2D || byte == 0x2E {
                // "0812-3456-7890", "5301 0123 …": one separator inside a number keeps it going.
                previousWasSeparator = true
            } else {
                if let kind = finish() { return kind }
                previousWasSeparator = false
                if byte == 0x40, previous != 0x20 { afterAt = [] }
            }
        }
        if let tail = afterAt, tail.contains(0x2E) { return "an e-mail address" }
        return finish()
    }

    static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        return (parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2)
            || (parts[0].count <= 2 && parts[1].count <= 2 && parts[2].count == 4)
    }
}
