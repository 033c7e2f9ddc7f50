/// The columns of each result table, with the names spreadsheets give them. Generic
/// names (`KETERANGAN`, `FORMASI`) are tentative: the values decide what they are.
enum ResultColumns {
    static let participant = TableColumn(
        "participant",
        aliases: [
            "nomor_peserta", "no_peserta", "no peserta", "nopeserta", "nomor peserta",
            "no_ujian", "nomor_ujian", "no_registrasi",
        ], required: true)
    static let name = TableColumn("name", aliases: ["nama", "nama_peserta", "nama_lengkap"], required: true)
    /// Required unless the table names position and unit, matched against formations.csv.
    static let formation = TableColumn(
        "formation", aliases: ["kode_formasi", "kode", "id_formasi", "formasi_id"], tentative: ["formasi"],
        required: true)
    static let position = TableColumn(
        "position", aliases: ["jabatan", "nama_jabatan", "jabatan_dilamar"], tentative: ["formasi"])
    static let unit = TableColumn(
        "unit",
        aliases: ["unit_kerja", "lokasi", "lokasi_formasi", "penempatan", "unit_penempatan", "lokasi_penempatan"])
    static let kind = TableColumn("kind", aliases: ["jenis_formasi", "jenis", "formasi_nm"])
    static let education = TableColumn(
        "education", aliases: ["pendidikan", "kualifikasi_pendidikan", "jenjang_pendidikan"])
    static let ipk = TableColumn("ipk", aliases: ["gpa", "nilai_ipk"])
    static let birthDate = TableColumn("birth_date", aliases: ["tanggal_lahir", "tgl_lahir"])
    static let total = TableColumn("total", aliases: ["jumlah", "nilai_total", "total_nilai", "jumlah_nilai"])
    static let rank = TableColumn("rank", aliases: ["peringkat", "ranking", "rangking"])
    /// PPPK 2024 priority group (R1–R4, or the group's name).
    static let group = TableColumn(
        "group",
        aliases: ["kategori", "prioritas", "kelompok", "kelompok_prioritas", "kategori_pelamar", "kategori_prioritas"])
    /// Where a participant placed by national optimisation came from, or went to.
    static let fromFormation = TableColumn(
        "from_formation", aliases: ["formasi_asal", "asal_formasi", "dari_formasi", "kode_formasi_asal"])
    static let toFormation = TableColumn(
        "to_formation", aliases: ["formasi_tujuan", "tujuan_formasi", "ke_formasi", "kode_formasi_tujuan"])
    static let status = TableColumn(
        "status", aliases: ["status_kelulusan", "kelulusan"], tentative: ["keterangan", "ket", "hasil"])

    /// The formation of a row, and what describes it: read to find the formation when
    /// there is no code, and otherwise accepted without being published twice.
    static let common = [participant, name, formation, position, unit, kind, education, ipk, birthDate]

    static func columns(for stage: ResultStage, rules: ScoringRules) -> [TableColumn] {
        switch stage {
        case .administrasi:
            return common + [
                TableColumn(
                    "status", aliases: ["status_administrasi", "hasil_administrasi"],
                    tentative: ["keterangan", "ket", "hasil"], required: true),
                TableColumn(
                    "reason", aliases: ["alasan", "alasan_tms", "alasan_tidak_memenuhi_syarat"],
                    tentative: ["keterangan", "ket", "catatan"]),
            ]
        case .skd:
            return common
                + SKDMark.tests.map { TableColumn($0.rawValue, aliases: ["nilai_\($0.rawValue)"], required: true) }
                + [
                    TableColumn("total", aliases: total.aliases + ["nilai_skd", "total_skd", "skd"]), rank, status,
                    TableColumn(
                        "skd_source", aliases: ["sumber_skd", "sumber_nilai_skd", "tahun_skd", "asal_nilai_skd"]),
                ]
        case .skb:
            // With declared parts, one column per part; the SKB score beside them is checked.
            let parts = rules.skbParts.map { TableColumn($0.id, aliases: ["nilai_\($0.id)"], required: true) }
            return common + parts + [
                TableColumn("skb", aliases: ["nilai_skb", "total_skb", "jumlah"], required: parts.isEmpty), status,
            ]
        case .akhir:
            // A header like `SKD (40%)` may hold the SKD total or its weighted part: the values decide.
            return common + [
                TableColumn("skd", aliases: ["nilai_skd", "total_skd"], tentative: ["skd"]),
                TableColumn("skd_weighted", tentative: ["skd", "nilai_skd"]),
                TableColumn("skb", aliases: ["nilai_skb"], tentative: ["skb"]),
                TableColumn("skb_weighted", tentative: ["skb", "nilai_skb"]),
                TableColumn(
                    "final", aliases: ["nilai_akhir", "akhir", "nilai_integrasi", "integrasi", "total_nilai_akhir"]),
                rank, status, fromFormation, toFormation,
            ]
        case .kompetensi:
            let components = rules.components.flatMap { component in
                [TableColumn(component.id, aliases: ["nilai_\(component.id)"] + component.aliases, required: true)]
                    + component.separateParts.map { TableColumn($0.id, aliases: ["nilai_\($0.id)"] + $0.aliases) }
            }
            return common + components + [
                total, group, rank, status, fromFormation, toFormation,
            ]
        }
    }

    /// Status codes a stage's table may carry: what a generic column must hold to be read
    /// as the status.
    static func statusCodes(for stage: ResultStage) -> (String) -> Bool {
        { ResultStatus(code: $0)?.isAccepted(at: stage) ?? false }
    }

    /// Whether sample values fit a column that a generic header may be.
    static func fits(
        _ column: String, values: [String], header: String, statusCodes: (String) -> Bool, formations: FormationIndex,
        decimalComma: Bool
    ) -> Bool {
        func numbers(scale: Int, max: Int) -> Bool {
            values.allSatisfy {
                CellText.parse($0, scale: scale, decimalComma: decimalComma).map { $0 <= max } ?? false
            }
        }
        // `SKB (60%)` whose values stay within 60 is the weighted part, not the score.
        var weightedByHeader = false
        if let percent = percentage(in: header) {
            weightedByHeader = numbers(scale: 3, max: percent * 1000)
        }
        switch column {
        case "status": return values.allSatisfy(statusCodes)
        case "formation": return formations.areCodes(values)
        case "position": return formations.arePositions(values)
        case "skd": return !weightedByHeader && numbers(scale: 0, max: SKDMark.total.maximum)
        case "skb": return !weightedByHeader && numbers(scale: 4, max: SKBScore.maximum.tenThousandths)
        case "skd_weighted", "skb_weighted": return numbers(scale: 3, max: ScoreRange.maximumThousandths)
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
        let candidates = [
            TableColumn.normalize(name), TableColumn.withoutBrackets(name),
            name.split(separator: " ").last.map { TableColumn.normalize(String($0)) },
        ]
        return candidates.compactMap { $0 }.lazy.compactMap { personalHeaders[$0] }.first
    }

    /// Header names that are personal data under another name (DOMAIN.md, "Personal
    /// data"), normalized as TableColumn.normalize does, with what they are.
    static let personalHeaders: [String: String] = [
        "nik": "NIK", "noktp": "NIK", "ktp": "NIK", "nomorktp": "NIK", "nomorindukkependudukan": "NIK",
        "kk": "KK number", "nokk": "KK number", "nomorkk": "KK number", "kartukeluarga": "KK number",
        "telepon": "phone number", "telp": "phone number", "notelp": "phone number", "nohp": "phone number",
        "hp": "phone number",
        "handphone": "phone number", "phone": "phone number", "whatsapp": "phone number", "wa": "phone number",
        "nowa": "phone number",
        "email": "e-mail address", "surel": "e-mail address", "emailaddress": "e-mail address",
        "alamat": "address", "address": "address", "domisili": "address", "alamatdomisili": "address",
        "tempatlahir": "place of birth", "tempattanggallahir": "birth date", "ttl": "birth date", "lahir": "birth date",
        "dob": "birth date", "dateofbirth": "birth date", "tanggallhr": "birth date", "umur": "age", "usia": "age",
        "npwp": "NPWP", "rekening": "bank account", "norek": "bank account", "norekening": "bank account", "nip": "NIP",
    ]
}
