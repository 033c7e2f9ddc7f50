import Foundation
import Testing

@testable import TerbukaCore

/// Bad result tables, each with its message and location.
@Suite struct ResultInputTests {
    static let path = "content/vacancies/cpns-2024/results/skd.csv"

    func errors(_ csv: String) async throws -> [String] {
        let site = try ResultsSite(tables: [("skd", csv)])
        defer { site.cleanUp() }
        return await site.errors()
    }

    @Test func invalidUTF8SaysHowToResaveTheFile() async throws {
        let site = try ResultsSite(tables: [("skd", "")])
        defer { site.cleanUp() }
        try site.site.write(
            "content/vacancies/cpns-2024/results/skd.csv",
            Data("participant,name,formation,twk,tiu,tkp\nA,".utf8) + Data([0x4A, 0xF6, 0x72, 0x67])
                + Data(",U1,100,100,180\n".utf8))
        #expect(
            await site.errors() == [
                "\(Self.path):2:3: error: the file is not valid UTF-8 (in Excel choose File › Save As › 'CSV UTF-8 (Comma delimited)'; in LibreOffice tick 'Edit filter settings' and choose 'Unicode (UTF-8)')"
            ])
    }

    @Test func aStrayQuoteIsReportedWhereItStands() async throws {
        #expect(
            try await errors("participant,name,formation,twk,tiu,tkp\nA,\"ANI\"X,U1,100,100,180\n") == [
                "\(Self.path):2:7: error: stray quote: text follows the closing quote of a field (a quote inside a quoted field must be doubled (\"\"))"
            ])
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsReported() async throws {
        #expect(
            try await errors("participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100\n") == [
                "\(Self.path):2:1: error: row 2 has 5 fields but the header has 6 (a field containing the separator 'comma' must be in quotes)"
            ])
    }

    @Test func aParticipantNumberInScientificNotationIsAnError() async throws {
        #expect(
            try await errors("participant;name;formation;twk;tiu;tkp\n2,41E+16;ANI;U1;100;100;180\n") == [
                "\(Self.path):2:1: error: column A (participant): row 2: participant number '2,41E+16' is in scientific notation, so Excel has already rounded it (format the column as Text in the spreadsheet, type the numbers again and export)"
            ])
    }

    @Test func aParticipantNumberInScientificNotationWithASmallEIsAnError() async throws {
        #expect(
            try await errors("participant;name;formation;twk;tiu;tkp\n2,41e+16;ANI;U1;100;100;180\n") == [
                "\(Self.path):2:1: error: column A (participant): row 2: participant number '2,41e+16' is in scientific notation, so Excel has already rounded it (format the column as Text in the spreadsheet, type the numbers again and export)"
            ])
    }

    @Test func leadingZerosOfParticipantNumbersAreKept() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\n0012,ANI,U1,100,100,180\n")
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["0012": "P/L"])
    }

    @Test func aDuplicateParticipantNamesTheFirstRow() async throws {
        #expect(
            try await errors("participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,180\nA,ANI,U1,100,100,180\n")
                == [
                    "\(Self.path):3:1: error: column A (participant): row 3: participant 'A' appears twice (first in row 2)"
                ])
    }

    /// Numbers are looked for twice once the table is read; then it is read again row by
    /// row, so the second row gives only this message, as a reading row by row does.
    @Test func aParticipantNumberListedTwiceIsReportedAloneAtItsSecondRow() async throws {
        #expect(
            try await errors(
                "participant,name,formation,twk,tiu,tkp\n24001,ANI,U1,100,100,180\n24002,BUDI,U1,100,100,180\n"
                    + "24001,ANI,U1,102,100,180\n0024001,CICI,U1,100,100,180\n") == [
                    "\(Self.path):4:1: error: column A (participant): row 4: participant '24001' appears twice (first in row 2)"
                ])
    }

    /// A number of up to 17 ASCII digits is kept as an integer with its length, anything else
    /// as text (ParticipantLines): each is found again as itself and as nothing else, at the
    /// 17-digit boundary, with leading zeros, and in digits beyond ASCII.
    @Test func eachParticipantIsFoundAgainOnlyAsItselfWhateverItsLength() {
        let participants = [
            "12345678901234567", "123456789012345678", "012345678901234567", "0012", "012", "12", "١٢", "A12",
        ]
        var lines = ParticipantLines(capacity: participants.count)
        for (index, participant) in participants.enumerated() {
            #expect(lines.claim(participant, line: index + 2) == nil, "\(participant)")
        }
        for (index, participant) in participants.enumerated() {
            #expect(lines.claim(participant, line: 100) == index + 2, "\(participant)")
        }
        #expect(lines.count == participants.count)
    }

    @Test func aScoreOutOfRangeIsAnError() async throws {
        #expect(
            try await errors("participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,230\n") == [
                "\(Self.path):2:18: error: column F (tkp): row 2: TKP 230 is outside 0–225"
            ])
    }

    @Test func aTWKScoreThatIsNotAMultipleOf5IsAnError() async throws {
        #expect(
            try await errors("participant,name,formation,twk,tiu,tkp\nA,ANI,U1,102,100,180\n") == [
                "\(Self.path):2:10: error: column D (twk): row 2: TWK 102 is not a multiple of 5 (5 points per correct answer)"
            ])
    }

    @Test func anUnknownFormationCodeNamesTheNearest() async throws {
        #expect(
            try await errors("participant,name,formation,twk,tiu,tkp\nA,ANI,U3,100,100,180\n") == [
                "\(Self.path):2:7: error: column C (formation): row 2: unknown formation code 'U3' (did you mean 'U1'?)"
            ])
    }

    @Test func aMissingRequiredColumnListsTheAcceptedNames() async throws {
        #expect(
            try await errors("participant,nama,formation,twk,tiu\nA,ANI,U1,100,100\n") == [
                "\(Self.path):1:1: error: missing required column 'tkp' (accepted names: tkp, nilai_tkp)"
            ])
    }

    @Test func headerNamesMatchWhateverTheCaseSpacesAndSeparators() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "\u{FEFF}NO. PESERTA;Nama;Kode_Formasi;Nilai TWK;nilai tiu;TKP\r\n1;ANI;U1;100;100;180\r\n")
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["1": "P/L"])
    }

    @Test func aScoreWithADecimalCommaIsReadWhenTheSeparatorIsASemicolon() async throws {
        let site = try ResultsSite(tables: [("skb", "participant;name;formation;skb\nA;ANI;U1;85,25\n")])
        defer { site.cleanUp() }
        #expect(try await site.published("skb")["A"]?["skb"] == "85.25")
    }

    @Test func anUnknownScoringKeyIsAnError() async throws {
        let site = try ResultsSite(
            tables: [("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,180\n")],
            extra: "scoring:\n  passing:\n    putra-putri-kalimantan: {total: 300}\n  shortlist_multipler: 2\n")
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/index.md:13:3: error: unknown key 'shortlist_multipler' in scoring (did you mean 'shortlist_multiplier'?)"
            ])
    }

    @Test func aFormationKindWithoutPassingMarksIsAnError() async throws {
        let site = try ResultsSite(
            tables: [("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,180\n")],
            extra: "scoring:\n  shortlist_multiplier: 2\n")
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/formations.csv:8:19: error: column D (kind): formation kind 'PUTRA/PUTRI KALIMANTAN' has no passing marks: define them under scoring.passing.putra-putri-kalimantan in index.md"
            ])
    }

    @Test func skdParticipantsMustBeMSInAdministration() async throws {
        let site = try ResultsSite(tables: [
            (
                "administrasi",
                "participant,name,formation,status,reason\nA,ANI,U1,MS,\nB,BUDI,U1,TMS,Ijazah tidak sesuai\n"
            ),
            (
                "skd",
                "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,180\nB,BUDI,U1,100,100,180\nC,CICI,U1,100,100,180\n"
            ),
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "\(Self.path):3:1: error: row 3: participant B is TMS in the administration table; only MS participants sit the SKD",
                "\(Self.path):4:1: error: row 4: participant C is not in the administration table; only MS participants sit the SKD",
            ])
    }

    @Test func skbParticipantsMustBePLInSKD() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,180\nB,BUDI,U1,100,100,150\n"),
            ("skb", "participant,name,formation,skb\nA,ANI,U1,80\nB,BUDI,U1,90\n"),
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skb.csv:3:1: error: row 3: participant B is TL in the SKD table; only P/L participants sit the SKB"
            ])
    }
}

/// Personal data: what must never be published.
@Suite struct PrivacyTests {
    @Test func aNIKColumnIsAnErrorNotPublished() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,NIK,twk,tiu,tkp\nA,ANI,U1,5301012345678901,100,100,180\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:1:28: error: column D: column 'NIK' is personal data (NIK) and must not be published; remove it from the table"
            ])
    }

    @Test func sixteenDigitValuesUnderAnotherNameAreAnError() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,nomor identitas,twk,tiu,tkp\nA,ANI,U1,5301012345678901,100,100,180\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:2:10: error: column D: column 'nomor identitas' holds a NIK (16 digits), which is personal data; remove the column"
            ])
    }

    @Test func phonesAndEmailsInPublishedColumnsAreErrors() async throws {
        let site = try ResultsSite(tables: [
            (
                "administrasi",
                """
                participant,name,formation,status,reason
                A,ANI 081234567890,U1,MS,
                B,BUDI,U1,TMS,hubungi budi@contoh.id
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/administrasi.csv:2:3: error: column B (name): row 2: the name holds a phone number, which is personal data",
                "content/vacancies/cpns-2024/results/administrasi.csv:3:15: error: column E (reason): row 3: the reason holds an e-mail address, which is personal data",
            ])
    }

    @Test func ipkAndBirthDateReachNoOutputFile() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "skd",
                    "participant,name,formation,twk,tiu,tkp,ipk,tanggal_lahir\nA,ANI,U1,100,100,180,\"3,61\",1987-03-14\nB,BUDI,U1,100,100,180,\"3,47\",14-03-1988\n"
                ),
                (
                    "skb",
                    "participant,name,formation,skb,ipk,birth_date\nA,ANI,U1,80,\"3,61\",1987-03-14\nB,BUDI,U1,80,\"3,47\",14-03-1988\n"
                ),
            ], akhirWithoutFile: true)
        defer { site.cleanUp() }
        // The tie on every score is broken by IPK: A passes.
        #expect(try await site.statuses("akhir") == ["A": "L", "B": "TL"])
        for path in SiteFiles.list(site.site.output) {
            let data = try Data(contentsOf: site.site.output.appendingPathComponent(path))
            let text = String(decoding: data, as: UTF8.self)
            for secret in [
                "3,61", "3.61", "3,47", "3.47", "1987", "1988", "ipk", "tanggal_lahir", "birth_date", "birthDay",
            ] {
                #expect(!text.contains(secret), "\(path) contains \(secret)")
            }
        }
    }
}

/// Checks added after review: each closes a way for a wrong table to publish quietly.
@Suite struct ReviewedChecksTests {
    @Test func aFinalTableMissingSomeoneWhoSatTheSKBIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U2,100,100,180\nB,BUDI,U2,100,100,170\n"),
            ("skb", "participant,name,formation,skb\nA,ANI,U2,80\nB,BUDI,U2,95\n"),
            ("akhir", "participant,name,formation\nA,ANI,U2\n"),
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:1:1: error: participant B (BUDI) sat the SKB but is not in the final table"
            ])
    }

    @Test func aFormationThatDiffersBetweenStagesIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U2,100,100,180\n"),
            ("skb", "participant,name,formation,skb\nA,ANI,U1,80\n"),
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skb.csv:2:1: error: row 2: formation U1 differs from U2 in the SKD table"
            ])
    }

    @Test func anEmptyFormationCodeInTheFirstRowIsAnError() async throws {
        let site = try ResultsSite(tables: [("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,,100,100,180\n")])
        defer { site.cleanUp() }
        #expect(
            await site.errors().first?.hasPrefix(
                "content/vacancies/cpns-2024/results/skd.csv:2:7: error: column C (formation): row 2: unknown formation code ''"
            ) == true)
    }

    @Test func aBirthDateInAPublishedReasonIsAnError() async throws {
        let site = try ResultsSite(tables: [
            (
                "administrasi",
                "participant,name,formation,status,reason\nA,ANI,U2,TMS,\"Usia melebihi batas, lahir 05-01-1988\"\n"
            )
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/administrasi.csv:2:14: error: column E (reason): row 2: the reason holds a date that looks like a birth date, which is personal data"
            ])
    }

    @Test func aTwoDigitBirthYearIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp,tanggal_lahir\nA,ANI,U2,100,100,180,05-01-88\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:2:22: error: column G (tanggal_lahir): row 2: birth date '05-01-88' is not a date with a four-digit year (write YYYY-MM-DD or DD-MM-YYYY)"
            ])
    }

    @Test func overridingOnePassingMarkKeepsTheOthers() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "skd",
                    "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,0,0,225\nB,BUDI,U1,65,80,170\nC,CICI,U1,65,80,169\n"
                )
            ],
            extra: "scoring:\n  passing:\n    umum: {tkp: 170}\n    putra-putri-kalimantan: {total: 300}\n")
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["A": "TL", "B": "P/L", "C": "TL"])
    }

    @Test func aPlusInsideANegativeLookingCellIsStillDefused() {
        #expect(CSVText.cell("-1+5") == "'-1+5")
        #expect(CSVText.cell("+5") == "+5")
    }
}
