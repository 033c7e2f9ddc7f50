// T06xx: the rows of a result table: participants, formations, statuses and scores.

/// Where personal data was found in a row.
public enum RowField: Sendable {
    case name, reason

    var name: Bilingual {
        switch self {
        case .name: Bilingual(id: "nama", en: "the name")
        case .reason: Bilingual(id: "alasan", en: "the reason")
        }
    }
}

extension Message {
    static func emptyParticipant(row: Int) -> Message {
        Message("T0601", en: "row \(row): empty participant number", id: "baris \(row): nomor peserta kosong")
    }

    static func scientificNotation(row: Int, _ participant: String) -> Message {
        Message(
            "T0602",
            en:
                "row \(row): participant number '\(participant)' is in scientific notation, so Excel has already rounded it",
            id:
                "baris \(row): nomor peserta '\(participant)' tertulis dalam notasi ilmiah, jadi Excel sudah membulatkannya",
            hint: Bilingual(
                id: "format kolom itu sebagai Teks (Format Sel › Angka › Teks), ketik ulang nomornya lalu ekspor",
                en: "format the column as Text in the spreadsheet, type the numbers again and export"))
    }

    static func participantTwice(row: Int, _ participant: String, first: Int) -> Message {
        Message(
            "T0603", en: "row \(row): participant '\(participant)' appears twice (first in row \(first))",
            id: "baris \(row): peserta '\(participant)' muncul dua kali (pertama di baris \(first))")
    }

    static func emptyName(row: Int) -> Message {
        Message("T0604", en: "row \(row): empty name", id: "baris \(row): nama kosong")
    }

    static func personalDataInRow(row: Int, _ field: RowField, kind: String) -> Message {
        let what = Bilingual.personalData(kind)
        return Message(
            "T0605", en: "row \(row): \(field.name.en) holds \(what.en), which is personal data",
            id: "baris \(row): \(field.name.id) berisi \(what.id), yang merupakan data pribadi")
    }

    static func unknownFormationInRow(row: Int, _ written: String, reading: Bilingual, known: [String]) -> Message {
        Message(
            "T0606", en: "row \(row): unknown formation code '\(written)'\(reading.en)",
            id: "baris \(row): kode formasi '\(written)' tidak dikenal\(reading.id)",
            hint: .didYouMean(written, in: known)
                ?? Bilingual(id: "kode-kode tercantum di formations.csv", en: "codes are listed in formations.csv"))
    }

    static func badIPK(row: Int, _ raw: String) -> Message {
        Message(
            "T0607", en: "row \(row): IPK '\(raw)' is not a grade point average between 0 and 4",
            id: "baris \(row): IPK '\(raw)' bukan indeks prestasi antara 0 dan 4")
    }

    static func badBirthDate(row: Int, _ raw: String) -> Message {
        Message(
            "T0608", en: "row \(row): birth date '\(raw)' is not a date with a four-digit year",
            id: "baris \(row): tanggal lahir '\(raw)' bukan tanggal dengan tahun empat digit",
            hint: Bilingual(id: "tulis YYYY-MM-DD atau DD-MM-YYYY", en: "write YYYY-MM-DD or DD-MM-YYYY"))
    }

    static func noFormationOfKind(row: Int, position: String, unit: String, kind: String, there: [String]) -> Message {
        let list = there.joined(separator: ", ")
        return Message(
            "T0609", en: "row \(row): the position '\(position)' at '\(unit)' has no formation of the kind '\(kind)'",
            id: "baris \(row): jabatan '\(position)' di '\(unit)' tidak memiliki formasi berjenis '\(kind)'",
            hint: Bilingual(id: "formasi di sana: \(list)", en: "formations there: \(list)"))
    }

    static func noFormationForRow(row: Int, position: String, unit: String, candidates: [String], positions: [String])
        -> Message
    {
        let list = candidates.joined(separator: ", ")
        return Message(
            "T0610",
            en: "row \(row): no formation in formations.csv has the position '\(position)' and the unit '\(unit)'",
            id:
                "baris \(row): tidak ada formasi di formations.csv dengan jabatan '\(position)' dan lokasi formasi '\(unit)'",
            hint: candidates.isEmpty
                ? .didYouMean(position, in: positions)
                : Bilingual(id: "formasi dengan jabatan itu: \(list)", en: "formations with that position: \(list)"))
    }

    static func ambiguousFormation(row: Int, position: String, unit: String, count: Int, names: [String]) -> Message {
        let list = names.joined(separator: ", ")
        return Message(
            "T0611", en: "row \(row): the position '\(position)' at '\(unit)' fits \(count) formations: \(list)",
            id: "baris \(row): jabatan '\(position)' di '\(unit)' cocok dengan \(count) formasi: \(list)",
            hint: Bilingual(
                id: "tambahkan kolom kode formasi, atau jenis formasi",
                en: "add a column with the formation code (kode formasi), or the formation kind (jenis formasi)"))
    }

    /// A status that the stage does not take; `accepted` lists what it takes.
    static func badStatus(row: Int, _ raw: String, accepted: [String], optimisation: Bool, reading: Bilingual)
        -> Message
    {
        if !optimisation, accepted.count == 2 {
            return Message(
                "T0612", en: "row \(row): status '\(raw)' is not \(accepted[0]) or \(accepted[1])\(reading.en)",
                id: "baris \(row): status '\(raw)' bukan \(accepted[0]) atau \(accepted[1])\(reading.id)")
        }
        let list = accepted.joined(separator: ", ")
        return Message(
            "T0612",
            en: "row \(row): status '\(raw)' is not one of \(list)"
                + (optimisation ? ", or an optimisation code (\(Optimisation.examples))" : "") + reading.en,
            id: "baris \(row): status '\(raw)' bukan salah satu dari \(list)"
                + (optimisation ? ", atau kode optimalisasi (\(Optimisation.examples))" : "") + reading.id)
    }

    static func skdSourceNotAYear(row: Int, _ raw: String, noScores: Bool) -> Message {
        Message(
            "T0613",
            en: "row \(row): SKD source '\(raw)' is not the year of an earlier SKD score"
                + (noScores ? " (the row has no scores)" : ""),
            id: "baris \(row): sumber SKD '\(raw)' bukan tahun nilai SKD sebelumnya"
                + (noScores ? " (baris ini tidak memiliki nilai)" : ""),
            hint: Bilingual(
                id: "tulis tahun nilai itu diperoleh, misalnya 2023",
                en: "write the year the score was obtained, e.g. 2023"))
    }

    /// A score with decimals out of its range or precision: `what` names it (SKB, SKB part
    /// CAT, weighted SKD part, final).
    static func notAScore(row: Int, _ what: String, _ raw: String, decimals: Int, reading: Bilingual = .same(""))
        -> Message
    {
        let words = ["none", "one", "two", "three", "four"]
        let kata = ["nol", "satu", "dua", "tiga", "empat"]
        let name = Bilingual.rankingKey(what)
        return Message(
            "T0614",
            en:
                "row \(row): \(name.en) '\(raw)' is not a score from 0 to 100 with at most \(words[decimals]) decimals\(reading.en)",
            id:
                "baris \(row): \(name.id) '\(raw)' bukan nilai 0 sampai 100 dengan paling banyak \(kata[decimals]) desimal\(reading.id)"
        )
    }

    static func skdTotalNotWhole(row: Int, _ raw: String, maximum: Int) -> Message {
        Message(
            "T0615", en: "row \(row): SKD total '\(raw)' is not a whole number from 0 to \(maximum)",
            id: "baris \(row): total SKD '\(raw)' bukan bilangan bulat 0 sampai \(maximum)")
    }

    static func unknownGroupInRow(row: Int, _ raw: String, groups: [PriorityGroup]) -> Message {
        let listed = PriorityGroup.listed(groups)
        return groups.isEmpty
            ? Message(
                "T0616",
                en:
                    "row \(row): priority group '\(raw)' is unknown; this vacancy ranks without priority groups (scoring.priority_groups is empty)",
                id:
                    "baris \(row): kelompok prioritas '\(raw)' tidak dikenal; lowongan ini diperingkat tanpa kelompok prioritas (scoring.priority_groups kosong)"
            )
            : Message(
                "T0616", en: "row \(row): priority group '\(raw)' is unknown; the groups are \(listed)",
                id: "baris \(row): kelompok prioritas '\(raw)' tidak dikenal; kelompoknya adalah \(listed)")
    }

    static func tmsWithScores(row: Int) -> Message {
        Message(
            "T0617",
            en:
                "row \(row): status TMS but scores are given; a participant who does not meet the requirements has no scores",
            id:
                "baris \(row): status TMS tetapi nilainya diisi; peserta yang tidak memenuhi syarat tidak memiliki nilai"
        )
    }

    static func noScores(row: Int) -> Message {
        Message(
            "T0618",
            en:
                "row \(row): no scores; write the scores, or the status TH (absent), DIS (disqualified) or APS (withdrew)",
            id:
                "baris \(row): tidak ada nilai; tulis nilainya, atau status TH (tidak hadir), DIS (diskualifikasi) atau APS (mengundurkan diri)"
        )
    }

    static func absentWithScores(row: Int, _ code: String) -> Message {
        Message(
            "T0619", en: "row \(row): status \(code) but scores are given; an absent participant has no scores",
            id: "baris \(row): status \(code) tetapi nilainya diisi; peserta yang tidak hadir tidak memiliki nilai")
    }

    static func notAWholeScore(row: Int, _ what: String, _ raw: String) -> Message {
        Message(
            "T0620", en: "row \(row): \(what) '\(raw)' is not a whole number",
            id: "baris \(row): \(what) '\(raw)' bukan bilangan bulat")
    }

    static func scoreOutOfRange(row: Int, _ what: String, _ value: Int, maximum: Int) -> Message {
        Message(
            "T0621", en: "row \(row): \(what) \(value) is outside 0–\(maximum)",
            id: "baris \(row): \(what) \(value) di luar 0–\(maximum)")
    }

    static func notAMultiple(row: Int, _ what: String, _ value: Int, step: Int) -> Message {
        Message(
            "T0622",
            en: "row \(row): \(what) \(value) is not a multiple of \(step) (\(step) points per correct answer)",
            id: "baris \(row): \(what) \(value) bukan kelipatan \(step) (\(step) poin per jawaban benar)")
    }

    static func badRank(row: Int, _ raw: String) -> Message {
        Message(
            "T0623", en: "row \(row): rank '\(raw)' is not a whole number from 1",
            id: "baris \(row): peringkat '\(raw)' bukan bilangan bulat mulai dari 1")
    }
}

extension CodeExplanation {
    static let rows: [CodeExplanation] = [
        .init(
            .emptyParticipant(row: 14), meaning: "Baris peserta tanpa nomor peserta.", action: "Isi nomor pesertanya."),
        .init(
            .scientificNotation(row: 14, "2,41E+15"), meaning: "Nomor peserta sudah dibulatkan Excel (notasi ilmiah).",
            action: "Format kolom sebagai Text, ketik ulang nomor dari sumber aslinya, lalu ekspor lagi."),
        .init(
            .participantTwice(row: 30, "24100120110000123", first: 12), meaning: "Satu nomor peserta muncul dua kali.",
            action: "Hapus baris ganda atau perbaiki nomornya."),
        .init(.emptyName(row: 14), meaning: "Baris peserta tanpa nama.", action: "Isi nama peserta."),
        .init(
            .personalDataInRow(row: 14, .reason, kind: "a phone number"),
            meaning: "Nama atau alasan memuat data pribadi (NIK, telepon, email, tanggal lahir).",
            action: "Hapus data pribadi itu dari sel."),
        .init(
            .unknownFormationInRow(row: 14, "F0099", reading: .same(""), known: ["F0001", "F0002"]),
            meaning: "Kode formasi di baris itu tidak ada di formations.csv.",
            action: "Perbaiki kode formasinya, atau tambahkan formasinya."),
        .init(
            .badIPK(row: 14, "3,8/4"), meaning: "IPK harus angka 0–4.", action: "Tulis misalnya 3,45 atau 3.45."),
        .init(
            .badBirthDate(row: 14, "12/03/85"), meaning: "Tanggal lahir (untuk penentu peringkat) tidak terbaca.",
            action: "Tulis YYYY-MM-DD atau DD-MM-YYYY dengan tahun empat digit."),
        .init(
            .noFormationOfKind(row: 14, position: "Guru", unit: "SD 1", kind: "disabilitas", there: ["F0001 (umum)"]),
            meaning: "Jabatan dan unit itu tidak memiliki formasi berjenis tersebut.",
            action: "Periksa kolom jenis formasi atau tulis kode formasinya."),
        .init(
            .noFormationForRow(
                row: 14, position: "Guru Kelas Ahli", unit: "SD 9", candidates: [],
                positions: ["Guru Kelas Ahli Pertama", "Guru Olahraga"]),
            meaning: "Tidak ada formasi dengan jabatan dan lokasi formasi itu.",
            action:
                "Periksa ejaan jabatan dan lokasi formasi terhadap formations.csv, atau tambahkan kolom kode formasi."),
        .init(
            .ambiguousFormation(
                row: 14, position: "Guru", unit: "SD 1", count: 2, names: ["F0001 (umum)", "F0002 (disabilitas)"]),
            meaning: "Jabatan dan unit itu cocok dengan beberapa formasi.",
            action: "Tambahkan kolom kode formasi atau jenis formasi."),
        .init(
            .badStatus(row: 14, "LULUS", accepted: ["MS", "TMS"], optimisation: false, reading: .same("")),
            meaning: "Status di baris itu tidak dikenal untuk tahap ini.",
            action: "Gunakan kode status yang disebut (lihat 'Result tables' di docs/format.md)."),
        .init(
            .skdSourceNotAYear(row: 14, "lama", noScores: false),
            meaning: "Sumber nilai SKD harus tahun nilai itu diperoleh.",
            action: "Tulis tahunnya, misalnya 2023."),
        .init(
            .notAScore(row: 14, "SKB", "101", decimals: 2), meaning: "Nilai di luar 0–100 atau terlalu banyak desimal.",
            action: "Periksa nilainya terhadap berita acara."),
        .init(
            .skdTotalNotWhole(row: 14, "450,5", maximum: 550), meaning: "Total SKD harus bilangan bulat 0–550.",
            action: "Periksa totalnya; Terbuka juga menghitungnya sendiri dari TWK, TIU dan TKP."),
        .init(
            .unknownGroupInRow(row: 14, "R5", groups: [.r1, .r2, .r3, .r4]),
            meaning: "Kelompok prioritas di baris itu tidak dikenal lowongan ini.",
            action: "Gunakan kelompok yang disebut (R1–R4)."),
        .init(
            .tmsWithScores(row: 14), meaning: "Peserta TMS tidak mengikuti tes, jadi tidak memiliki nilai.",
            action: "Periksa statusnya, atau hapus nilainya."),
        .init(
            .noScores(row: 14), meaning: "Baris tanpa nilai dan tanpa status ketidakhadiran.",
            action: "Tulis nilainya, atau status TH, DIS atau APS."),
        .init(
            .absentWithScores(row: 14, "TH"), meaning: "Peserta yang tidak hadir tidak memiliki nilai.",
            action: "Periksa statusnya, atau hapus nilainya."),
        .init(
            .notAWholeScore(row: 14, "TWK", "85,5"), meaning: "Nilai ini harus bilangan bulat.",
            action: "Periksa nilainya."),
        .init(
            .scoreOutOfRange(row: 14, "TWK", 160, maximum: 150), meaning: "Nilai melebihi nilai maksimum.",
            action: "Periksa nilainya (TWK 0–150, TIU 0–175, TKP 0–225)."),
        .init(
            .notAMultiple(row: 14, "TWK", 87, step: 5),
            meaning: "Nilai TWK dan TIU selalu kelipatan 5 (5 poin per jawaban benar).", action: "Periksa nilainya."),
        .init(
            .badRank(row: 14, "satu"), meaning: "Peringkat harus bilangan bulat mulai dari 1.",
            action: "Periksa peringkatnya; Terbuka juga menghitungnya sendiri."),
    ]
}
