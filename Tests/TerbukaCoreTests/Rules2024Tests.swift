import Foundation
import Testing

@testable import TerbukaCore

/// PPPK 2024 priority groups (KepmenPANRB 347/2024; PermenPANRB 6/2024 art. 47(3)), on
/// hand-worked tables. U2 has 2 seats, U1 one.
@Suite struct PriorityGroupTests {
    static func site(_ csv: String, extra: String = "") throws -> ResultsSite {
        try ResultsSite(kind: "pppk", tables: [("kompetensi", csv)], extra: extra)
    }

    @Test func aGroupMemberWithALowerTotalIsPlacedAboveANonMember() async throws {
        // B (R2, 500) and C (R3, 560) are above A (no group, 620); D (R2, 540) above B.
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori
            A,ANI,U2,420,160,40,
            B,BUDI,U2,320,150,30,eks THK-II
            C,CICI,U2,380,150,30,R3
            D,DEDI,U2,360,150,30,R2
            """)
        defer { site.cleanUp() }
        let rows = try await site.published("kompetensi")
        #expect(rows.mapValues { $0["rank"]! } == ["D": "1", "B": "2", "C": "3", "A": "4"])
        #expect(rows.mapValues { $0["status"]! } == ["D": "R2/L", "B": "R2/L", "C": "R3", "A": "TL"])
        #expect(rows.mapValues { $0["group"]! } == ["D": "R2", "B": "R2", "C": "R3", "A": ""])
    }

    @Test func tiesAreBrokenByTeknisThenManajerialThenWawancaraThenAge() async throws {
        // Every total is 580 and every row is in R3. A/B differ in teknis; C/D tie on
        // teknis and differ in manajerial; E/F tie on teknis and manajerial and differ in
        // wawancara; G/H tie on every score and G is older.
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kelompok,tanggal_lahir
            A,ANI,U1,410,140,30,R3,1990-01-01
            B,BUDI,U1,400,150,30,R3,1990-01-01
            C,CICI,U1,390,160,30,R3,1990-01-01
            D,DEDI,U1,390,155,35,R3,1990-01-01
            E,EKO,U1,380,165,35,R3,1990-01-01
            F,FANI,U1,380,165,35,R3,1990-01-02
            G,GITA,U1,370,175,35,R3,1985-05-05
            H,HADI,U1,370,175,35,R3,1988-08-08
            """)
        defer { site.cleanUp() }
        let ranks = try await site.ranks("kompetensi")
        #expect(ranks == ["A": "1", "B": "2", "C": "3", "D": "4", "E": "5", "F": "6", "G": "7", "H": "8"])
        #expect(try await site.statuses("kompetensi")["A"] == "R3/L")
    }

    @Test func theOlderApplicantTakesTheLastSeat() async throws {
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,prioritas,tanggal_lahir
            A,ANI,U1,400,150,30,R2,1991-03-04
            B,BUDI,U1,400,150,30,R2,04-03-1989
            """)
        defer { site.cleanUp() }
        #expect(try await site.statuses("kompetensi") == ["B": "R2/L", "A": "R2"])
    }

    @Test func aFullTieAtTheLastSeatWithEqualBirthDatesStopsTheBuild() async throws {
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori,tanggal_lahir
            A,ANI,U1,400,150,30,R2,1990-01-01
            B,BUDI,U1,400,150,30,R2,1990-01-01
            """)
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/kompetensi.csv:1:1: error: formation U1 (1 seat): A (ANI), B (BUDI) tie on every ranking key (minimums met, priority group, total, teknis, manajerial, wawancara, the older applicant) across the last seat; the rules cannot decide who passes"
            ])
    }

    @Test func aMissingBirthDateWhenAgeMustDecideNamesTheTiedParticipants() async throws {
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori,tanggal_lahir
            A,ANI,U1,400,150,30,R2,1990-01-01
            B,BUDI,U1,400,150,30,R2,
            C,CICI,U1,300,150,30,R2,
            """)
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/kompetensi.csv:3:1: error: formation U1 (1 seat): A (ANI), B (BUDI) tie on every score across the last seat, so the older applicant passes, but B (BUDI) has no birth date (give each tied participant a value in a column 'birth_date' (tanggal_lahir); it decides the tie and is never published)"
            ])
    }

    @Test func aSuppliedStatusWithoutTheGroupIsCheckedLikeAnyOther() async throws {
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori,status
            A,ANI,U1,400,150,30,R2,L
            B,BUDI,U1,300,150,30,,TL
            """)
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/kompetensi.csv:2:24: error: column H (status): row 2: status L supplied, computed R2/L: rank 1 is within the 1 seat of formation U1 and the participant is in priority group R2 (eks THK-II)"
            ])
    }

    @Test func aTMSRowWithoutScoresIsPublishedUnranked() async throws {
        // PPPK 2024 result tables list TMS among their statuses (DOMAIN.md).
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori,keterangan
            A,ANI,U1,400,150,30,R2,
            B,BUDI,U1,,,,R3,TMS
            """)
        defer { site.cleanUp() }
        let rows = try await site.published("kompetensi")
        #expect(rows.mapValues { $0["status"]! } == ["A": "R2/L", "B": "TMS"])
        #expect(rows["B"]?["rank"] == "")
    }

    @Test func anUnknownGroupIsAnErrorListingTheKnownOnes() async throws {
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori
            A,ANI,U1,400,150,30,R7
            """)
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/kompetensi.csv:2:21: error: column G (kategori): row 2: priority group 'R7' is unknown; the groups are R1 (prioritas), R2 (eks THK-II), R3 (non-ASN terdata), R4 (non-ASN tidak terdata)"
            ])
    }

    @Test func scoringCanReorderOrEmptyTheGroups() async throws {
        let csv = """
            participant,name,formation,teknis,manajerial,wawancara,kategori
            A,ANI,U1,300,150,30,R2
            B,BUDI,U1,400,150,30,R3
            """
        let reordered = try Self.site(csv, extra: "scoring:\n  priority_groups: [R3, R2]")
        defer { reordered.cleanUp() }
        #expect(try await reordered.statuses("kompetensi") == ["B": "R3/L", "A": "R2"])
        let none = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara
            A,ANI,U1,300,150,30
            B,BUDI,U1,400,150,30
            """, extra: "scoring:\n  priority_groups: []")
        defer { none.cleanUp() }
        #expect(try await none.statuses("kompetensi") == ["B": "L", "A": "TL"])
        let unknown = try Self.site(csv, extra: "scoring:\n  priority_groups: [R2, honorer]")
        defer { unknown.cleanUp() }
        #expect(
            await unknown.errors() == [
                "content/vacancies/cpns-2024/index.md:11:25: error: unknown priority group 'honorer' (known groups: R1 (prioritas), R2 (eks THK-II), R3 (non-ASN terdata), R4 (non-ASN tidak terdata))"
            ])
    }

    @Test func theLegendExplainsEachGroupStatus() async throws {
        let site = try Self.site(
            """
            participant,name,formation,teknis,manajerial,wawancara,kategori
            A,ANI,U1,400,150,30,R2
            B,BUDI,U1,300,150,30,R2
            """)
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let html = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/kompetensi/index.html"),
            encoding: .utf8)
        #expect(
            html.contains(
                "Lulus, dari kelompok prioritas R2 (eks tenaga honorer kategori II (THK-II) yang terdata di database BKN)"
            ))
        #expect(html.contains("Belum mendapat formasi; anggota kelompok prioritas R2"))
        #expect(html.contains("R4: non-ASN yang aktif bekerja dan belum terdata di database BKN"))
    }
}

/// An SKB made of several tests with weights the notice declares (PermenPANRB 6/2024 art. 22).
@Suite struct SKBPartsTests {
    static let scoring = """
        scoring:
          passing:
            putra-putri-kalimantan: {total: 300, tiu: 70}
          skb:
            - {id: cat, weight: 50, label: CAT BKN}
            - {id: wawancara, weight: 35}
            - {id: praktik, weight: 15}
        """
    static let skd = "participant,name,formation,twk,tiu,tkp\nA,ANI,U2,100,120,180\nB,BUDI,U2,90,100,170\n"

    @Test func theSKBScoreIsTheExactWeightedSumOfItsParts() async throws {
        let site = try ResultsSite(
            tables: [
                ("skd", Self.skd),
                (
                    "skb",
                    "participant,name,formation,cat,wawancara,praktik\nA,ANI,U2,80,75.5,90\nB,BUDI,U2,72.35,70.15,90.05\n"
                ),
            ], akhirWithoutFile: true, extra: Self.scoring)
        defer { site.cleanUp() }
        let skb = try await site.published("skb")
        // A: 0.5 × 80 + 0.35 × 75.5 + 0.15 × 90 = 40 + 26.425 + 13.5 = 79.925
        // B: 0.5 × 72.35 + 0.35 × 70.15 + 0.15 × 90.05 = 36.175 + 24.5525 + 13.5075 = 74.235
        #expect(skb["A"]?["skb"] == "79.925")
        #expect(skb["B"]?["skb"] == "74.235")
        #expect(skb["B"]?["cat"] == "72.35")
        #expect(skb["A"]?["wawancara"] == "75.50")
        // The final score takes the exact SKB: B 0.4 × 360 / 550 × 100 + 0.6 × 74.235 = 26.1818… + 44.541 = 70.723
        let final = try await site.published("akhir")
        #expect(final["B"]?["skb"] == "74.235")
        #expect(final["B"]?["final"] == "70.723")
    }

    @Test func aWeightedSumWithTwoDecimalsIsPublishedWithTwo() async throws {
        let site = try ResultsSite(
            tables: [
                ("skd", Self.skd),
                ("skb", "participant,name,formation,cat,wawancara,praktik\nA,ANI,U2,80,76,90\nB,BUDI,U2,70,70,70\n"),
            ], extra: Self.scoring)
        defer { site.cleanUp() }
        // A: 40 + 26.6 + 13.5 = 80.10
        #expect(try await site.published("skb")["A"]?["skb"] == "80.10")
    }

    @Test func aTypedSKBScoreIsCheckedAgainstItsParts() async throws {
        let site = try ResultsSite(
            tables: [
                ("skd", Self.skd),
                (
                    "skb",
                    "participant,name,formation,cat,wawancara,praktik,nilai_skb\nA,ANI,U2,80,75.5,90,79.93\nB,BUDI,U2,72.35,70.15,90.05,74.5\n"
                ),
            ], extra: Self.scoring)
        defer { site.cleanUp() }
        // 79.93 is 79.925 rounded half up: accepted. 74.5 is not 74.235.
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skb.csv:3:29: error: column G (nilai_skb): row 3: SKB 74,5 supplied, computed 74,235: 50 % × CAT BKN 72,35 + 35 % × Wawancara 70,15 + 15 % × Praktik 90,05"
            ])
    }

    @Test func anExactSumWithFourDecimalsTypedBackIsAccepted() async throws {
        // 55 % × 72,35 + 30 % × 80 + 15 % × 75 = 39,7925 + 24 + 11,25 = 75,0425
        let site = try ResultsSite(
            tables: [
                ("skd", Self.skd),
                (
                    "skb",
                    "participant;name;formation;cat;wawancara;praktik;nilai_skb\nA;ANI;U2;72,35;80;75;75,0425\nB;BUDI;U2;70;70;70;70\n"
                ),
            ], akhirWithoutFile: true,
            extra:
                "scoring:\n  passing:\n    putra-putri-kalimantan: {total: 300, tiu: 70}\n  skb: [{id: cat, weight: 55}, {id: wawancara, weight: 30}, {id: praktik, weight: 15}]"
        )
        defer { site.cleanUp() }
        #expect(try await site.published("skb")["A"]?["skb"] == "75.0425")
        #expect(try await site.published("akhir")["A"]?["skb"] == "75.0425")
    }

    @Test func weightsThatDoNotAddUpTo100AreAnErrorAtTheNotice() async throws {
        let site = try ResultsSite(
            tables: [("skd", Self.skd)],
            extra:
                "scoring:\n  passing:\n    putra-putri-kalimantan: {total: 300, tiu: 70}\n  skb: [{id: cat, weight: 60}, {id: wawancara, weight: 30}]"
        )
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/index.md:13:8: error: the SKB part weights add up to 90, not 100: cat 60 + wawancara 30"
            ])
    }

    @Test func aPartNamedAfterAColumnTheTableHasIsAnErrorAtTheNotice() async throws {
        let site = try ResultsSite(
            tables: [("skd", Self.skd), ("skb", "participant,name,formation,ipk,wawancara\nA,ANI,U2,70,80\n")],
            extra:
                "scoring:\n  passing:\n    putra-putri-kalimantan: {total: 300, tiu: 70}\n  skb: [{id: ipk, weight: 50}, {id: wawancara, weight: 50}]"
        )
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(
            errors.first
                == "content/vacancies/cpns-2024/index.md:17:14: error: SKB part id 'ipk' must be a slug other than a column the table already has"
        )
        #expect(errors.count == 1)
    }

    @Test func aMissingPartOrAPartOutOfRangeIsAnErrorAtItsCell() async throws {
        let missing = try ResultsSite(
            tables: [("skd", Self.skd), ("skb", "participant,name,formation,cat,wawancara\nA,ANI,U2,80,75\n")],
            extra: Self.scoring)
        defer { missing.cleanUp() }
        #expect(
            (await missing.errors()).first?.hasPrefix(
                "content/vacancies/cpns-2024/results/skb.csv:1:1: error: missing required column 'praktik'") == true)
        let outOfRange = try ResultsSite(
            tables: [
                ("skd", Self.skd),
                ("skb", "participant,name,formation,cat,wawancara,praktik\nA,ANI,U2,80,105,90\nB,BUDI,U2,70,70,70\n"),
            ], extra: Self.scoring)
        defer { outOfRange.cleanUp() }
        #expect(
            await outOfRange.errors() == [
                "content/vacancies/cpns-2024/results/skb.csv:2:13: error: column E (wawancara): row 2: SKB part Wawancara '105' is not a score from 0 to 100 with at most two decimals"
            ])
    }
}

/// SKD scores of 2023 reused in 2024 (KepmenPANRB 344/2024) are marked where they stand.
@Suite struct SKDSourceTests {
    @Test func aCarriedOverScoreShowsItsYearBesideTheTotal() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                "participant,name,formation,twk,tiu,tkp,sumber_skd\nA,ANI,U2,100,120,180,SKD 2023\nB,BUDI,U2,90,100,170,\n"
            )
        ])
        defer { site.cleanUp() }
        let rows = try await site.published("skd")
        #expect(rows["A"]?["skd_source"] == "2023")
        #expect(rows["B"]?["skd_source"] == "")
        let html = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/skd/index.html"),
            encoding: .utf8)
        #expect(html.contains("KepmenPANRB 344/2024"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">Sumber SKD</th>"))
    }

    @Test func aSourceThatIsNotAYearIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp,sumber_skd\nA,ANI,U2,100,120,180,tahun lalu\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:2:22: error: column G (sumber_skd): row 2: SKD source 'tahun lalu' is not the year of an earlier SKD score (write the year the score was obtained, e.g. 2023)"
            ])
    }
}

/// National optimisation (PermenPANRB 6/2024 art. 47(4)–(6)): placements fill the seats of
/// the formation they were placed in.
@Suite struct OptimisationTests {
    static let header = "participant,name,formation,skd,skb,status,from_formation,to_formation"

    @Test func movesAreListedAndCountedInTheSeatsOfTheFormationPlacedIn() async throws {
        // U1 (1 seat): D passes, C is second and BKN moves C to U2, which has 2 seats and one
        // applicant. C1 (1 seat) had no applicant; F comes from another agency.
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                \(Self.header)
                D,DEDI,U1,450,90,,,
                C,CICI,U1,400,85,P/L-E1,,U2
                A,ANI,U2,380,80,,,
                F,FANI,C1,390,82,L-2,Pemkab Sleman formasi Analis,
                """
            )
        ])
        defer { site.cleanUp() }
        let rows = try await site.published("akhir")
        #expect(rows.mapValues { $0["status"]! } == ["D": "L", "C": "P/L-E1", "A": "L", "F": "L-2"])
        #expect(rows["C"]?["to_formation"] == "U2")
        #expect(rows["F"]?["from_formation"] == "Pemkab Sleman formasi Analis")
        let html = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/hasil/akhir/index.html"),
            encoding: .utf8)
        #expect(html.contains("<li>CICI (C), P/L-E1, ke formasi U2</li>"))
        #expect(html.contains("<li>CICI (C), P/L-E1, dari formasi U1</li>"))
        #expect(html.contains("<li>FANI (F), L-2, dari Pemkab Sleman formasi Analis</li>"))
        let index = try #require(await site.site.check().site)
        let filled = try #require(index.results["cpns-2024"]?.table(.akhir)?.seatFilling?.filled)
        #expect(filled == ["U1": 1, "U2": 2, "C1": 1])
    }

    @Test func aPlacementIsNotRankedAndTakesNoSeatFromTheFormationsApplicants() async throws {
        // U2 (2 seats): A applied; F, with a higher score, was placed there from another agency.
        let site = try ResultsSite(tables: [
            ("akhir", "\(Self.header)\nA,ANI,U2,380,70,,,\nF,FANI,U2,450,95,L-2,Pemkab Sleman formasi Pranata,\n")
        ])
        defer { site.cleanUp() }
        let rows = try await site.published("akhir")
        #expect(rows.mapValues { $0["rank"]! } == ["A": "1", "F": ""])
        #expect(rows.mapValues { $0["status"]! } == ["A": "L", "F": "L-2"])
    }

    @Test func aMoveToTheListedFormationIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("akhir", "\(Self.header)\nA,ANI,U2,380,70,,,\nF,FANI,U2,450,95,L-2,,U2\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:3:23: error: column H (to_formation): 'U2' is the formation the row is listed under; name where the participant came from or went"
            ])
    }

    @Test func moreParticipantsPlacedThanSeatsIsAnError() async throws {
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                \(Self.header)
                D,DEDI,U1,450,90,,,
                C,CICI,U2,400,85,P/L-U1,,U1
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:1:1: error: formation U1 (1 seat) has 2 participants placed: D (DEDI); C (CICI), moved in from U2; a formation cannot place more than its seats"
            ])
    }

    @Test func aToFormationThatDoesNotExistIsAnErrorWithTheNearestCode() async throws {
        let site = try ResultsSite(tables: [
            ("akhir", "\(Self.header)\nD,DEDI,U1,450,90,,,\nC,CICI,U1,400,85,P/L-E1,,U3\n")
        ])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix(
                "content/vacancies/cpns-2024/results/akhir.csv:3:26: error: column H (to_formation): unknown formation code 'U3'"
            ) == true)
        #expect(errors.first?.contains("U1") == true)
    }

    @Test func aMoveOnARowNotPlacedByOptimisationIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("akhir", "\(Self.header)\nD,DEDI,U1,450,90,,,U2\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:2:20: error: column H (to_formation): row 2: from_formation and to_formation are for participants placed by optimisation; the status is L, not an optimisation code"
            ])
    }
}

/// Formations the final stage leaves with empty seats (formasi kosong), each with its reason.
@Suite struct UnfilledFormationTests {
    @Test func eachReasonForAnUnfilledFormationIsGiven() async throws {
        // U1 (1 seat): its only passer withdrew. U2 (2 seats): one applicant. D1 (1 seat): its
        // only participant was absent. The other five formations had no applicant.
        let site = try ResultsSite(tables: [
            ("akhir", "participant,name,formation,skd,skb,status\nA,ANI,U1,,,APS\nB,BUDI,U2,400,80,\nD,DEDI,D1,,,TH\n")
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let csv = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/formasi-kosong.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "code,position,unit,kind,quota,filled,unfilled,applicants,withdrew,absent,reason")
        #expect(lines[1] == "U1,ANALIS,SETDA,umum,1,0,1,1,1,0,withdrew_after_passing")
        #expect(lines[2] == "U2,PRANATA,KOMINFO,umum,2,1,1,1,0,0,below_passing_marks")
        #expect(lines[3] == "C1,DOKTER,RSUD,cumlaude,1,0,1,0,0,0,no_applicant")
        #expect(lines[4] == "D1,ARSIPARIS,ARSIP,disabilitas,1,0,1,1,0,1,absent")
        #expect(lines.count == 2 + 8) // header, eight formations, the empty string after the last CRLF
        let page = try String(
            contentsOf: site.site.output.appendingPathComponent("lowongan/cpns-2024/index.html"), encoding: .utf8)
        #expect(page.contains("<td>Peserta yang lulus mengundurkan diri (APS: 1)</td>"))
        #expect(page.contains("<td>Tidak ada pelamar</td>"))
        #expect(page.contains("data/cpns-2024/formasi-kosong.csv"))
    }

    @Test func seatsFilledByOptimisationLeaveNoFormationUnfilled() async throws {
        var formations = ResultsSite.formations.components(separatedBy: "\n").prefix(3).joined(separator: "\n")
        formations += "\n"
        let site = try ResultsSite(
            tables: [
                (
                    "akhir",
                    "participant,name,formation,skd,skb,status,to_formation\nA,ANI,U1,450,90,,\nB,BUDI,U1,400,80,P/L-U1,U2\nC,CICI,U2,300,70,,\n"
                )
            ], formations: formations)
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let csv = try String(
            contentsOf: site.site.output.appendingPathComponent("data/cpns-2024/formasi-kosong.csv"), encoding: .utf8)
        #expect(csv == "code,position,unit,kind,quota,filled,unfilled,applicants,withdrew,absent,reason\r\n")
    }
}

/// PPPK tables as BKN writes them: MANAJERIAL and SOSIAL KULTURAL apart (max 100 and 80),
/// summed into the preset's component "manajerial dan sosial kultural" (max 180).
@Suite struct ManagerialAndSocioculturalTests {
    @Test func twoColumnsAreReadAsWrittenAndSummed() async throws {
        let site = try ResultsSite(
            kind: "pppk",
            tables: [
                (
                    "kompetensi",
                    "NO PESERTA,NAMA,KODE FORMASI,TEKNIS,MANAJERIAL,SOSIAL KULTURAL,WAWANCARA\nA,ANI,U2,400,90,70,30\nB,BUDI,U2,380,100,80,40\n"
                )
            ])
        defer { site.cleanUp() }
        let rows = try await site.published("kompetensi")
        #expect(rows["A"]?["manajerial"] == "160")
        #expect(rows["A"]?["total"] == "590")
        #expect(rows["B"]?["total"] == "600")
        #expect(await site.site.check().diagnostics.all.filter { $0.english.contains("not used") }.isEmpty)
    }

    @Test func theCombinedHeaderIsAccepted() async throws {
        let site = try ResultsSite(
            kind: "pppk",
            tables: [
                (
                    "kompetensi",
                    "NO PESERTA,NAMA,KODE FORMASI,TEKNIS,MANAJERIAL DAN SOSIAL KULTURAL,WAWANCARA\nA,ANI,U2,400,160,30\n"
                )
            ])
        defer { site.cleanUp() }
        #expect(try await site.published("kompetensi")["A"]?["total"] == "590")
    }

    @Test func eachPartIsHeldToItsOwnMaximum() async throws {
        let site = try ResultsSite(
            kind: "pppk",
            tables: [
                (
                    "kompetensi",
                    "participant,name,formation,teknis,manajerial,sosial_kultural,wawancara\nA,ANI,U2,400,110,70,30\n"
                )
            ])
        defer { site.cleanUp() }
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("row 2: Manajerial 110 is outside 0–100") == true)
    }
}
