// T07xx: what the rankings and the checks across tables find: values typed that differ
// from what the rules compute, participants missing from an earlier table, ties the rules
// cannot decide, optimisation, and earlier versions of a table.

/// An earlier table a row is looked up in.
public enum EarlierTable: Sendable {
    case administration, skd, skb

    var name: Bilingual {
        switch self {
        case .administration: Bilingual(id: "tabel administrasi", en: "the administration table")
        case .skd: Bilingual(id: "tabel SKD", en: "the SKD table")
        case .skb: Bilingual(id: "tabel SKB", en: "the SKB table")
        }
    }
}

extension Bilingual {
    /// `3 seats`, `1 seat`.
    static func seats(_ count: Int) -> Bilingual {
        Bilingual(id: "\(count) kursi", en: "\(count) seat\(count == 1 ? "" : "s")")
    }

    /// Parts joined with "; ", for a rule made of several findings.
    static func joined(_ parts: [Bilingual], separator: String = "; ") -> Bilingual {
        Bilingual(
            id: parts.map(\.id).joined(separator: separator), en: parts.map(\.en).joined(separator: separator))
    }

    /// `TKP 150 is below the passing mark 166`.
    static func belowPassingMark(_ what: String?, _ score: Int, minimum: Int) -> Bilingual {
        Bilingual(
            id: "\(what ?? "total") \(score) di bawah nilai ambang batas \(minimum)",
            en: "\(what ?? "the total") \(score) is below the passing mark \(minimum)")
    }

    /// `Teknis 120 is below the minimum 130`.
    static func belowMinimum(_ label: String, _ score: Int, minimum: Int) -> Bilingual {
        Bilingual(
            id: "\(label) \(score) di bawah nilai minimum \(minimum)",
            en: "\(label) \(score) is below the minimum \(minimum)")
    }

    /// The names of scores and ranking keys in messages: the labels of scores, and these.
    static func rankingKey(_ name: String) -> Bilingual {
        if name.hasPrefix("SKB part ") {
            return Bilingual(id: "bagian SKB " + name.dropFirst(9), en: name)
        }
        return switch name {
        case "rank": Bilingual(id: "peringkat", en: "rank")
        case "weighted SKD part": Bilingual(id: "bagian SKD berbobot", en: name)
        case "weighted SKB part": Bilingual(id: "bagian SKB berbobot", en: name)
        case "final": finalScore
        default: .same(name)
        }
    }

    // The keys a ranking orders by before its tie-breaks, as messages name them.
    static let finalScore = Bilingual(id: "nilai akhir", en: "final")
    static let minimumsMet = Bilingual(id: "pemenuhan nilai minimum", en: "minimums met")
    static let priorityGroupKey = Bilingual(id: "kelompok prioritas", en: "priority group")
    static let totalKey = Bilingual.same("total")

    /// The PPPK competency test, as messages name the stage a participant sits.
    static let competencyTest = Bilingual(id: "seleksi kompetensi", en: "competency test")

    /// `24100120110000123 (ANI), moved in from F0002`.
    static func movedIn(_ who: String, from formation: String) -> Bilingual {
        Bilingual(id: "\(who), pindahan dari \(formation)", en: "\(who), moved in from \(formation)")
    }
}

extension Message {
    static func notInEarlierTable(row: Int, _ participant: String, _ table: EarlierTable, sits stage: Bilingual?)
        -> Message
    {
        let rule: Bilingual? = stage.map {
            Bilingual(
                id: "; hanya peserta \(table == .administration ? "MS" : "P/L") yang mengikuti \($0.id)",
                en: "; only \(table == .administration ? "MS" : "P/L") participants sit the \($0.en)")
        }
        return Message(
            "T0701", en: "row \(row): participant \(participant) is not in \(table.name.en)\(rule?.en ?? "")",
            id: "baris \(row): peserta \(participant) tidak ada di \(table.name.id)\(rule?.id ?? "")")
    }

    static func notThroughEarlierTable(
        row: Int, _ participant: String, status: String, _ table: EarlierTable, sits stage: Bilingual?
    )
        -> Message
    {
        let who = table == .administration ? "MS" : "P/L"
        return Message(
            "T0702",
            en: "row \(row): participant \(participant) is \(status) in \(table.name.en); only \(who) participants "
                + (stage.map { "sit the \($0.en)" } ?? "reach the final ranking"),
            id:
                "baris \(row): peserta \(participant) berstatus \(status) di \(table.name.id); hanya peserta \(who) yang "
                + (stage.map { "mengikuti \($0.id)" } ?? "masuk peringkat akhir"))
    }

    static func formationDiffers(row: Int, _ formation: String, earlier: String, in table: EarlierTable) -> Message {
        Message(
            "T0703", en: "row \(row): formation \(formation) differs from \(earlier) in \(table.name.en)",
            id: "baris \(row): formasi \(formation) berbeda dengan \(earlier) di \(table.name.id)")
    }

    static func missingFromFinal(_ participant: String, name: String) -> Message {
        Message(
            "T0704", en: "participant \(participant) (\(name)) sat the SKB but is not in the final table",
            id: "peserta \(participant) (\(name)) mengikuti SKB tetapi tidak ada di tabel hasil akhir")
    }

    static func finalWithoutScores(row: Int) -> Message {
        Message(
            "T0705",
            en:
                "row \(row): the final score needs the SKD total and the SKB score (columns skd and skb, or the SKD and SKB tables)",
            id:
                "baris \(row): nilai akhir memerlukan total SKD dan nilai SKB (kolom skd dan skb, atau tabel SKD dan SKB)"
        )
    }

    /// A value typed in the table that differs from what the rules compute: `rule` shows
    /// the computation.
    static func suppliedDiffers(row: Int, _ what: String, supplied: String, computed: String, rule: Bilingual)
        -> Message
    {
        let name = Bilingual.rankingKey(what)
        return Message(
            "T0706", en: "row \(row): \(name.en) \(supplied) supplied, computed \(computed): \(rule.en)",
            id: "baris \(row): \(name.id) \(supplied) tertulis, hasil hitungan \(computed): \(rule.id)")
    }

    static func differsFromEarlierTable(row: Int, _ what: String, supplied: String, _ table: EarlierTable, has: String)
        -> Message
    {
        Message(
            "T0707", en: "row \(row): \(what) \(supplied) supplied, but \(table.name.en) has \(has)",
            id: "baris \(row): \(what) \(supplied) tertulis, tetapi \(table.name.id) berisi \(has)")
    }

    static func moreDifferences(_ count: Int) -> Message {
        Message(
            "T0708", en: "… and \(count) more rows whose supplied values differ from the computed ones",
            id: "… dan \(count) baris lagi yang nilai tertulisnya berbeda dengan hasil hitungan")
    }

    static func tieNeedsPrivateKey(
        formation: String, seats: Int, tied: String, decides: PrivateKeyKind, without: String, count: Int
    ) -> Message {
        Message(
            "T0709",
            en:
                "formation \(formation) (\(Bilingual.seats(seats).en)): \(tied) tie on every score across the last seat, so \(decides.decides.en) passes, but \(without) \(count == 1 ? "has" : "have") no \(decides.what.en)",
            id:
                "formasi \(formation) (\(Bilingual.seats(seats).id)): \(tied) sama di setiap nilai pada batas kursi terakhir, jadi \(decides.decides.id) yang lulus, tetapi \(without) tidak memiliki \(decides.what.id)",
            hint: Bilingual(
                id:
                    "isi kolom \(decides.column) untuk setiap peserta yang nilainya sama; isian itu yang memutus dan tidak pernah diterbitkan",
                en:
                    "give each tied participant a value in a column \(decides.column); it decides the tie and is never published"
            ))
    }

    static func undecidedTie(formation: String, seats: Int, tied: String, keys names: [Bilingual]) -> Message {
        Message(
            "T0710",
            en:
                "formation \(formation) (\(Bilingual.seats(seats).en)): \(tied) tie on every ranking key (\(names.map(\.en).joined(separator: ", "))) across the last seat; the rules cannot decide who passes",
            id:
                "formasi \(formation) (\(Bilingual.seats(seats).id)): \(tied) sama di setiap penentu peringkat (\(names.map(\.id).joined(separator: ", "))) pada batas kursi terakhir; aturan tidak dapat menentukan siapa yang lulus"
        )
    }

    static func moveNamesOwnFormation(_ text: String) -> Message {
        Message(
            "T0711",
            en: "'\(text)' is the formation the row is listed under; name where the participant came from or went",
            id: "'\(text)' adalah formasi tempat baris ini tercantum; sebut asal atau tujuan peserta")
    }

    static func unknownMoveFormation(_ text: String, known: [String]) -> Message {
        Message(
            "T0712", en: "unknown formation code '\(text)'", id: "kode formasi '\(text)' tidak dikenal",
            hint: .didYouMean(text, in: known)
                ?? Bilingual(
                    id: "tulis kode dari formations.csv, atau nama instansi lain secara lengkap",
                    en: "write a code of formations.csv, or the name of the other agency in words"))
    }

    static func moveWithoutOptimisation(row: Int, status: String?) -> Message {
        Message(
            "T0713",
            en:
                "row \(row): from_formation and to_formation are for participants placed by optimisation; the status is "
                + (status.map { "\($0), not an optimisation code" } ?? "empty"),
            id:
                "baris \(row): from_formation dan to_formation untuk peserta yang ditempatkan lewat optimalisasi; statusnya "
                + (status.map { "\($0), bukan kode optimalisasi" } ?? "kosong"))
    }

    static func overfilled(_ formation: String, seats: Int, placed: [Bilingual]) -> Message {
        Message(
            "T0714",
            en:
                "formation \(formation) (\(Bilingual.seats(seats).en)) has \(placed.count) participants placed: \(placed.map(\.en).joined(separator: "; ")); a formation cannot place more than its seats",
            id:
                "formasi \(formation) (\(Bilingual.seats(seats).id)) menempatkan \(placed.count) peserta: \(placed.map(\.id).joined(separator: "; ")); formasi tidak dapat menempatkan lebih dari kursinya"
        )
    }

    static func versionOfOtherFormations(_ date: String, onlyThere: [String], onlyHere: [String]) -> Message {
        var en = "the version of \(date) has other formations than the current table"
        var id = "versi \(date) memiliki formasi yang berbeda dengan tabel yang berlaku"
        if !onlyThere.isEmpty {
            en += ": \(onlyThere.joined(separator: ", ")) only in that version"
            id += ": \(onlyThere.joined(separator: ", ")) hanya di versi itu"
        }
        if !onlyHere.isEmpty {
            en += (onlyThere.isEmpty ? ": " : "; ") + "\(onlyHere.joined(separator: ", ")) only in the current table"
            id += (onlyThere.isEmpty ? ": " : "; ") + "\(onlyHere.joined(separator: ", ")) hanya di tabel yang berlaku"
        }
        return Message(
            "T0715", en: en, id: id,
            hint: Bilingual(
                id: "versi menggantikan tabel yang sama: formasinya sama, isinya dikoreksi",
                en: "a version replaces the same table: the same formations, corrected"))
    }
}

/// A key that breaks a tie at the last seat from data that is never published.
public struct PrivateKeyKind: Sendable {
    /// "IPK", "birth date".
    var what: Bilingual
    /// "the higher IPK", "the older applicant".
    var decides: Bilingual
    var column: String

    static let ipk = PrivateKeyKind(
        what: .same("IPK"), decides: Bilingual(id: "IPK yang lebih tinggi", en: "the higher IPK"),
        column: "'ipk' (IPK)")
    static let birthDate = PrivateKeyKind(
        what: Bilingual(id: "tanggal lahir", en: "birth date"),
        decides: Bilingual(id: "peserta yang lebih tua", en: "the older applicant"),
        column: "'birth_date' (tanggal_lahir)")
}

extension CodeExplanation {
    static let rankings: [CodeExplanation] = [
        .init(
            .notInEarlierTable(row: 14, "24100120110000123", .skd, sits: .same("SKB")),
            meaning: "Peserta di tabel tahap ini tidak ada di tabel tahap sebelumnya.",
            action:
                "Periksa nomor pesertanya di kedua tabel; hanya peserta yang lolos tahap sebelumnya yang mengikuti tahap berikut."
        ),
        .init(
            .notThroughEarlierTable(row: 14, "24100120110000123", status: "TL", .skd, sits: .same("SKB")),
            meaning: "Peserta mengikuti tahap ini padahal tidak lolos tahap sebelumnya.",
            action: "Periksa status peserta di tabel sebelumnya dan baris ini."),
        .init(
            .formationDiffers(row: 14, "F0002", earlier: "F0001", in: .skd),
            meaning: "Formasi peserta berbeda antara dua tabel.", action: "Perbaiki formasi di salah satu tabel."),
        .init(
            .missingFromFinal("24100120110000123", name: "ANI"),
            meaning: "Peserta yang mengikuti SKB tidak ada di tabel hasil akhir; kursinya bisa jatuh ke orang lain.",
            action: "Tambahkan peserta itu ke tabel hasil akhir (dengan status TH bila tidak hadir)."),
        .init(
            .finalWithoutScores(row: 14), meaning: "Nilai akhir tidak dapat dihitung tanpa total SKD dan nilai SKB.",
            action: "Isi kolom skd dan skb, atau terbitkan tabel SKD dan SKB."),
        .init(
            .suppliedDiffers(
                row: 14, "total", supplied: "420", computed: "425", rule: .same("TWK 100 + TIU 125 + TKP 200")),
            meaning:
                "Nilai yang tertulis di tabel berbeda dengan hasil hitungan menurut aturan; cara menghitungnya disebut di pesan.",
            action:
                "Periksa nilai di tabel terhadap berita acara; bila tabelnya benar, periksa `scoring` di pengumuman."),
        .init(
            .differsFromEarlierTable(row: 14, "skd", supplied: "420", .skd, has: "425"),
            meaning: "Nilai yang disalin dari tabel sebelumnya berbeda dengan tabel itu.",
            action: "Samakan nilainya dengan tabel sebelumnya, atau kosongkan kolom itu agar dihitung otomatis."),
        .init(
            .moreDifferences(120), meaning: "Masih ada baris lain yang berbeda; hanya 50 pertama yang ditampilkan.",
            action: "Perbaiki yang ditampilkan dulu; biasanya penyebabnya satu kolom yang salah."),
        .init(
            .tieNeedsPrivateKey(
                formation: "F0001", seats: 1, tied: "A (ANI), B (BUDI)", decides: .birthDate, without: "B (BUDI)",
                count: 1),
            meaning:
                "Nilai peserta sama persis pada batas kursi terakhir; aturan memutuskannya dengan data yang tidak diterbitkan (IPK atau tanggal lahir), yang belum diisi.",
            action: "Isi kolom yang disebut untuk peserta-peserta itu."),
        .init(
            .undecidedTie(
                formation: "F0001", seats: 1, tied: "A (ANI), B (BUDI)",
                keys: [.finalScore] + ScoringRules.cpns2024.tieBreak.map(\.name)),
            meaning: "Peserta sama di semua penentu peringkat pada batas kursi terakhir.",
            action: "Keputusan ada pada panitia seleksi nasional; catat keputusannya dan perbaiki status di tabel."),
        .init(
            .moveNamesOwnFormation("F0001"), meaning: "Asal atau tujuan optimalisasi sama dengan formasi baris itu.",
            action: "Tulis formasi asal atau tujuan yang lain."),
        .init(
            .unknownMoveFormation("F009", known: ["F0009"]), meaning: "Kode formasi asal atau tujuan tidak dikenal.",
            action: "Tulis kode formasi yang ada, atau nama instansi lain secara lengkap."),
        .init(
            .moveWithoutOptimisation(row: 14, status: "P/L"),
            meaning: "Kolom asal/tujuan formasi hanya untuk peserta yang ditempatkan lewat optimalisasi.",
            action: "Kosongkan kolom itu, atau tulis kode optimalisasi pada status."),
        .init(
            .overfilled("F0001", seats: 1, placed: [.same("A (ANI)"), .movedIn("B (BUDI)", from: "F0002")]),
            meaning: "Formasi menempatkan lebih banyak peserta daripada kursinya.",
            action: "Periksa status dan optimalisasi di formasi itu."),
        .init(
            .versionOfOtherFormations("2024-11-01", onlyThere: ["F0009"], onlyHere: []),
            meaning: "Versi lama sebuah tabel harus berisi formasi yang sama dengan tabel yang berlaku.",
            action: "Periksa apakah berkas di `history` memang versi lama tabel ini."),
    ]
}

/// The rules a computed rank or status follows, shown after a supplied value that differs
/// (T0706).
extension Bilingual {
    /// SKD ranks: passing marks first, then the keys, ties sharing a rank.
    static func skdRankRule(_ names: [Bilingual]) -> Bilingual {
        let id = names.dropLast().map(\.id).joined(separator: ", ")
        let en = names.dropLast().map(\.en).joined(separator: ", ")
        return Bilingual(
            id:
                "per formasi, yang memenuhi nilai ambang batas lebih dulu, lalu menurut \(id) dan \(names.last?.id ?? ""); peserta dengan nilai yang sama mendapat peringkat yang sama",
            en:
                "per formation, those who reached the passing marks first, then by \(en) and \(names.last?.en ?? ""), equal scores sharing a rank"
        )
    }

    /// Why an SKD row is P/L, P or TL.
    static func skdStatusRule(
        _ status: ResultStatus, failed: [Bilingual], kind: String, rank: Int, cutoff: Int, multiplier: Int, seats: Int
    ) -> Bilingual {
        let places = Bilingual.seats(seats)
        switch status {
        case .notPassed:
            return Bilingual(
                id: "\(joined(failed).id) untuk jenis formasi \(kind)",
                en: "\(joined(failed).en) for formation kind \(kind)")
        case .shortlisted:
            return Bilingual(
                id:
                    "nilai ambang batas jenis formasi \(kind) terpenuhi dan peringkat \(rank) masuk \(cutoff) besar (\(multiplier) × \(places.id))",
                en:
                    "the passing marks for formation kind \(kind) are reached and rank \(rank) is within the shortlist of \(cutoff) (\(multiplier) × \(places.en))"
            )
        default:
            return Bilingual(
                id:
                    "nilai ambang batas terpenuhi tetapi peringkat \(rank) di luar \(cutoff) besar (\(multiplier) × \(places.id))",
                en:
                    "the passing marks are reached but rank \(rank) is beyond the shortlist of \(cutoff) (\(multiplier) × \(places.en))"
            )
        }
    }

    /// Why a final or competency row took a seat or not.
    static func seatStatusRule(
        seated: Bool, reason: Bilingual?, rank: Int, seats: Int, formation: String, group: PriorityGroup?
    ) -> Bilingual {
        let places = Bilingual.seats(seats)
        let member = group.map {
            Bilingual(
                id: " dan peserta termasuk kelompok prioritas \($0.code) (\($0.name))",
                en: " and the participant is in priority group \($0.code) (\($0.name))")
        }
        if seated {
            return Bilingual(
                id: "peringkat \(rank) masuk \(places.id) formasi \(formation)\(member?.id ?? "")",
                en: "rank \(rank) is within the \(places.en) of formation \(formation)\(member?.en ?? "")")
        }
        return Bilingual(
            id:
                "\(reason.map { "\($0.id); " } ?? "")peringkat \(rank) di luar \(places.id) formasi \(formation)\(member?.id ?? "")",
            en:
                "\(reason.map { "\($0.en); " } ?? "")rank \(rank) is beyond the \(places.en) of formation \(formation)\(member?.en ?? "")"
        )
    }

    /// Final and competency ranks: by the keys in order, ties sharing a rank.
    static func seatRankRule(_ names: [Bilingual]) -> Bilingual {
        return Bilingual(
            id:
                "per formasi menurut \(names.map(\.id).joined(separator: ", lalu ")); peserta dengan penentu yang sama mendapat peringkat yang sama",
            en: "per formation by \(names.map(\.en).joined(separator: ", then ")), equal keys sharing a rank")
    }
}

extension RankingKey {
    /// As messages name it: the label, with the SKD total and the birth date in words.
    var name: Bilingual {
        switch self {
        case .skdTotal: Bilingual(id: "total SKD", en: "SKD total")
        case .birthDate: Bilingual(id: "peserta yang lebih tua", en: "the older applicant")
        default: .same(label)
        }
    }
}
