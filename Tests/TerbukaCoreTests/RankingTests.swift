import Foundation
import Testing

@testable import TerbukaCore

/// SKD passing marks and shortlist (DOMAIN.md), on small hand-worked tables.
@Suite struct SKDRankingTests {
    @Test func generalFormationsCheckEachSubtestOnItsOwn() async throws {
        // U1 has 1 seat: shortlist 3. A sits exactly on every mark; B and C have higher totals but miss one mark.
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp
                A,ANI,U1,65,80,166
                B,BUDI,U1,60,150,225
                C,CICI,U1,150,75,200
                D,DEDI,U1,100,100,165
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["A": "P/L", "B": "TL", "C": "TL", "D": "TL"])
        // Those who passed rank first, then the others by total.
        #expect(try await site.ranks("skd") == ["A": "1", "B": "2", "C": "3", "D": "4"])
    }

    @Test func cumlaudeAndDiasporaNeedTotal311AndTIU85() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp
                A,ANI,C1,100,85,126
                B,BUDI,C1,100,85,125
                C,CICI,C1,150,80,225
                D,DEDI,S1,100,85,126
                E,EKA,S1,150,80,225
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["A": "P/L", "B": "TL", "C": "TL", "D": "P/L", "E": "TL"])
    }

    @Test func disabilityPapuaAndDisadvantagedRegionsNeedTotal286AndTIU60() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp
                D-PASS,ANI,D1,30,60,196
                D-FAIL,BUDI,D1,30,60,195
                P-PASS,CICI,P1,40,60,186
                P-TIU,DEDI,P1,150,55,225
                T-PASS,EKA,T1,100,100,86
                T-FAIL,FAJAR,T1,100,100,85
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(
            try await site.statuses("skd") == [
                "D-PASS": "P/L", "D-FAIL": "TL", "P-PASS": "P/L", "P-TIU": "TL", "T-PASS": "P/L", "T-FAIL": "TL",
            ])
    }

    @Test func aSpecialKindUsesThePassingMarksTheVacancyDefines() async throws {
        // K1 is PUTRA/PUTRI KALIMANTAN; the vacancy sets total ≥ 300 and TIU ≥ 70 for it.
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp
                A,ANI,K1,100,70,130
                B,BUDI,K1,100,65,200
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["A": "P/L", "B": "TL"])
    }

    @Test func everyoneTiedAtTheShortlistCutOffGoesOn() async throws {
        // 1 seat: shortlist 3. C and D tie on every key at rank 3, so both are P/L; E is P.
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp
                A,ANI,U1,100,120,200
                B,BUDI,U1,100,120,190
                C,CICI,U1,100,100,180
                D,DEDI,U1,100,100,180
                E,EKA,U1,100,95,180
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.ranks("skd") == ["A": "1", "B": "2", "C": "3", "D": "3", "E": "5"])
        #expect(try await site.statuses("skd") == ["A": "P/L", "B": "P/L", "C": "P/L", "D": "P/L", "E": "P"])
    }

    @Test func equalTotalsAreBrokenByTKPThenTIUThenTWK() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp
                TWK,ANI,U2,110,110,180
                TKP,BUDI,U2,100,100,200
                TIU,CICI,U2,90,120,190
                TIU2,DEDI,U2,100,110,190
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.ranks("skd") == ["TKP": "1", "TIU": "2", "TIU2": "3", "TWK": "4"])
    }

    @Test func absentDisqualifiedAndWithdrawnKeepTheirCodeAndHaveNoRank() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp,status
                A,ANI,U1,100,100,180,
                B,BUDI,U1,,,,TH
                C,CICI,U1,,,,DIS
                D,DEDI,U1,,,,aps
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("skd") == ["A": "P/L", "B": "TH", "C": "DIS", "D": "APS"])
        #expect(try await site.ranks("skd") == ["A": "1", "B": "", "C": "", "D": ""])
    }

    @Test func aSuppliedStatusThatDiffersNamesTheRowBothValuesAndTheRule() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp,status
                A,ANI,U1,100,100,150,P/L
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:2:22: error: column G (status): row 2: status P/L supplied, computed TL: TKP 150 is below the passing mark 166 for formation kind umum"
            ])
    }

    @Test func suppliedTotalsAndRanksAreChecked() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                """
                participant,name,formation,twk,tiu,tkp,total,rank
                A,ANI,U1,100,100,180,380,2
                B,BUDI,U1,100,100,190,395,1
                """
            )
        ])
        defer { site.cleanUp() }
        // A's supplied rank 2 is right; B's total is not.
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/skd.csv:3:23: error: column G (total): row 3: total 395 supplied, computed 390: TWK 100 + TIU 100 + TKP 190"
            ])
    }
}

/// The final integration (40 % SKD, 60 % SKB), exact.
@Suite struct FinalRankingTests {
    @Test func aNearTieThatFloatingPointWouldMisorderIsRankedExactly() async throws {
        // A: 0.4 × 300/550 × 100 + 0.6 × 50 and B: 0.4 × 267/550 × 100 + 0.6 × 54 are both
        // exactly 51.818181…; in doubles B comes out 51.81818181818182 and A 51.81818181818181.
        // Exactly equal, so the SKD total decides: A passes the one seat.
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                participant,name,formation,skd,skb
                A,ANI,U1,300,50
                B,BUDI,U1,267,54
                """
            )
        ])
        defer { site.cleanUp() }
        let rows = try await site.published("akhir")
        #expect(rows["A"]?["final"] == "51.818")
        #expect(rows["B"]?["final"] == "51.818")
        #expect(rows["A"]?["status"] == "L")
        #expect(rows["B"]?["status"] == "TL")
    }

    @Test func theFinalScoreIsComputedFromTheSKDAndSKBTables() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "skd",
                    "participant,name,formation,twk,tiu,tkp\nA,ANI,U2,100,120,180\nB,BUDI,U2,90,100,170\nC,CICI,U2,80,100,170\n"
                ),
                ("skb", "participant;name;formation;skb\nA;ANI;U2;70,5\nB;BUDI;U2;90\nC;CICI;U2;88,25\n"),
            ], akhirWithoutFile: true)
        defer { site.cleanUp() }
        let rows = try await site.published("akhir")
        // A: 0.4 × 400/550 × 100 + 0.6 × 70.5 = 29.0909… + 42.3 = 71.391
        #expect(rows["A"]?["final"] == "71.391")
        // B: 0.4 × 360/550 × 100 + 54 = 80.182; C: 0.4 × 350/550 × 100 + 52.95 = 78.405
        #expect(rows["B"]?["final"] == "80.182")
        #expect(rows["C"]?["final"] == "78.405")
        #expect(rows.mapValues { $0["status"]! } == ["B": "L", "C": "L", "A": "TL"])
    }

    @Test func aFullTieAcrossTheLastSeatIsAnErrorNamingTheParticipants() async throws {
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                participant,name,formation,skd,skb,ipk,tanggal_lahir
                A,ANI,U1,400,80,"3,50",1990-02-03
                B,BUDI,U1,400,80,"3,50",1990-02-03
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:1:1: error: formation U1 (1 seat): A (ANI), B (BUDI) tie on every ranking key (final, SKD total, TKP, TIU, TWK, IPK, the older applicant) across the last seat; the rules cannot decide who passes"
            ])
    }

    /// When age must decide, every tied participant needs a birth date (PermenPANRB 6/2024 art. 45(4)).
    @Test func aTieOnEveryScoreWithoutBirthDatesIsAnErrorNamingWhoLacksOne() async throws {
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                participant,name,formation,skd,skb,ipk,tanggal_lahir
                A,ANI,U1,400,80,"3,50",
                B,BUDI,U1,400,80,"3,50",1990-02-03
                C,CICI,U1,300,80,"3,50",
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:2:1: error: formation U1 (1 seat): B (BUDI), A (ANI) tie on every score across the last seat, so the older applicant passes, but A (ANI) has no birth date (give each tied participant a value in a column 'birth_date' (tanggal_lahir); it decides the tie and is never published)"
            ])
    }

    @Test func aTieThatIPKMustDecideWithoutIPKIsAnError() async throws {
        let site = try ResultsSite(tables: [
            ("akhir", "participant,name,formation,skd,skb,ipk\nA,ANI,U1,400,80,\nB,BUDI,U1,400,80,\"3,10\"\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:2:1: error: formation U1 (1 seat): B (BUDI), A (ANI) tie on every score across the last seat, so the higher IPK passes, but A (ANI) has no IPK (give each tied participant a value in a column 'ipk' (IPK); it decides the tie and is never published)"
            ])
    }

    @Test func aTieOnEveryScoreIsBrokenByIPKThenByAge() async throws {
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                participant,name,formation,skd,skb,ipk,tanggal_lahir
                A,ANI,U1,400,80,"3,50",1995-01-01
                B,BUDI,U1,400,80,"3,75",1996-01-01
                C,CICI,U2,400,80,"3,50",1995-01-01
                D,DEDI,U2,400,80,"3,50",1994-06-30
                E,EKA,U2,390,80,"3,90",1990-01-01
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("akhir") == ["A": "TL", "B": "L", "C": "L", "D": "L", "E": "TL"])
        #expect(try await site.ranks("akhir") == ["A": "2", "B": "1", "C": "2", "D": "1", "E": "3"])
    }

    /// The SKD table alone gives the IPK: the final ranking computed from SKD and SKB reads it
    /// from the ranked SKD table, which keeps its rows' tie-breaks in its own order (read in
    /// the order of the file, B would have A's 3,90 and pass).
    @Test func aTieInTheComputedFinalRankingIsBrokenByTheIPKOfTheSKDTable() async throws {
        let site = try ResultsSite(
            tables: [
                (
                    "skd",
                    "participant,name,formation,twk,tiu,tkp,ipk\nC,CICI,U2,90,100,170,\"3,80\"\nA,ANI,U2,100,120,180,\"3,90\"\nB,BUDI,U2,90,100,170,\"3,10\"\n"
                ),
                ("skb", "participant,name,formation,skb\nA,ANI,U2,90\nB,BUDI,U2,80\nC,CICI,U2,80\n"),
            ], akhirWithoutFile: true)
        defer { site.cleanUp() }
        #expect(try await site.statuses("akhir") == ["A": "L", "B": "TL", "C": "L"])
        #expect(try await site.ranks("akhir") == ["A": "1", "B": "3", "C": "2"])
    }

    @Test func nationalOptimisationCodesAreAcceptedAsGiven() async throws {
        let site = try ResultsSite(tables: [
            (
                "akhir",
                """
                participant,name,formation,skd,skb,status
                A,ANI,U1,400,80,L
                B,BUDI,U1,380,70,P/L-E1
                """
            )
        ])
        defer { site.cleanUp() }
        #expect(try await site.statuses("akhir") == ["A": "L", "B": "P/L-E1"])
    }

    @Test func aSuppliedFinalScoreIsCheckedToThreeDecimals() async throws {
        let site = try ResultsSite(tables: [
            ("akhir", "participant;name;formation;skd;skb;final\nA;ANI;U1;400;80;77,091\nB;BUDI;U1;300;60;57,819\n")
        ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/akhir.csv:3:18: error: column F (final): row 3: final 57,819 supplied, computed 57,818: 40 % × (SKD 300 / 550 × 100) + 60 % × SKB 60,00"
            ])
    }

    @Test func weightsCanBeOverridden() async throws {
        let site = try ResultsSite(
            tables: [("akhir", "participant,name,formation,skd,skb\nA,ANI,U1,550,0\nB,BUDI,U1,0,100\n")],
            extra: "scoring:\n  weights: {skd: 30, skb: 70}\n  passing:\n    putra-putri-kalimantan: {total: 300}\n")
        defer { site.cleanUp() }
        let rows = try await site.published("akhir")
        #expect(rows["A"]?["final"] == "30.000")
        #expect(rows["B"]?["final"] == "70.000")
    }
}

/// PPPK competency ranking: by total, components as tie-breaks, optional minimums.
@Suite struct CompetencyRankingTests {
    @Test func aRowWithoutScoresOrAnAbsenceCodeIsAnError() async throws {
        let site = try ResultsSite(
            kind: "pppk",
            tables: [
                (
                    "kompetensi",
                    """
                    participant,name,formation,teknis,manajerial,wawancara
                    A,ANI,U2,400,150,30
                    B,BUDI,U2,380,170,30
                    C,CICI,U2,390,160,30
                    D,DEDI,U2,,,

                    """
                )
            ])
        defer { site.cleanUp() }
        #expect(
            await site.errors() == [
                "content/vacancies/cpns-2024/results/kompetensi.csv:5:1: error: row 5: no scores; write the scores, or the status TH (absent), DIS (disqualified) or APS (withdrew)"
            ])
    }

    @Test func totalsRankAndTeknisBreaksATie() async throws {
        let site = try ResultsSite(
            kind: "pppk",
            tables: [
                (
                    "kompetensi",
                    """
                    participant,name,formation,teknis,manajerial,wawancara,status
                    A,ANI,U2,400,150,30,
                    B,BUDI,U2,380,170,30,
                    C,CICI,U2,390,160,30,
                    D,DEDI,U2,,,,TH
                    """
                )
            ])
        defer { site.cleanUp() }
        // All total 580: teknis decides. 2 seats.
        #expect(try await site.ranks("kompetensi") == ["A": "1", "C": "2", "B": "3", "D": ""])
        #expect(try await site.statuses("kompetensi") == ["A": "L", "C": "L", "B": "TL", "D": "TH"])
    }

    @Test func aConfiguredMinimumFailsWhoeverIsBelowIt() async throws {
        let site = try ResultsSite(
            kind: "pppk",
            tables: [
                (
                    "kompetensi",
                    """
                    participant,name,formation,teknis,manajerial,wawancara
                    A,ANI,U2,450,180,20
                    B,BUDI,U2,300,120,30
                    """
                )
            ],
            extra: """
                scoring:
                  components:
                    - {id: teknis, label: Teknis, max: 450, multiple_of: 5}
                    - {id: manajerial, label: Manajerial, max: 180, min: 117}
                    - {id: wawancara, label: Wawancara, max: 40, min: 24}
                """)
        defer { site.cleanUp() }
        #expect(try await site.statuses("kompetensi") == ["A": "TL", "B": "L"])
    }
}
