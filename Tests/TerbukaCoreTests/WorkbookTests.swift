import Foundation
import Testing

@testable import TerbukaCore

/// Reading worksheets cell by cell: what each kind of cell becomes.
@Suite struct WorkbookReaderTests {
    func records(_ fixture: WorkbookFixture, sheet: String? = nil) throws -> [TableRecord] {
        let workbook = try XLSXWorkbook(data: try fixture.data())
        var source = try workbook.sheet(named: sheet)
        var records: [TableRecord] = []
        try source.forEachRecord { record in
            records.append(record)
            return true
        }
        return records
    }

    @Test func sharedAndInlineStringsNumbersBooleansAndGapsBecomeText() throws {
        let rows = try records(
            WorkbookFixture(rows: [
                [
                    .text("NAMA"), .inline("Nilai & Catatan"), "", .number("85.249999999999986"), .boolean(true),
                    .number("2653001000007"),
                ]
            ]))
        #expect(rows.count == 1)
        #expect(rows[0].fields == ["NAMA", "Nilai & Catatan", "", "85.25", "TRUE", "2653001000007"])
        #expect(rows[0].kinds == [.text, .text, .text, .number, .boolean, .number])
        #expect(rows[0].positions.map(\.column) == [1, 2, 3, 4, 5, 6])
    }

    @Test func rowsCutByTheEndOfAnInflatedChunkAreReadWhole() throws {
        // 20,000 rows of about 90 bytes: the sheet's XML spans several 256 KB chunks.
        let rows: [[WorkbookFixture.Cell]] = (0..<20_000).map {
            [.inline("P\($0)"), .number(String($0)), .inline("NAMA \($0)")]
        }
        let read = try records(WorkbookFixture(rows: rows))
        #expect(read.count == 20_000)
        #expect(
            read.enumerated().allSatisfy { index, record in
                record.fields == ["P\(index)", String(index), "NAMA \(index)"]
            })
        #expect(read.last?.line == 20_000)
    }

    /// Found by fuzz-xlsx: a row opened inside an open cell reset the column, and the
    /// cell's end then wrote before the first field.
    @Test func aCellEndAfterARowStartedInsideItIsIgnoredNotACrash() throws {
        let xml = Array(
            #"<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><row r="2"></c><c r="A2"><v>7</v></c></row></sheetData></worksheet>"#
                .utf8)
        var scanner = XMLScanner(handler: SheetHandler(sharedStrings: [], styles: [], date1904: false, merges: []))
        try xml.withUnsafeBytes { try scanner.feed($0) }
        try scanner.finish()
        #expect(scanner.handler.ready == 1)
        #expect(scanner.handler.rows[0].fields == ["7"])
    }

    /// Found by fuzz-xlsx: ZIPFoundation waited forever for the end of a deflate stream
    /// cut short; Terbuka's reader calls the workbook damaged.
    @Test func aSheetWhoseCompressedDataEndsEarlyIsDamagedNotAHang() throws {
        var fixture = WorkbookFixture(rows: (0..<2_000).map { [.inline("P\($0)"), .number(String($0))] })
        fixture.cutSheets = 40
        let error = #expect(throws: TableSyntaxError.self) { try records(fixture) }
        #expect(error?.message.text.en == "the workbook is damaged and cannot be opened")
    }

    /// Found in review: a row number past Int32 and an exponent of Int.min trapped.
    @Test func outOfRangeRowNumbersAndExponentsAreErrorsNotCrashes() throws {
        for xml in [
            #"<sheetData><row r="3000000000"><c><v>1</v></c></row></sheetData>"#,
            #"<sheetData><row r="1"><c><v>1E-9223372036854775808</v></c></row></sheetData>"#,
        ] {
            var scanner = XMLScanner(handler: SheetHandler(sharedStrings: [], styles: [], date1904: false, merges: []))
            #expect(throws: TableSyntaxError.self) {
                try Array(xml.utf8).withUnsafeBytes { try scanner.feed($0) }
                try scanner.finish()
            }
        }
    }

    @Test func aTextLongerThanATableCanHoldIsRefusedBeforeItIsRescannedForever() throws {
        var scanner = XMLScanner(handler: SheetHandler(sharedStrings: [], styles: [], date1904: false, merges: []))
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 18)
        let error = #expect(throws: TableSyntaxError.self) {
            try Array("<sheetData><row><c t=\"inlineStr\"><is><t>".utf8).withUnsafeBytes { try scanner.feed($0) }
            for _ in 0..<8 { try chunk.withUnsafeBytes { try scanner.feed($0) } }
        }
        #expect(error?.message.text.en.contains("longer than 1 MB") == true)
    }

    @Test func numbersAreWrittenInFullNeverInENotation() {
        #expect(NumberText.format(Array("1.0E+15".utf8))?.text == "1000000000000000")
        #expect(NumberText.format(Array("1.5E-2".utf8))?.text == "0.015")
        #expect(NumberText.format(Array("-12.50".utf8))?.text == "-12.5")
        #expect(NumberText.format(Array("385".utf8))?.text == "385")
        // Excel keeps 15 significant digits: a 16-digit number has lost its last one.
        #expect(NumberText.format(Array("2.41E+16".utf8))?.long == true)
        #expect(NumberText.format(Array("2653001000000000".utf8))?.long == true)
        #expect(NumberText.format(Array("265300100000000".utf8))?.long == false)
    }

    @Test func aNumberIsReadAsItsFormatShowsIt() throws {
        let rows = try records(
            WorkbookFixture(rows: [
                [
                    .threeDecimals("74.5454545454545"), .threeDecimals("80"), .threeDecimals("-0.0004"),
                    .number("74.5454545454545"),
                ]
            ]))
        #expect(rows[0].fields == ["74.545", "80", "0.000", "74.5454545454545"])
        #expect(NumberText.round("99.9996", decimals: 3) == "100.000")
        #expect(NumberText.round("-1.25", decimals: 1) == "-1.3")
    }

    @Test func aDateCellIsReadAsAnISODate() throws {
        // 36526 is 2000-01-01 in Excel's 1900 date system.
        let rows = try records(WorkbookFixture(rows: [[.date(36526), .date(60 + 1)]]))
        #expect(rows[0].fields == ["2000-01-01", "1900-03-01"])
        #expect(rows[0].kinds == [.date, .date])
    }

    @Test func formulasGiveTheirSavedValueOrSayThereIsNone() throws {
        let rows = try records(
            WorkbookFixture(rows: [[.formula("SUM(A2:C2)", cached: "310"), .formula("A1*2", cached: nil)]]))
        #expect(rows[0].fields == ["310", ""])
        #expect(rows[0].kinds == [.number, .formulaWithoutValue])
    }

    @Test func aMergedRangeFillsTheCellsBelowButNotAcross() throws {
        let rows = try records(
            WorkbookFixture(
                rows: [
                    ["KODE", "NILAI", ""],
                    ["U2", "1", ""],
                    ["", "2", ""],
                ], merges: ["A2:A3", "B1:C1"]))
        #expect(rows.map(\.fields) == [["KODE", "NILAI"], ["U2", "1"], ["U2", "2"]])
    }

    @Test func rowsWithoutReferencesAreNumberedInOrder() throws {
        var sheet = WorkbookFixture.Sheet(name: "Data", rows: [["A", "B"], ["C", "D"]])
        sheet.references = false
        let rows = try records(WorkbookFixture(sheet))
        #expect(rows.map(\.line) == [1, 2])
        #expect(rows[1].fields == ["C", "D"])
    }

    @Test func aSheetIsChosenByNameAndAMissingOneListsTheSheets() throws {
        let fixture = WorkbookFixture(
            WorkbookFixture.Sheet(name: "Petunjuk", rows: [["baca ini"]]),
            WorkbookFixture.Sheet(name: "Hasil SKD", rows: [["NO PESERTA"]]))
        #expect(try records(fixture, sheet: "hasil skd")[0].fields == ["NO PESERTA"])
        #expect(try records(fixture)[0].fields == ["baca ini"])
        let error = #expect(throws: TableSyntaxError.self) { try records(fixture, sheet: "Hasil SKB") }
        #expect(error?.message.text.en == "the workbook has no sheet named 'Hasil SKB'")
        #expect(error?.message.hint?.en == "its sheets are: 'Petunjuk', 'Hasil SKD'")
    }

    @Test func cellReferencesReadAndWriteAsExcelShowsThem() {
        func parse(_ text: String) -> (column: Int32, row: Int32)? {
            Array(text.utf8).withUnsafeBufferPointer { CellReference.parse($0) }
        }
        #expect(parse("F27")! == (6, 27))
        #expect(parse("$AA$1")! == (27, 1))
        #expect(parse("A0") == nil)
        #expect(CellReference.columnName(702) == "ZZ")
        #expect(CellReference.columnName(703) == "AAA")
        #expect(
            SourceLocation(path: "results/skd.xlsx", line: 27, column: 6, sheet: "Hasil SKD").formatted
                == "results/skd.xlsx:Hasil SKD!F27")
    }
}

/// Result tables shaped as agencies receive them, read from workbooks and CSV alike.
@Suite struct RealTableShapeTests {
    static let skdRows: [[WorkbookFixture.Cell]] = [
        ["PENGUMUMAN HASIL SELEKSI KOMPETENSI DASAR"],
        ["NO", "NO PESERTA", "NAMA", "KODE FORMASI", "NILAI SKD", "", "", "KETERANGAN"],
        ["", "", "", "", "TWK", "TIU", "TKP", ""],
        [1, "2024000000001", "ANI", "U1", 100, 100, 200, "P/L"],
        [2, "2024000000002", "BUDI", "U1", 60, 100, 200, "TL"],
        [3, "2024000000003", "CICI", "U2", 90, 90, 180, "P/L"],
    ]

    @Test func aWorkbookWithATitleRowAndAMergedTwoRowHeaderIsRanked() async throws {
        let workbook = try WorkbookFixture(
            WorkbookFixture.Sheet(
                name: "Hasil SKD", rows: Self.skdRows,
                merges: ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3"])
        ).data()
        let site = try ResultsSite(tables: [], workbooks: [("skd", workbook, "Hasil SKD")])
        defer { site.cleanUp() }
        #expect(
            try await site.statuses("skd") == ["2024000000001": "P/L", "2024000000002": "TL", "2024000000003": "P/L"])
        // The row-number column is ignored without a word.
        #expect(await site.site.messages().filter { $0.contains("NO'") } == [])
    }

    @Test func aCSVExportOfAMergedHeaderHasEmptyGroupCells() async throws {
        let csv = """
            DAFTAR NILAI SKD;;;;;;;
            No.;No Peserta;Nama;Kode Formasi;NILAI SKD;;;Keterangan
            ;;;;TWK;TIU;TKP;
            1;2024000000001;ANI;U1;100;100;200;P/L
            2;2024000000002;BUDI;U1;60;100;200;TL
            ;;;;;;;
            ;Ditetapkan di Kota Contoh;;;;;;

            """
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["2024000000001": "P/L", "2024000000002": "TL"])
    }

    @Test func aSemicolonCSVWithATitleRowWithoutSeparatorsIsRead() async throws {
        let csv = "HASIL SKD\nNO PESERTA;NAMA;KODE FORMASI;TWK;TIU;TKP\n2024000000001;ANI;U1;100;100;200\n"
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["2024000000001": "P/L"])
    }

    @Test func aRowWithOnlyAParticipantNumberIsAnErrorNotANote() async throws {
        let csv = "participant,name,formation,twk,tiu,tkp\n2024000000001,ANI,U1,100,100,200\n2024000000002,,,,,\n"
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors.contains(
                "content/vacancies/cpns-2024/results/skd.csv:3:15: error: column B (name): row 3: empty name"))
    }

    @Test func keteranganHoldingMSAndTMSIsTheStatusAndAlasanTheReason() async throws {
        let csv = """
            NO;NO PESERTA;NAMA;KODE FORMASI;KETERANGAN;ALASAN TMS
            1;2024000000001;ANI;U1;MS;
            2;2024000000002;BUDI;U1;TMS;Ijazah tidak sesuai

            """
        let site = try ResultsSite(tables: [("administrasi", csv)])
        defer { site.cleanUp() }
        let rows = try await site.published("administrasi")
        #expect(rows["2024000000001"]?["status"] == "MS")
        #expect(rows["2024000000002"]?["status"] == "TMS")
        #expect(rows["2024000000002"]?["reason"] == "Ijazah tidak sesuai")
    }

    @Test func keteranganHoldingFreeTextIsTheReasonAndTheStatusColumnIsTheStatus() async throws {
        let csv = """
            NO PESERTA,NAMA,KODE FORMASI,HASIL ADMINISTRASI,KETERANGAN
            2024000000001,ANI,U1,MS,
            2024000000002,BUDI,U1,TMS,Ijazah tidak sesuai

            """
        let site = try ResultsSite(tables: [("administrasi", csv)])
        defer { site.cleanUp() }
        #expect(try await site.published("administrasi")["2024000000002"]?["reason"] == "Ijazah tidak sesuai")
    }

    @Test func keteranganWithoutStatusCodesIsNotTakenForTheStatusAndTheMessageSaysSo() async throws {
        let csv = """
            NO PESERTA,NAMA,KODE FORMASI,KETERANGAN
            2024000000001,ANI,U1,Memenuhi syarat
            2024000000002,BUDI,U1,Ijazah tidak sesuai

            """
        let site = try ResultsSite(tables: [("administrasi", csv)])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/administrasi.csv:1:1: error: missing required column 'status' (column 'KETERANGAN' was read as the reason, not as the status: its values do not fit ('Memenuhi syarat'); accepted names: status, status_administrasi, hasil_administrasi)"
            ])
    }

    @Test func rowsWithoutACodeAreMatchedByPositionAndUnit() async throws {
        let csv = """
            NO PESERTA,NAMA,JABATAN,LOKASI FORMASI,TWK,TIU,TKP
            2024000000001,ANI,Analis,  setda ,100,100,200
            2024000000002,BUDI,PRANATA,KOMINFO,100,100,200

            """
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        let rows = try await site.published("skd")
        #expect(rows["2024000000001"]?["formation"] == "U1")
        #expect(rows["2024000000002"]?["formation"] == "U2")
    }

    @Test func anUnmatchedOrAmbiguousRowNamesTheCandidates() async throws {
        let formations = ResultsSite.formations + "U3,ANALIS,SETDA,cumlaude,1\n"
        let csv = """
            NO PESERTA,NAMA,JABATAN,LOKASI FORMASI,TWK,TIU,TKP
            2024000000001,ANI,ANALIS,SETDA,100,100,200
            2024000000002,BUDI,PRANATA,DINKES,100,100,200

            """
        let site = try ResultsSite(tables: [("skd", csv)], formations: formations)
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.csv:2:19: error: column C (JABATAN): row 2: the position 'ANALIS' at 'SETDA' fits 2 formations: U1 (umum), U3 (cumlaude) (add a column with the formation code (kode formasi), or the formation kind (jenis formasi))",
                "content/vacancies/cpns-2024/results/skd.csv:3:20: error: column C (JABATAN): row 3: no formation in formations.csv has the position 'PRANATA' and the unit 'DINKES' (formations with that position: U2 (KOMINFO))",
            ])
    }

    @Test func aSixteenDigitNumberCellIsAnErrorThatSaysHowToFixIt() async throws {
        let workbook = try WorkbookFixture(rows: [
            ["NO PESERTA", "NAMA", "KODE FORMASI", "TWK", "TIU", "TKP"],
            [.number("2.41E+16"), "ANI", "U1", 100, 100, 200],
        ]).data()
        let site = try ResultsSite(tables: [], workbooks: [("skd", workbook, nil)])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.xlsx:Sheet1!A2: error: participant number 24100000000000000 is stored as a number, and Excel keeps only 15 digits of a number: the last digits are lost (format the column as Text and type the numbers again)"
            ])
    }

    @Test func aFormulaWithoutASavedValueIsAnErrorAtItsCell() async throws {
        let workbook = try WorkbookFixture(
            WorkbookFixture.Sheet(
                name: "Hasil SKD",
                rows: [
                    ["NO PESERTA", "NAMA", "KODE FORMASI", "TWK", "TIU", "TKP", "TOTAL"],
                    ["2024000000001", "ANI", "U1", 100, 100, 200, .formula("SUM(D2:F2)", cached: "400")],
                    ["2024000000002", "BUDI", "U1", 100, 100, 190, .formula("SUM(D3:F3)", cached: nil)],
                ])
        ).data()
        let site = try ResultsSite(tables: [], workbooks: [("skd", workbook, nil)])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.xlsx:Hasil SKD!G3: error: this cell has a formula whose result was never saved (open the workbook in Excel or LibreOffice, let it calculate, and save it again)"
            ])
    }

    @Test func oldBinaryOpenDocumentAndDamagedFilesSayWhatToDo() async throws {
        let oleHeader = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)
        let encrypted = oleHeader + Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let site = try ResultsSite(tables: [])
        defer { site.cleanUp() }
        try site.writeNotice(results: [
            "{stage: administrasi, file: results/adm.xls, published: 2024-10-01}",
            "{stage: skd, file: results/skd.xlsx, published: 2024-11-01}",
            "{stage: skb, file: results/skb.xlsx, published: 2024-11-02}",
            "{stage: akhir, file: results/akhir.ods, published: 2024-11-03}",
        ])
        try site.site.write("content/vacancies/cpns-2024/results/adm.xls", oleHeader)
        try site.site.write("content/vacancies/cpns-2024/results/skd.xlsx", encrypted)
        try site.site.write("content/vacancies/cpns-2024/results/skb.xlsx", Data("PK\u{3}\u{4}broken".utf8))
        try site.site.write("content/vacancies/cpns-2024/results/akhir.ods", Data("PK\u{3}\u{4}".utf8))
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/adm.xls:1:1: error: this file is an Excel 97–2003 workbook (.xls), which Terbuka does not read (open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as 'CSV UTF-8')",
                "content/vacancies/cpns-2024/results/akhir.ods:1:1: error: this file is an OpenDocument spreadsheet (.ods), which Terbuka does not read (open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as 'CSV UTF-8')",
                "content/vacancies/cpns-2024/results/skb.xlsx:1:1: error: the workbook is damaged and cannot be opened (open it in Excel or LibreOffice and save it again as .xlsx, or save it as 'CSV UTF-8')",
                "content/vacancies/cpns-2024/results/skd.xlsx:1:1: error: the workbook is protected with a password, so it cannot be read (open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, empty) and save it again)",
            ])
    }

    @Test func aMissingSheetListsTheSheetsThereAre() async throws {
        let workbook = try WorkbookFixture(WorkbookFixture.Sheet(name: "SKD", rows: Self.skdRows)).data()
        let site = try ResultsSite(tables: [], workbooks: [("skd", workbook, "Hasil")])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.xlsx:1:1: error: the workbook has no sheet named 'Hasil' (its sheets are: 'SKD')"
            ])
    }

    @Test func aFormationCodeMergedOverItsRowsFillsEachRow() async throws {
        let workbook = try WorkbookFixture(
            rows: [
                ["KODE FORMASI", "NO PESERTA", "NAMA", "TWK", "TIU", "TKP"],
                ["U2", "2024000000001", "ANI", 100, 100, 200],
                ["", "2024000000002", "BUDI", 90, 100, 200],
                ["U1", "2024000000003", "CICI", 90, 100, 200],
            ], merges: ["A2:A3"]
        ).data()
        let site = try ResultsSite(tables: [], workbooks: [("skd", workbook, nil)])
        defer { site.cleanUp() }
        let rows = try await site.published("skd")
        #expect(
            rows.mapValues { $0["formation"] ?? "" } == [
                "2024000000001": "U2", "2024000000002": "U2", "2024000000003": "U1",
            ])
    }

    @Test func aFormationsWorkbookIsReadLikeTheCSV() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.remove("content/vacancies/cpns-2024/formations.csv")
        try site.write(
            "content/vacancies/cpns-2024/formations.xlsx",
            try WorkbookFixture(rows: [
                ["RINCIAN FORMASI CPNS 2024"],
                ["KODE", "JABATAN", "LOKASI", "JENIS FORMASI", "KEBUTUHAN"],
                ["A1", "ANALIS KEBIJAKAN AHLI PERTAMA", "SEKRETARIAT DAERAH", "UMUM", 2],
            ]).data())
        let errors = await site.errors()
        #expect(errors == [])
        let report = await site.build()
        #expect(report.succeeded, "\(report.diagnostics.all.map(\.formatted))")
        #expect(report.site?.content.vacancies.first?.formations.map(\.code) == ["A1"])
        let manifest = try String(contentsOf: site.output.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("content/vacancies/cpns-2024/formations.xlsx"))
    }

    @Test func aFormationsWorkbookChecksItsCellsLikeAResultTable() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.remove("content/vacancies/cpns-2024/formations.csv")
        try site.write(
            "content/vacancies/cpns-2024/formations.xlsx",
            try WorkbookFixture(rows: [
                ["KODE", "JABATAN", "LOKASI", "JENIS FORMASI", "KEBUTUHAN"],
                ["A1", "ANALIS", "SETDA", "UMUM", .formula("1+1", cached: nil)],
                ["A2", .formula("VLOOKUP(X)", cached: nil), "SETDA", "UMUM", 1],
            ]).data())
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/formations.xlsx:Sheet1!E2: error: this cell has a formula whose result was never saved (open the workbook in Excel or LibreOffice, let it calculate, and save it again)",
                "content/vacancies/cpns-2024/formations.xlsx:Sheet1!B3: error: this cell has a formula whose result was never saved (open the workbook in Excel or LibreOffice, let it calculate, and save it again)",
            ])
    }

    @Test func valuesRightOfTheLastNamedColumnOfAWorkbookAreWarnedAbout() async throws {
        let workbook = try WorkbookFixture(rows: [
            ["NO PESERTA", "NAMA", "KODE FORMASI", "TWK", "TIU", "TKP"],
            ["2024000000001", "ANI", "U1", 100, 100, 200, "catatan"],
        ]).data()
        let site = try ResultsSite(tables: [], workbooks: [("skd", workbook, nil)])
        defer { site.cleanUp() }
        let messages = await site.site.messages()
        #expect(
            messages.contains(
                "content/vacancies/cpns-2024/results/skd.xlsx:Sheet1!G1: warning: column G has no name in the header; its values are not read and not published"
            ))
    }

    @Test func weightedPartsOfTheFinalScoreAreReadAsSuchAndChecked() async throws {
        // SKD 440 → 40 % × 80 = 32,000; SKB 80 → 60 % × 80 = 48,000; final 80,000.
        let skd = "participant,name,formation,twk,tiu,tkp\n2024000000001,ANI,U1,100,140,200\n"
        let skb = "participant,name,formation,skb\n2024000000001,ANI,U1,80\n"
        let akhir =
            "NO PESERTA;NAMA;KODE FORMASI;SKD (40%);SKB (60%);NILAI AKHIR\n2024000000001;ANI;U1;32,000;48,1;80,000\n"
        let site = try ResultsSite(tables: [("skd", skd), ("skb", skb), ("akhir", akhir)])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/akhir.csv:2:29: error: column E (SKB (60%)): row 2: weighted SKB part 48,1 supplied, computed 48,000: 60 % × SKB 80,00"
            ])
    }
}

/// A workbook written by a spreadsheet library used in the field, not by our fixture.
@Suite struct ProducedWorkbookTests {
    @Test func aWorkbookFromOpenpyxlWithDateCellsBreaksTheTieByBirthDate() async throws {
        // Equal SKD, SKB and IPK: only the birth dates, read from date cells, can put
        // BUDI (born 1994-12-31) above ANI (born 1995-03-02). Unread, both would rank 1.
        let skd =
            "participant,name,formation,twk,tiu,tkp\n2024000000011,ANI,U2,100,100,200\n2024000000012,BUDI,U2,100,100,200\n2024000000013,CICI,U2,100,100,200\n"
        let site = try ResultsSite(tables: [("skd", skd)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let workbook = site.site.root.appendingPathComponent("content/vacancies/cpns-2024/results/skb.xlsx")
        let made = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", repositoryRoot.appendingPathComponent("Tests/xlsx/make_workbook.py").path, workbook.path])
        #expect(made.status == 0, "\(made.output)")
        try site.writeNotice(results: [
            "{stage: skd, file: results/skd.csv, published: 2024-11-01}",
            "{stage: skb, file: results/skb.xlsx, sheet: Nilai SKB, published: 2024-11-20}",
            "{stage: akhir, published: 2024-12-01}",
        ])
        let ranks = try await site.ranks("akhir")
        #expect(ranks == ["2024000000012": "1", "2024000000011": "2", "2024000000013": ""])
    }
}

/// One cause, one message: what depends on a table that cannot be read is not checked.
@Suite struct NoCascadeTests {
    @Test func aMissingSKDTableIsOneErrorAndTheComputedFinalIsNotReported() async throws {
        let skb = "participant,name,formation,skb\n" + (1...30).map { "20240000000\($0 + 10),P\($0),U2,80\n" }.joined()
        let site = try ResultsSite(tables: [("skb", skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        try site.writeNotice(results: [
            "{stage: skd, file: results/skd.csv, published: 2024-11-01}",
            "{stage: skb, file: results/skb.csv, published: 2024-11-20}",
            "{stage: akhir, published: 2024-12-01}",
        ])
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/index.md:7:24: error: result table 'results/skd.csv' does not exist in content/vacancies/cpns-2024 (did you mean 'results/skb.csv'?)"
            ])
    }

    @Test func aFinalWithoutAFileOrTheTablesToComputeItIsOneError() async throws {
        let skb = "participant,name,formation,skb\n" + (1...10).map { "20240000000\($0 + 10),P\($0),U2,80\n" }.joined()
        let site = try ResultsSite(tables: [("skb", skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("the final results need a 'file', or 'skd' and 'skb' tables") == true)
    }

    @Test func aBrokenSKDTableIsReportedAtItsCauseOnly() async throws {
        let skb = "participant,name,formation,skb\n2024000000011,P1,U2,80\n"
        let skd = "participant,name,formation,twk,tiu,tkp\n2024000000011,P1,U2,\"100,100,200\n"
        let site = try ResultsSite(tables: [("skd", skd), ("skb", skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.csv:2:21: error: stray quote: the quoted field that starts here is never closed (a quote inside a quoted field must be doubled (\"\"))"
            ])
    }

    @Test func aComputedFinalNamesTheRowsOfTheTablesItCameFrom() async throws {
        let skd = "participant,name,formation,twk,tiu,tkp\n2024000000011,P1,U2,100,100,200\n"
        let skb = "participant,name,formation,skb\n2024000000011,P1,U2,80\n2024000000012,P2,U2,80\n"
        let site = try ResultsSite(tables: [("skd", skd), ("skb", skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(errors.allSatisfy { !$0.hasPrefix("content/vacancies/cpns-2024/index.md") })
        #expect(
            errors.contains {
                $0.hasPrefix("content/vacancies/cpns-2024/results/skb.csv:3:1: error: row 3: participant 2024000000012")
            })
    }
}

@Suite struct EmptyTableTests {
    @Test func anSKDTableCutToItsHeaderIsOneErrorAndNothingDependsOnIt() async throws {
        let skb = "participant,name,formation,skb\n" + (1...20).map { "20240000000\($0 + 10),P\($0),U2,80\n" }.joined()
        let site = try ResultsSite(
            tables: [("skd", "participant,name,formation,twk,tiu,tkp\n"), ("skb", skb)], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors == [
                "content/vacancies/cpns-2024/results/skd.csv:2:1: error: the table has a header but no participant rows (a published result lists every participant of the stage; was the file cut short?)"
            ])
    }
}
