// T05xx: reading tables (CSV files and Excel workbooks), their columns, and formations.

extension Message {
    private static let resave = Bilingual(
        id:
            "di Excel pilih File › Simpan Sebagai › 'CSV UTF-8 (Dipisahkan koma)'; di LibreOffice centang 'Edit filter settings' lalu pilih 'Unicode (UTF-8)'",
        en:
            "in Excel choose File › Save As › 'CSV UTF-8 (Comma delimited)'; in LibreOffice tick 'Edit filter settings' and choose 'Unicode (UTF-8)'"
    )
    private static let doubledQuote = Bilingual(
        id: "tanda kutip di dalam isian bertanda kutip harus ditulis dua kali (\"\")",
        en: "a quote inside a quoted field must be doubled (\"\")")
    static let convert = Bilingual(
        id: "buka di Excel atau LibreOffice lalu simpan sebagai buku kerja Excel (.xlsx) atau 'CSV UTF-8'",
        en: "open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'")

    static var quoteNeverClosed: Message {
        Message(
            "T0501", en: "stray quote: the quoted field that starts here is never closed",
            id: "tanda kutip lepas: isian bertanda kutip yang dimulai di sini tidak pernah ditutup", hint: doubledQuote)
    }

    static var textAfterQuote: Message {
        Message(
            "T0502", en: "stray quote: text follows the closing quote of a field",
            id: "tanda kutip lepas: ada teks setelah tanda kutip penutup isian", hint: doubledQuote)
    }

    static var tableNotUTF8: Message {
        Message("T0503", en: "the file is not valid UTF-8", id: "berkas bukan UTF-8 yang sah", hint: resave)
    }

    static var tooManyMergedRanges: Message {
        Message(
            "T0504",
            en: "the workbook's sheet has more than \(MergeSearch.limit) merged ranges, more than a table needs",
            id:
                "lembar kerja memiliki lebih dari \(MergeSearch.limit) rentang sel gabungan, lebih dari yang diperlukan tabel",
            hint: Bilingual(
                id:
                    "pisahkan sel gabungan (Beranda › Gabungkan & Tengahkan › Pisahkan Sel) lalu simpan lagi, atau simpan sebagai 'CSV UTF-8'",
                en: "unmerge the cells (Home › Merge & Center › Unmerge Cells) and save again, or save as 'CSV UTF-8'"))
    }

    /// A workbook whose inside is broken; `damage` says where.
    static func workbookDamaged(_ damage: WorkbookDamage) -> Message {
        Message(
            "T0505", en: "the workbook is damaged\(damage.text.en)", id: "buku kerja rusak\(damage.text.id)",
            hint: damage == .cannotOpen
                ? Bilingual(
                    id:
                        "buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx, atau simpan sebagai 'CSV UTF-8'",
                    en: "open it in Excel or LibreOffice and save it again as .xlsx, or save it as 'CSV UTF-8'")
                : nil)
    }

    static func mergedRangesTooLarge() -> Message {
        Message(
            "T0506", en: "the workbook's merged ranges cover more cells than a table has",
            id: "rentang sel gabungan di buku kerja mencakup lebih banyak sel daripada tabel")
    }

    static func workbookPassword(detailed: Bool) -> Message {
        Message(
            "T0507", en: "the workbook is protected with a password, so it cannot be read",
            id: "buku kerja dilindungi kata sandi, jadi tidak dapat dibaca",
            hint: detailed
                ? Bilingual(
                    id:
                        "buka di Excel, hapus kata sandinya (File › Info › Proteksi Buku Kerja › Enkripsi dengan Kata Sandi, kosongkan) lalu simpan lagi",
                    en:
                        "open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, empty) and save it again"
                )
                : Bilingual(
                    id: "buka di Excel, hapus kata sandinya lalu simpan lagi",
                    en: "open it in Excel, remove the password and save it again"))
    }

    static func otherFormatUnderXLSXName(_ format: SpreadsheetFormat) -> Message {
        Message(
            "T0508", en: "this file is \(format.name.en) with the name of an .xlsx",
            id: "berkas ini \(format.name.id) yang diberi nama .xlsx", hint: convert)
    }

    static var notAZip: Message {
        Message(
            "T0509", en: "this file is not an Excel workbook (.xlsx): it is not a ZIP archive",
            id: "berkas ini bukan buku kerja Excel (.xlsx): bukan arsip ZIP",
            hint: Bilingual(
                id:
                    "bila berkas ini CSV atau spreadsheet lain, beri akhiran namanya sendiri, atau simpan dari Excel sebagai .xlsx",
                en: "if it is a CSV or another spreadsheet, give it its own extension, or save it from Excel as .xlsx"))
    }

    static func zipWithoutWorkbook(_ part: String) -> Message {
        Message(
            "T0510", en: "this ZIP archive is not an Excel workbook: it has no \(part)",
            id: "arsip ZIP ini bukan buku kerja Excel: tidak ada \(part)", hint: convert)
    }

    static func noSuchSheet(_ name: String, sheets: [String]) -> Message {
        let list = sheets.map { "'\($0)'" }.joined(separator: ", ")
        return Message(
            "T0511", en: "the workbook has no sheet named '\(name)'",
            id: "buku kerja tidak memiliki lembar kerja bernama '\(name)'",
            hint: Bilingual(id: "lembar kerjanya: \(list)", en: "its sheets are: \(list)"))
    }

    static var noWorksheet: Message {
        Message("T0512", en: "the workbook has no worksheet", id: "buku kerja tidak memiliki lembar kerja")
    }

    static func partTooLarge(_ part: String, megabytes: Int) -> Message {
        Message(
            "T0513", en: "the workbook's \(part) is larger than \(megabytes) MB once unpacked, more than a table needs",
            id: "\(part) di buku kerja lebih dari \(megabytes) MB setelah diekstrak, lebih dari yang diperlukan tabel",
            hint: Bilingual(id: "simpan lembar itu sebagai 'CSV UTF-8'", en: "save the sheet as 'CSV UTF-8' instead"))
    }

    static func unusualCompression(_ part: String, method: Int) -> Message {
        Message(
            "T0514", en: "the workbook's \(part) is compressed in a way Excel does not use (method \(method))",
            id: "\(part) di buku kerja dimampatkan dengan cara yang tidak dipakai Excel (metode \(method))",
            hint: Bilingual(
                id: "buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx",
                en: "open it in Excel or LibreOffice and save it again as .xlsx"))
    }

    static func unsupportedFormat(_ format: SpreadsheetFormat) -> Message {
        Message(
            "T0515", en: "this file is \(format.name.en), which Terbuka does not read",
            id: "berkas ini \(format.name.id), yang tidak dibaca Terbuka", hint: convert)
    }

    static var sheetOfCSV: Message {
        Message(
            "T0516", en: "'sheet' names a worksheet, but a CSV file has none",
            id: "'sheet' menyebut lembar kerja, padahal berkas CSV tidak memilikinya",
            hint: Bilingual(id: "hapus 'sheet', atau berikan berkas .xlsx", en: "remove 'sheet', or give an .xlsx file")
        )
    }

    static func fieldCount(row: Int, fields: Int, header: Int, separator: String) -> Message {
        Message(
            "T0517", en: "row \(row) has \(fields) fields but the header has \(header)",
            id: "baris \(row) memiliki \(fields) kolom tetapi header memiliki \(header)",
            hint: Bilingual(
                id: "isian yang memuat pemisah '\(separator)' harus diberi tanda kutip",
                en: "a field containing the separator '\(separator)' must be in quotes"))
    }

    static func cellTooLong(_ count: Int, limit: Int) -> Message {
        Message(
            "T0518", en: "this cell holds \(count) characters; a table cell may hold at most \(limit)",
            id: "sel ini berisi \(count) karakter; satu sel tabel paling banyak \(limit)")
    }

    static func cellControlCharacter(_ name: String) -> Message {
        Message(
            "T0519", en: "this cell holds the control character \(name), which no page may show",
            id: "sel ini memuat karakter kendali \(name), yang tidak boleh tampil di halaman mana pun",
            hint: Message.controlCharacter(name).hint)
    }

    static func noHeader(rows: Int, columns: [String]) -> Message {
        let list = columns.joined(separator: " or ")
        let daftar = columns.joined(separator: " atau ")
        return Message(
            "T0520", en: "no header row: none of the first \(rows) rows names the column \(list)",
            id: "tidak ada baris header: tidak satu pun dari \(rows) baris pertama menyebut kolom \(daftar)",
            hint: headerHint)
    }

    private static let headerHint = Bilingual(
        id: "baris header menamai setiap kolom; baris judul di atasnya dilewati",
        en: "the header row names each column; title rows above it are skipped")

    static func emptyTable(ofParticipants: Bool) -> Message {
        Message(
            "T0521",
            en:
                "the table is empty: it needs a header row and one row per \(ofParticipants ? "participant" : "formation")",
            id:
                "tabel kosong: tabel memerlukan baris header dan satu baris per \(ofParticipants ? "peserta" : "formasi")",
            hint: headerHint)
    }

    static var formulaWithoutValue: Message {
        Message(
            "T0522", en: "this cell has a formula whose result was never saved",
            id: "sel ini berisi rumus yang hasilnya tidak pernah disimpan",
            hint: Bilingual(
                id: "buka buku kerja di Excel atau LibreOffice, biarkan menghitung, lalu simpan lagi",
                en: "open the workbook in Excel or LibreOffice, let it calculate, and save it again"))
    }

    static func excelError(_ value: String) -> Message {
        Message(
            "T0523", en: "this cell holds the Excel error \(value)", id: "sel ini berisi galat Excel \(value)",
            hint: Bilingual(
                id: "perbaiki rumus atau nilainya di buku kerja", en: "correct the formula or the value in the workbook"
            ))
    }

    static func longNumber(_ what: NumberColumn, _ value: String) -> Message {
        Message(
            "T0524",
            en:
                "\(what.name.en) \(value) is stored as a number, and Excel keeps only 15 digits of a number: the last digits are lost",
            id:
                "\(what.name.id) \(value) tersimpan sebagai angka, padahal Excel hanya menyimpan 15 digit angka: digit terakhirnya hilang",
            hint: Bilingual(
                id: "format kolom itu sebagai Teks (Format Sel › Angka › Teks) lalu ketik ulang angkanya",
                en: "format the column as Text and type the numbers again"))
    }

    static func unnamedColumn(_ letter: String) -> Message {
        Message(
            "T0525",
            en: "column \(letter) has no name in the header; its values are not read and not published",
            id: "kolom \(letter) tidak bernama di header; nilainya tidak dibaca dan tidak diterbitkan")
    }

    static func sameColumnTwice(_ name: String, first: String) -> Message {
        Message(
            "T0526", en: "column '\(name)' is the same column as '\(first)'",
            id: "kolom '\(name)' adalah kolom yang sama dengan '\(first)'")
    }

    static func missingColumn(_ name: String, accepted: [String], reading: Bilingual?, more: Bilingual?) -> Message {
        let list = accepted.joined(separator: ", ")
        var hint = Bilingual(id: "nama yang diterima: \(list)", en: "accepted names: \(list)")
        if let more { hint = Bilingual(id: "\(hint.id); \(more.id)", en: "\(hint.en); \(more.en)") }
        if let reading { hint = Bilingual(id: "\(reading.id); \(hint.id)", en: "\(reading.en); \(hint.en)") }
        return Message(
            "T0527", en: "missing required column '\(name)'", id: "kolom wajib '\(name)' tidak ada", hint: hint)
    }

    static func unusedColumn(_ name: String, known: [String], unpublished: Bool) -> Message {
        Message(
            "T0528",
            en: unpublished ? "column '\(name)' is not used and is not published" : "column '\(name)' is not used",
            id: unpublished ? "kolom '\(name)' tidak dipakai dan tidak diterbitkan" : "kolom '\(name)' tidak dipakai",
            hint: .didYouMean(name, in: known))
    }

    static func personalColumn(_ name: String, kind: String) -> Message {
        let what = Bilingual.personalData(kind)
        return Message(
            "T0529",
            en: "column '\(name)' is personal data (\(what.en)) and must not be published; remove it from the table",
            id: "kolom '\(name)' adalah data pribadi (\(what.id)) dan tidak boleh diterbitkan; hapus dari tabel",
            hint: kind == "birth date"
                ? Bilingual(
                    id:
                        "tanggal lahir untuk penentu peringkat ditulis di kolom bernama 'birth_date' atau 'tanggal_lahir', yang tidak pernah diterbitkan",
                    en:
                        "a birth date for tie-breaks goes in a column named 'birth_date' or 'tanggal_lahir', which is never published"
                ) : nil)
    }

    static func columnHoldsPersonalData(_ name: String, kind: String) -> Message {
        let what = Bilingual.personalData(kind)
        return Message(
            "T0530", en: "column '\(name)' holds \(what.en), which is personal data; remove the column",
            id: "kolom '\(name)' berisi \(what.id), yang merupakan data pribadi; hapus kolom itu")
    }

    static var headerWithoutRows: Message {
        Message(
            "T0531", en: "the table has a header but no participant rows",
            id: "tabel memiliki header tetapi tidak ada baris peserta",
            hint: Bilingual(
                id: "hasil yang diterbitkan mencantumkan setiap peserta tahap itu; apakah berkasnya terpotong?",
                en: "a published result lists every participant of the stage; was the file cut short?"))
    }

    static func notesSkipped(_ count: Int) -> Message {
        Message(
            "T0532",
            en:
                "\(count) row\(count == 1 ? "" : "s") without a participant number or a name \(count == 1 ? "was" : "were") skipped (notes under or inside the table)",
            id: "\(count) baris tanpa nomor peserta atau nama dilewati (catatan di bawah atau di dalam tabel)")
    }

    static func emptyFormationField(_ name: String) -> Message {
        Message("T0533", en: "empty '\(name)'", id: "'\(name)' kosong")
    }

    static func duplicateFormationCode(_ code: String, first: Int, inSheet: Bool) -> Message {
        Message(
            "T0534", en: "duplicate formation code '\(code)' (first on \(inSheet ? "row" : "line") \(first))",
            id: "kode formasi '\(code)' ganda (pertama pada baris \(first))")
    }

    static func badQuota(_ value: String) -> Message {
        Message(
            "T0535", en: "quota must be a whole number of at least 1, found '\(value)'",
            id: "kuota harus bilangan bulat paling kecil 1, ditemukan '\(value)'")
    }

    static func kindWithoutPassingMarks(_ value: String, slug: String, known: [String]) -> Message {
        Message(
            "T0536",
            en: "formation kind '\(value)' has no passing marks: define them under scoring.passing.\(slug) in index.md",
            id:
                "jenis formasi '\(value)' tidak memiliki nilai ambang batas: tetapkan di scoring.passing.\(slug) dalam index.md",
            hint: .didYouMean(slug, in: known))
    }

    static func salaryRange(max: Int, min: Int) -> Message {
        Message(
            "T0537", en: "salary_max \(max) is below salary_min \(min)",
            id: "salary_max \(max) di bawah salary_min \(min)")
    }

    static func disabilityValue(_ raw: String) -> Message {
        Message(
            "T0538", en: "disability '\(raw)' is neither yes nor no", id: "disabilitas '\(raw)' bukan ya atau tidak",
            hint: Bilingual(
                id: "tulis ya atau tidak (1 atau 0, seperti ekspor SSCASN)",
                en: "write ya or tidak (1 or 0, as SSCASN exports it)"))
    }

    static func noFormations(_ file: String) -> Message {
        Message("T0539", en: "\(file) lists no formation", id: "\(file) tidak mencantumkan formasi apa pun")
    }

    static func notRupiah(_ raw: String) -> Message {
        Message(
            "T0540", en: "'\(raw)' is not an amount in whole Rupiah", id: "'\(raw)' bukan jumlah dalam Rupiah bulat",
            hint: Bilingual(id: "tulis sebagai 2500000 atau 2.500.000", en: "write it as 2500000 or 2.500.000"))
    }
}

/// Where a workbook is broken, after "the workbook is damaged".
public enum WorkbookDamage: Sendable, Equatable {
    case cannotOpen
    case tokenTooLong(megabytes: Int)
    case endsInTag
    case textNotUTF8
    case beyondXFD
    case rowOrder(Int, after: Int)
    case missingSharedText
    case notANumber(String)
    case missingPart(String)

    var text: Bilingual {
        switch self {
        case .cannotOpen: Bilingual(id: " dan tidak dapat dibuka", en: " and cannot be opened")
        case .tokenTooLong(let mb):
            Bilingual(
                id: ": bagian XML memuat tag atau teks yang lebih dari \(mb) MB",
                en: ": an XML part holds a tag or text longer than \(mb) MB")
        case .endsInTag:
            Bilingual(id: ": bagian XML berakhir di tengah tag", en: ": an XML part ends in the middle of a tag")
        case .textNotUTF8: Bilingual(id: ": teksnya bukan UTF-8 yang sah", en: ": its text is not valid UTF-8")
        case .beyondXFD: Bilingual(id: ": ada sel di luar kolom XFD", en: ": a cell lies beyond column XFD")
        case .rowOrder(let number, let row):
            Bilingual(id: ": baris \(number) muncul setelah baris \(row)", en: ": row \(number) comes after row \(row)")
        case .missingSharedText:
            Bilingual(
                id: ": sel ini merujuk teks yang tidak ada di buku kerja",
                en: ": this cell refers to a text that is not in the workbook")
        case .notANumber(let value):
            Bilingual(
                id: ": sel ini menyimpan '\(value)' sebagai angka", en: ": this cell holds '\(value)' as a number")
        case .missingPart(let part): Bilingual(id: ": \(part) tidak ada", en: ": \(part) is missing")
        }
    }
}

/// Spreadsheet formats Terbuka recognises only to say how to convert them.
public enum SpreadsheetFormat: Sendable, Equatable {
    case xls, xlsb, ods, numbers

    var name: Bilingual {
        switch self {
        case .xls: Bilingual(id: "buku kerja Excel 97–2003 (.xls)", en: "an Excel 97–2003 workbook (.xls)")
        case .xlsb: Bilingual(id: "buku kerja biner Excel (.xlsb)", en: "an Excel binary workbook (.xlsb)")
        case .ods: Bilingual(id: "spreadsheet OpenDocument (.ods)", en: "an OpenDocument spreadsheet (.ods)")
        case .numbers: Bilingual(id: "spreadsheet Numbers", en: "a Numbers spreadsheet")
        }
    }
}

/// Columns whose long numbers Excel rounds.
public enum NumberColumn: Sendable {
    case participant, formationCode

    var name: Bilingual {
        switch self {
        case .participant: Bilingual(id: "nomor peserta", en: "participant number")
        case .formationCode: Bilingual(id: "kode formasi", en: "formation code")
        }
    }
}

extension Bilingual {
    /// The kinds of personal data PersonalData and ResultColumns recognise, named in English
    /// there; the Indonesian here.
    static func personalData(_ kind: String) -> Bilingual {
        let indonesian: [String: String] = [
            "a NIK (16 digits)": "NIK (16 digit)", "an e-mail address": "alamat email",
            "a phone number": "nomor telepon", "a date (birth date?)": "tanggal (tanggal lahir?)",
            "a date that looks like a birth date": "tanggal yang tampak seperti tanggal lahir", "NIK": "NIK",
            "KK number": "nomor KK", "phone number": "nomor telepon", "e-mail address": "alamat email",
            "address": "alamat", "place of birth": "tempat lahir", "birth date": "tanggal lahir", "age": "umur",
            "NPWP": "NPWP", "bank account": "nomor rekening", "NIP": "NIP",
        ]
        return Bilingual(id: indonesian[kind] ?? kind, en: kind)
    }
}

extension CodeExplanation {
    static let tables: [CodeExplanation] = [
        .init(
            .quoteNeverClosed, meaning: "Field CSV yang diawali tanda kutip tidak pernah ditutup.",
            action: "Tutup tanda kutipnya, atau tulis tanda kutip di dalam teks dua kali (\"\")."),
        .init(
            .textAfterQuote, meaning: "Ada teks setelah tanda kutip penutup sebuah field CSV.",
            action: "Tulis tanda kutip di dalam teks dua kali (\"\"), atau beri tanda kutip pada seluruh field."),
        .init(
            .tableNotUTF8,
            meaning: "Tabel CSV tidak tersimpan sebagai UTF-8, sehingga nama dengan huruf khusus bisa rusak.",
            action: "Simpan ulang sebagai 'CSV UTF-8'."),
        .init(
            .tooManyMergedRanges,
            meaning: "Lembar kerja memiliki terlalu banyak sel gabungan untuk dibaca sebagai tabel.",
            action: "Pisahkan sel gabungan, atau simpan lembar itu sebagai 'CSV UTF-8'."),
        .init(
            .workbookDamaged(.cannotOpen), meaning: "Buku kerja Excel rusak.",
            action: "Buka dan simpan ulang di Excel atau LibreOffice, atau minta berkasnya lagi dari pengirim."),
        .init(
            .mergedRangesTooLarge(), meaning: "Sel gabungan di buku kerja mencakup lebih banyak sel daripada tabel.",
            action: "Pisahkan sel gabungan di luar tabel, lalu simpan lagi."),
        .init(
            .workbookPassword(detailed: true), meaning: "Buku kerja dilindungi kata sandi.",
            action: "Hapus kata sandinya di Excel lalu simpan lagi; situs terbuka tidak memerlukan kata sandi."),
        .init(
            .otherFormatUnderXLSXName(.xls), meaning: "Berkas bernama .xlsx padahal formatnya lain.",
            action: "Buka dan simpan sebagai buku kerja Excel (.xlsx) atau 'CSV UTF-8'."),
        .init(
            .notAZip, meaning: "Berkas bernama .xlsx tetapi bukan buku kerja Excel.",
            action: "Beri akhiran nama yang sesuai isinya, atau simpan dari Excel sebagai .xlsx."),
        .init(
            .zipWithoutWorkbook("xl/workbook.xml"), meaning: "Arsip ZIP bernama .xlsx tetapi bukan buku kerja.",
            action: "Simpan dari Excel atau LibreOffice sebagai .xlsx."),
        .init(
            .noSuchSheet("Hasil SKB", sheets: ["Hasil SKD", "Rekap"]),
            meaning: "Lembar yang disebut `sheet` tidak ada.",
            action: "Tulis nama lembar persis seperti di tab Excel."),
        .init(.noWorksheet, meaning: "Buku kerja tidak memiliki lembar kerja.", action: "Periksa berkasnya di Excel."),
        .init(
            .partTooLarge("xl/sharedStrings.xml", megabytes: 512),
            meaning: "Bagian buku kerja terlalu besar untuk sebuah tabel.",
            action: "Simpan lembar itu sebagai 'CSV UTF-8'."),
        .init(
            .unusualCompression("xl/worksheets/sheet1.xml", method: 14),
            meaning: "Buku kerja dimampatkan dengan cara yang tidak dipakai Excel.",
            action: "Buka dan simpan ulang sebagai .xlsx."),
        .init(
            .unsupportedFormat(.ods), meaning: "Terbuka membaca tabel CSV dan buku kerja Excel (.xlsx).",
            action: "Simpan sebagai .xlsx atau 'CSV UTF-8'."),
        .init(
            .sheetOfCSV, meaning: "`sheet` hanya berlaku untuk buku kerja Excel.", action: "Hapus `sheet`."),
        .init(
            .fieldCount(row: 12, fields: 9, header: 8, separator: ","),
            meaning:
                "Satu baris CSV memiliki lebih banyak field daripada header, biasanya karena koma di dalam nama atau nilai.",
            action: "Beri tanda kutip pada field yang memuat pemisah, atau ekspor ulang dari spreadsheet."),
        .init(
            .cellTooLong(TableReader.fieldLimit + 1, limit: TableReader.fieldLimit),
            meaning: "Satu sel terlalu panjang untuk tabel.",
            action: "Periksa sel itu; biasanya ada tanda kutip yang tidak ditutup."),
        .init(
            .cellControlCharacter("U+0007 (BELL)"), meaning: "Sel memuat karakter kendali yang tidak terlihat.",
            action: "Hapus karakter itu dari sel."),
        .init(
            .noHeader(rows: 20, columns: ["'participant' (no_peserta, nomor peserta, no peserta)"]),
            meaning: "Terbuka tidak menemukan baris header yang menamai kolom wajib.",
            action: "Pastikan ada baris header dengan nama kolom yang diterima (lihat docs/format.md)."),
        .init(
            .emptyTable(ofParticipants: true), meaning: "Tabel kosong.",
            action: "Isi tabel dengan baris header dan satu baris per peserta atau formasi."),
        .init(
            .formulaWithoutValue, meaning: "Sel berisi rumus yang hasilnya tidak tersimpan di berkas.",
            action: "Buka buku kerja di Excel atau LibreOffice, biarkan menghitung, lalu simpan lagi."),
        .init(
            .excelError("#DIV/0!"), meaning: "Sel berisi galat Excel, bukan nilai.",
            action: "Perbaiki rumus atau nilainya di buku kerja."),
        .init(
            .longNumber(.participant, "2.41E+15"),
            meaning:
                "Nomor panjang tersimpan sebagai angka; Excel hanya menyimpan 15 digit, jadi digit terakhir hilang.",
            action: "Format kolom sebagai Text lalu ketik ulang nomornya dari sumber aslinya."),
        .init(
            .unnamedColumn("H"), meaning: "Ada kolom berisi nilai tanpa nama di header; nilainya diabaikan.",
            action: "Beri nama kolom itu, atau hapus kolomnya."),
        .init(
            .sameColumnTwice("NILAI TWK", first: "TWK"), meaning: "Dua kolom dibaca sebagai kolom yang sama.",
            action: "Hapus salah satu kolom."),
        .init(
            .missingColumn(
                "participant", accepted: ["participant", "no_peserta", "nomor peserta"], reading: nil, more: nil),
            meaning: "Kolom wajib tidak ditemukan di header.",
            action: "Tambahkan kolom itu atau ganti nama kolomnya dengan salah satu nama yang diterima."),
        .init(
            .unusedColumn("KET2", known: ["reason", "status"], unpublished: true),
            meaning: "Kolom tidak dikenal; nilainya tidak dibaca.",
            action: "Bila kolom itu perlu dibaca, ganti namanya dengan nama yang diterima (lihat docs/format.md)."),
        .init(
            .personalColumn("NIK", kind: "NIK"),
            meaning: "Tabel memuat kolom data pribadi, yang tidak boleh terbit.",
            action: "Hapus kolom itu dari tabel sebelum disimpan di situs."),
        .init(
            .columnHoldsPersonalData("KETERANGAN", kind: "a phone number"),
            meaning: "Kolom yang tidak dikenal berisi data pribadi.",
            action: "Hapus kolom itu dari tabel."),
        .init(
            .headerWithoutRows, meaning: "Tabel hanya berisi header.",
            action: "Periksa apakah berkasnya terpotong atau lembar yang dibaca salah."),
        .init(
            .notesSkipped(2), meaning: "Baris tanpa nomor peserta atau nama (catatan, tanda tangan) dilewati.",
            action: "Tidak ada yang perlu dilakukan bila baris itu memang catatan."),
        .init(.emptyFormationField("position"), meaning: "Kolom wajib formasi kosong.", action: "Isi nilainya."),
        .init(
            .duplicateFormationCode("F0001", first: 3, inSheet: false), meaning: "Kode formasi muncul dua kali.",
            action: "Setiap formasi memerlukan kode sendiri."),
        .init(
            .badQuota("dua"), meaning: "Kuota formasi harus bilangan bulat ≥ 1.",
            action: "Tulis jumlah kuotanya dengan angka."),
        .init(
            .kindWithoutPassingMarks("Cumlaude", slug: "cumlaude", known: ["umum", "cumlaude-lulusan-terbaik"]),
            meaning: "Jenis formasi tidak memiliki nilai ambang batas di preset maupun di pengumuman.",
            action: "Tetapkan nilainya di `scoring.passing.JENIS` pada index.md, atau perbaiki ejaan jenisnya."),
        .init(
            .salaryRange(max: 2_000_000, min: 3_000_000), meaning: "Gaji maksimum lebih kecil dari gaji minimum.",
            action: "Periksa kedua angka."),
        .init(
            .disabilityValue("mungkin"), meaning: "Kolom disabilitas hanya menerima ya atau tidak.",
            action: "Tulis ya atau tidak (1 atau 0)."),
        .init(
            .noFormations("formations.csv"), meaning: "Daftar formasi kosong.", action: "Isi satu baris per formasi."),
        .init(
            .notRupiah("2,5 juta"), meaning: "Jumlah uang harus Rupiah bulat.",
            action: "Tulis sebagai 2500000 atau 2.500.000."),
    ]
}

extension Bilingual {
    /// How a column with a generic name was read: `column 'KETERANGAN' read as the status`.
    static func readAs(_ header: String, _ column: String) -> Bilingual {
        Bilingual(
            id: "kolom '\(header)' dibaca sebagai kolom '\(column)'", en: "column '\(header)' read as the \(column)")
    }

    /// Why a column was not read as the one asked for.
    static func readInstead(_ header: String, as chosen: String?, not skipped: String, example: String) -> Bilingual {
        Bilingual(
            id: chosen.map {
                "kolom '\(header)' dibaca sebagai kolom '\($0)', bukan '\(skipped)': nilainya tidak cocok\(example)"
            }
                ?? "kolom '\(header)' tidak dibaca sebagai kolom mana pun, juga bukan '\(skipped)': nilainya tidak cocok\(example)",
            en:
                "column '\(header)' was read as \(chosen.map { "the \($0)" } ?? "nothing"), not as the \(skipped): its values do not fit\(example)"
        )
    }

    /// ` (column 'KETERANGAN' read as the status)` after a message about a value, or nothing.
    static func aside(_ reading: Bilingual?) -> Bilingual {
        reading.map { Bilingual(id: " (\($0.id))", en: " (\($0.en))") } ?? .same("")
    }
}

extension Bilingual {
    static let formationByPositionAndUnit = Bilingual(
        id: "atau tulis jabatan dan lokasi formasi setiap baris, untuk dicari di formations.csv",
        en: "or give the position (jabatan) and the unit (lokasi formasi) of each row, to be found in formations.csv")
}
