// T04xx: a vacancy's notice (index.md): its kind, schedule, results entries and scoring.

extension Message {
    static func unknownVacancyKind(_ written: String) -> Message {
        Message(
            "T0401", en: "unknown vacancy kind '\(written)'", id: "jenis lowongan '\(written)' tidak dikenal",
            hint: Bilingual(id: "gunakan 'cpns' atau 'pppk'", en: "use 'cpns' or 'pppk'"))
    }

    private static func stageHint(_ written: String) -> Bilingual {
        let known = ScheduleEntry.knownStages.joined(separator: ", ")
        let list = Bilingual(id: "tahap yang dikenal: \(known)", en: "known stages: \(known)")
        return Bilingual.didYouMean(written, in: ScheduleEntry.knownStages).map {
            Bilingual(id: "\($0.id); \(list.id)", en: "\($0.en); \(list.en)")
        } ?? list
    }

    static func stageNotASlug(_ written: String) -> Message {
        Message(
            "T0402", en: "stage '\(written)' is not a slug", id: "tahap '\(written)' bukan slug",
            hint: .didYouMean(written, in: ScheduleEntry.knownStages) ?? stageHint(written))
    }

    static func customStageWithoutTitle(_ written: String) -> Message {
        Message(
            "T0403", en: "unknown stage '\(written)': a custom stage needs a 'title'",
            id: "tahap '\(written)' tidak dikenal: tahap buatan sendiri memerlukan 'title'", hint: stageHint(written))
    }

    static func endBeforeStart(end: String, start: String) -> Message {
        Message(
            "T0404", en: "'end' (\(end)) is before 'start' (\(start))",
            id: "'end' (\(end)) lebih awal dari 'start' (\(start))")
    }

    static func unknownResultStage(_ written: String, kind: RecruitmentKind?, known: [String]) -> Message {
        let upper = kind?.rawValue.uppercased()
        return Message(
            "T0405", en: "unknown result stage '\(written)'" + (upper.map { " for a \($0) vacancy" } ?? ""),
            id: "tahap hasil '\(written)' tidak dikenal" + (upper.map { " untuk lowongan \($0)" } ?? ""),
            hint: .suggestion(written, in: known))
    }

    static func resultsEntryWithoutFile(stage: String) -> Message {
        Message(
            "T0406", en: "missing required key 'file' in a results entry for stage '\(stage)'",
            id: "kunci wajib 'file' tidak ada di entri hasil untuk tahap '\(stage)'")
    }

    static func sheetOfNonWorkbook(_ file: String) -> Message {
        Message(
            "T0407", en: "'sheet' names a worksheet, but '\(file)' is not a workbook",
            id: "'sheet' menyebut lembar kerja, padahal '\(file)' bukan buku kerja Excel",
            hint: Bilingual(id: "hapus 'sheet', atau berikan berkas .xlsx", en: "remove 'sheet', or give an .xlsx file")
        )
    }

    static func historyNamesCurrentTable(_ name: String) -> Message {
        Message(
            "T0408", en: "'\(name)' is the current table; an earlier version keeps its own file",
            id: "'\(name)' adalah tabel yang berlaku; versi sebelumnya disimpan di berkasnya sendiri",
            hint: Bilingual(
                id: "simpan tabel baru dengan nama lain dan sebut di 'file'",
                en: "save the new table under another name and name it in 'file'"))
    }

    static func historyNamesFileTwice(_ name: String, firstLine: Int) -> Message {
        Message(
            "T0409", en: "'\(name)' is named twice in history (first on line \(firstLine))",
            id: "'\(name)' disebut dua kali di history (pertama pada baris \(firstLine))")
    }

    static func twoVersionsOnOneDay(_ day: String, firstLine: Int) -> Message {
        Message(
            "T0410",
            en:
                "two versions are published on \(day) (first on line \(firstLine)); each version needs a date of its own",
            id:
                "dua versi terbit pada \(day) (pertama pada baris \(firstLine)); setiap versi memerlukan tanggalnya sendiri"
        )
    }

    static func versionsOutOfOrder(_ day: String, previous: String) -> Message {
        Message(
            "T0411", en: "history lists versions oldest first, but \(day) is not after \(previous)",
            id: "history mencantumkan versi dari yang terlama, tetapi \(day) tidak lebih lambat dari \(previous)")
    }

    static func versionOnCurrentDay(_ day: String) -> Message {
        Message(
            "T0412",
            en: "this version and the current table are both published on \(day); each version needs a date of its own",
            id:
                "versi ini dan tabel yang berlaku sama-sama terbit pada \(day); setiap versi memerlukan tanggalnya sendiri"
        )
    }

    static func versionAfterCurrent(_ day: String, current: String) -> Message {
        Message(
            "T0413", en: "an earlier version is published on \(day), after the current table (\(current))",
            id: "versi sebelumnya terbit pada \(day), setelah tabel yang berlaku (\(current))",
            hint: Bilingual(
                id: "history mencantumkan versi-versi yang digantikan tabel yang berlaku",
                en: "history lists the versions the current table replaces"))
    }

    static func notATable(_ written: String) -> Message {
        Message(
            "T0414", en: "'\(written)' is not a table: a result table is a .csv file or an Excel workbook (.xlsx)",
            id: "'\(written)' bukan tabel: tabel hasil adalah berkas .csv atau buku kerja Excel (.xlsx)")
    }

    static func resultTableRefused(_ written: String, _ refusal: Bilingual) -> Message {
        Message("T0415", en: "result table '\(written)' \(refusal.en)", id: "tabel hasil '\(written)' \(refusal.id)")
    }

    static func resultTableMissing(_ written: String, folder: String, known: [String]) -> Message {
        Message(
            "T0416", en: "result table '\(written)' does not exist in \(folder)",
            id: "tabel hasil '\(written)' tidak ada di \(folder)",
            hint: .didYouMean(written, in: known)
                ?? Bilingual(
                    id: "tabel hasil diletakkan di \(folder)/results/", en: "result tables go in \(folder)/results/"))
    }

    static func resultTableNotNamed(_ file: String) -> Message {
        Message(
            "T0417", en: "result table '\(file)' is not named in the notice's 'results' and is not published",
            id: "tabel hasil '\(file)' tidak disebut di 'results' pengumuman dan tidak diterbitkan")
    }

    static func stageListedTwice(_ stage: String, firstLine: Int) -> Message {
        Message(
            "T0418", en: "stage '\(stage)' is listed twice in 'results' (first on line \(firstLine))",
            id: "tahap '\(stage)' tercantum dua kali di 'results' (pertama pada baris \(firstLine))")
    }

    static var competencyWithoutComponents: Message {
        Message(
            "T0419", en: "a kompetensi table needs scoring components",
            id: "tabel kompetensi memerlukan komponen penilaian (scoring.components)")
    }

    static var finalWithoutSources: Message {
        Message(
            "T0420", en: "the final results need a 'file', or 'skd' and 'skb' tables to compute them from",
            id: "hasil akhir memerlukan 'file', atau tabel 'skd' dan 'skb' untuk menghitungnya")
    }

    static func formationKindNotASlug(_ written: String) -> Message {
        Message(
            "T0421", en: "formation kind '\(written)' is not a slug", id: "jenis formasi '\(written)' bukan slug",
            hint: Bilingual(
                id: "tulis sebagai '\(FormationKind.normalize(written))'",
                en: "write it as '\(FormationKind.normalize(written))'"))
    }

    static func passingMarkOutOfRange(_ mark: String, _ value: Int, maximum: Int) -> Message {
        Message(
            "T0422", en: "passing mark \(mark) \(value) is outside 0–\(maximum)",
            id: "nilai ambang batas \(mark) \(value) di luar 0–\(maximum)")
    }

    static func passingNamesNoMinimum(_ kind: String) -> Message {
        Message(
            "T0423", en: "scoring.passing.\(kind) names no minimum",
            id: "scoring.passing.\(kind) tidak menyebut nilai ambang batas apa pun",
            hint: Bilingual(id: "tulis twk, tiu, tkp atau total", en: "give twk, tiu, tkp or total"))
    }

    static var shortlistMultiplierBelowOne: Message {
        Message(
            "T0424", en: "shortlist_multiplier must be at least 1", id: "shortlist_multiplier harus paling sedikit 1")
    }

    static func weightsDoNotAddUp(skd: Int, skb: Int) -> Message {
        Message(
            "T0425", en: "weights skd \(skd) and skb \(skb) must be whole percentages adding up to 100",
            id: "bobot skd \(skd) dan skb \(skb) harus persen bulat yang berjumlah 100")
    }

    static func componentIDTaken(_ id: String) -> Message {
        Message(
            "T0426", en: "component id '\(id)' must be a slug other than a column the table already has",
            id: "id komponen '\(id)' harus slug yang bukan nama kolom yang sudah ada di tabel")
    }

    static func componentListedTwice(_ id: String) -> Message {
        Message("T0427", en: "component '\(id)' is listed twice", id: "komponen '\(id)' tercantum dua kali")
    }

    static func componentBounds(_ id: String) -> Message {
        Message(
            "T0428", en: "component '\(id)' needs max ≥ 1, 0 ≤ min ≤ max and multiple_of ≥ 1",
            id: "komponen '\(id)' memerlukan max ≥ 1, 0 ≤ min ≤ max dan multiple_of ≥ 1")
    }

    static func unknownPriorityGroup(_ written: String) -> Message {
        let known = PriorityGroup.listed(PriorityGroup.allCases)
        return Message(
            "T0429", en: "unknown priority group '\(written)'", id: "kelompok prioritas '\(written)' tidak dikenal",
            hint: Bilingual(id: "kelompok yang dikenal: \(known)", en: "known groups: \(known)"))
    }

    static func priorityGroupListedTwice(_ code: String) -> Message {
        Message(
            "T0430", en: "priority group \(code) is listed twice", id: "kelompok prioritas \(code) tercantum dua kali")
    }

    static var priorityGroupsForCPNS: Message {
        Message(
            "T0431", en: "priority_groups apply to PPPK rankings; a CPNS vacancy ranks by SKD and SKB scores",
            id: "priority_groups berlaku untuk peringkat PPPK; lowongan CPNS diperingkat menurut nilai SKD dan SKB")
    }

    static func unknownTieBreak(_ written: String, known: [String]) -> Message {
        let list = known.joined(separator: ", ")
        return Message(
            "T0432", en: "tie_break key '\(written)' is unknown or repeated",
            id: "kunci tie_break '\(written)' tidak dikenal atau berulang",
            hint: .didYouMean(written, in: known) ?? Bilingual(id: "gunakan: \(list)", en: "use: \(list)"))
    }

    static var skbPartsForPPPK: Message {
        Message(
            "T0433", en: "scoring.skb declares the parts of the CPNS SKB; a PPPK vacancy has none",
            id: "scoring.skb menyatakan bagian-bagian SKB CPNS; lowongan PPPK tidak memilikinya")
    }

    static func skbPartIDTaken(_ id: String) -> Message {
        Message(
            "T0434", en: "SKB part id '\(id)' must be a slug other than a column the table already has",
            id: "id bagian SKB '\(id)' harus slug yang bukan nama kolom yang sudah ada di tabel")
    }

    static func skbPartListedTwice(_ id: String) -> Message {
        Message("T0435", en: "SKB part '\(id)' is listed twice", id: "bagian SKB '\(id)' tercantum dua kali")
    }

    static func skbPartWeight(_ id: String, _ weight: Int) -> Message {
        Message(
            "T0436", en: "SKB part '\(id)' has weight \(weight); a weight is a whole percent from 1 to 100",
            id: "bagian SKB '\(id)' berbobot \(weight); bobot adalah persen bulat dari 1 sampai 100")
    }

    static func skbPartWeightsSum(_ sum: Int, parts: String) -> Message {
        Message(
            "T0437", en: "the SKB part weights add up to \(sum), not 100: \(parts)",
            id: "bobot bagian-bagian SKB berjumlah \(sum), bukan 100: \(parts)")
    }
}

extension CodeExplanation {
    static let notice: [CodeExplanation] = [
        .init(
            .unknownVacancyKind("p3k"), meaning: "`kind` lowongan hanya `cpns` atau `pppk`.",
            action: "Tulis `kind: cpns` atau `kind: pppk`."),
        .init(
            .stageNotASlug("Seleksi Kompetensi"),
            meaning: "Id tahap jadwal dipakai di alamat dan data, jadi harus slug.",
            action: "Tulis id tahap yang dikenal (misalnya `skd`) atau slug buatan sendiri dengan `title`."),
        .init(
            .customStageWithoutTitle("wawancara-akhir"),
            meaning: "Tahap yang tidak dikenal Terbuka memerlukan judul agar dapat ditampilkan.",
            action: "Tambahkan `title:` pada entri jadwal itu, atau gunakan id tahap yang dikenal."),
        .init(
            .endBeforeStart(end: "2024-10-01", start: "2024-10-05"), meaning: "Tahap berakhir sebelum dimulai.",
            action: "Periksa tanggal `start` dan `end`."),
        .init(
            .unknownResultStage("tes", kind: .cpns, known: ["administrasi", "skd", "skb", "akhir"]),
            meaning: "`stage` entri hasil tidak dikenal untuk jenis lowongan ini.",
            action:
                "Gunakan salah satu tahap yang disebut (CPNS: administrasi, skd, skb, akhir; PPPK: administrasi, kompetensi, akhir)."
        ),
        .init(
            .resultsEntryWithoutFile(stage: "skd"), meaning: "Setiap tahap hasil kecuali `akhir` memerlukan tabelnya.",
            action: "Tambahkan `file: results/NAMA.csv` (atau .xlsx)."),
        .init(
            .sheetOfNonWorkbook("results/skd.csv"), meaning: "`sheet` hanya berlaku untuk buku kerja Excel.",
            action: "Hapus `sheet`, atau sebut berkas .xlsx."),
        .init(
            .historyNamesCurrentTable("results/skd.csv"),
            meaning: "Versi lama di `history` harus berkas tersendiri, bukan tabel yang berlaku.",
            action: "Simpan tabel baru dengan nama lain, sebut di `file`, dan biarkan berkas lama di `history`."),
        .init(
            .historyNamesFileTwice("results/skd-lama.csv", firstLine: 30),
            meaning: "Satu berkas disebut dua kali di `history`.", action: "Hapus salah satunya."),
        .init(
            .twoVersionsOnOneDay("2024-11-02", firstLine: 30), meaning: "Dua versi terbit pada hari yang sama.",
            action: "Setiap versi memerlukan tanggal `published` sendiri."),
        .init(
            .versionsOutOfOrder("2024-11-01", previous: "2024-11-05"),
            meaning: "`history` harus urut dari versi terlama.", action: "Urutkan entri `history` menurut tanggal."),
        .init(
            .versionOnCurrentDay("2024-11-05"),
            meaning: "Versi lama terbit pada hari yang sama dengan tabel yang berlaku.",
            action: "Periksa tanggal `published` versi itu dan tabel yang berlaku."),
        .init(
            .versionAfterCurrent("2024-11-09", current: "2024-11-05"),
            meaning: "Versi lama terbit setelah tabel yang berlaku.",
            action: "Periksa tanggal: tabel yang berlaku adalah yang terbaru."),
        .init(
            .notATable("results/skd.pdf"), meaning: "Tabel hasil harus CSV atau buku kerja Excel (.xlsx).",
            action: "Ekspor tabel dari spreadsheet sebagai .xlsx atau 'CSV UTF-8'; PDF dilampirkan lewat pengumuman."),
        .init(
            .resultTableRefused("results/skd.csv", .isAFolder),
            meaning: "Berkas yang disebut bukan berkas biasa di dalam `content/`.",
            action: "Sebut berkas tabel yang sebenarnya."),
        .init(
            .resultTableMissing(
                "results/skd.csv", folder: "content/vacancies/cpns-2024", known: ["results/hasil-skd.csv"]),
            meaning: "Tabel hasil yang disebut tidak ada.", action: "Periksa ejaan nama berkas dan foldernya."),
        .init(
            .resultTableNotNamed("results/skd-draf.csv"),
            meaning: "Ada tabel di `results/` yang tidak disebut pengumuman, sehingga tidak terbit.",
            action: "Sebut tabel itu di `results` atau `history`, atau pindahkan dari `results/`."),
        .init(
            .stageListedTwice("skd", firstLine: 30), meaning: "Satu tahap tercantum dua kali di `results`.",
            action: "Gabungkan: tabel yang berlaku di `file`, versi lama di `history`."),
        .init(
            .competencyWithoutComponents, meaning: "Tabel kompetensi PPPK dinilai menurut komponen penilaian.",
            action: "Gunakan `scoring: { preset: pppk-2024 }` atau tulis `scoring.components`."),
        .init(
            .finalWithoutSources,
            meaning: "Hasil akhir dihitung dari tabel SKD dan SKB, atau dibaca dari tabelnya sendiri.",
            action: "Tambahkan `file` pada entri `akhir`, atau terbitkan tabel `skd` dan `skb`."),
        .init(
            .formationKindNotASlug("Putra Putri Papua"), meaning: "Jenis formasi di `scoring.passing` harus slug.",
            action: "Tulis seperti yang disarankan."),
        .init(
            .passingMarkOutOfRange("twk", 200, maximum: 150),
            meaning: "Nilai ambang batas melebihi nilai maksimum subtes.",
            action: "Periksa angkanya (TWK 0–150, TIU 0–175, TKP 0–225, total 0–550)."),
        .init(
            .passingNamesNoMinimum("umum"), meaning: "Entri nilai ambang batas kosong.",
            action: "Tulis `twk`, `tiu`, `tkp` atau `total`."),
        .init(
            .shortlistMultiplierBelowOne, meaning: "Kelipatan peserta yang lolos ke SKB harus paling kecil 1.",
            action: "Tulis 3 (ketentuan umum) atau angka lain yang ditetapkan."),
        .init(
            .weightsDoNotAddUp(skd: 40, skb: 50), meaning: "Bobot SKD dan SKB harus berjumlah 100.",
            action: "Tulis misalnya `skd: 40` dan `skb: 60`."),
        .init(
            .componentIDTaken("total"), meaning: "Id komponen tidak boleh sama dengan kolom yang sudah ada.",
            action: "Pilih id lain, misalnya `teknis`."),
        .init(
            .componentListedTwice("teknis"), meaning: "Satu komponen tercantum dua kali.",
            action: "Hapus salah satunya."),
        .init(
            .componentBounds("teknis"), meaning: "Batas nilai komponen tidak masuk akal.",
            action: "Periksa `max`, `min` dan `multiple_of`."),
        .init(
            .unknownPriorityGroup("R5"), meaning: "Kelompok prioritas PPPK tidak dikenal.",
            action: "Gunakan R1, R2, R3 atau R4."),
        .init(
            .priorityGroupListedTwice("R2"), meaning: "Satu kelompok tercantum dua kali.",
            action: "Hapus salah satunya."),
        .init(
            .priorityGroupsForCPNS, meaning: "Kelompok prioritas hanya berlaku untuk PPPK.",
            action: "Hapus `priority_groups` dari pengumuman CPNS."),
        .init(
            .unknownTieBreak("umur", known: ["skd", "tkp", "tiu", "twk"]),
            meaning: "Kunci penentu peringkat saat nilai sama tidak dikenal atau berulang.",
            action: "Gunakan kunci yang disebut, masing-masing sekali."),
        .init(
            .skbPartsForPPPK, meaning: "Bagian-bagian SKB hanya ada pada CPNS.",
            action: "Hapus `scoring.skb` dari pengumuman PPPK."),
        .init(
            .skbPartIDTaken("skb"), meaning: "Id bagian SKB tidak boleh sama dengan kolom yang sudah ada.",
            action: "Pilih id lain, misalnya `cat` atau `wawancara`."),
        .init(
            .skbPartListedTwice("cat"), meaning: "Satu bagian SKB tercantum dua kali.", action: "Hapus salah satunya."),
        .init(
            .skbPartWeight("cat", 0), meaning: "Bobot bagian SKB adalah persen bulat 1–100.",
            action: "Tulis bobot yang ditetapkan pengumuman."),
        .init(
            .skbPartWeightsSum(90, parts: "cat 50 + wawancara 40"),
            meaning: "Bobot bagian-bagian SKB harus berjumlah 100.",
            action: "Periksa bobot tiap bagian terhadap pengumuman."),
    ]
}
