import Foundation

@testable import TerbukaCore

/// A TestSite whose vacancy has the result tables a test gives, with small formations of
/// every kind (quota 1 unless said).
struct ResultsSite {
    let site: TestSite

    static let formations = """
        code,position,unit,kind,quota
        U1,ANALIS,SETDA,umum,1
        U2,PRANATA,KOMINFO,umum,2
        C1,DOKTER,RSUD,LULUSAN TERBAIK,1
        D1,ARSIPARIS,ARSIP,PENYANDANG DISABILITAS,1
        P1,PENYULUH,PERTANIAN,ORANG ASLI PAPUA (OAP),1
        T1,GURU,DIKBUD,daerah-tertinggal,1
        K1,PERAWAT,DINKES,PUTRA/PUTRI KALIMANTAN,1
        S1,DIPLOMAT,KEMLU,diaspora,1

        """

    /// `tables`: stage → CSV text; `extra` goes into the front matter (e.g. scoring).
    /// `workbooks`: stage → an .xlsx table, with the sheet the entry names (nil: none).
    init(
        kind: String = "cpns", tables: [(stage: String, csv: String)],
        workbooks: [(stage: String, data: Data, sheet: String?)] = [],
        akhirWithoutFile: Bool = false, extra: String = "", formations: String = ResultsSite.formations
    ) throws {
        site = try TestSite()
        var entries = tables.map {
            "  - stage: \($0.stage)\n    file: results/\($0.stage).csv\n    published: 2024-11-01 10:00\n    objection_until: 2024-11-04"
        }
        entries += workbooks.map {
            "  - stage: \($0.stage)\n    file: results/\($0.stage).xlsx\n"
                + ($0.sheet.map { "    sheet: \($0)\n" } ?? "") + "    published: 2024-11-01 10:00"
        }
        if akhirWithoutFile { entries.append("  - stage: akhir\n    published: 2024-12-01") }
        let scoring =
            kind == "cpns" && !extra.contains("scoring:")
            ? "scoring:\n  passing:\n    putra-putri-kalimantan: {total: 300, tiu: 70}\n" : ""
        try site.write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi 2024
            kind: \(kind)
            published: 2024-08-19
            results:
            \(entries.joined(separator: "\n"))
            \(scoring)\(extra)
            ---
            Isi.
            """)
        try site.write("content/vacancies/cpns-2024/formations.csv", formations)
        try site.remove("content/announcements/ralat.md")
        for table in tables {
            try site.write("content/vacancies/cpns-2024/results/\(table.stage).csv", table.csv)
        }
        for workbook in workbooks {
            try site.write("content/vacancies/cpns-2024/results/\(workbook.stage).xlsx", workbook.data)
        }
    }

    func errors() async -> [String] { await site.errors() }

    /// Rewrites the notice with these `results` entries (YAML flow mappings, one a line).
    func writeNotice(results: [String]) throws {
        try site.write(
            "content/vacancies/cpns-2024/index.md",
            """
            ---
            title: Seleksi 2024
            kind: cpns
            published: 2024-08-19
            scoring: {passing: {putra-putri-kalimantan: {total: 300, tiu: 70}}}
            results:
            \(results.map { "  - " + $0 }.joined(separator: "\n"))
            ---
            """)
    }

    /// Builds the site and reads back `data/cpns-2024/<stage>.csv` as participant → row.
    func published(_ stage: String) async throws -> [String: [String: String]] {
        let report = await site.build()
        guard report.succeeded else {
            throw BuildFailed(messages: report.diagnostics.sorted.map(\.formatted))
        }
        var reader = try CSVReader(contentsOf: site.output.appendingPathComponent("data/cpns-2024/\(stage).csv"))
        guard let header = try reader.next() else { return [:] }
        var rows: [String: [String: String]] = [:]
        while let record = try reader.next() {
            let row = Dictionary(uniqueKeysWithValues: zip(header.fields, record.fields))
            rows[row["participant"]!] = row
        }
        return rows
    }

    /// The vacancy's ranked tables, from a build that must succeed.
    func results() async throws -> VacancyResults {
        let report = await site.build()
        guard report.succeeded, let results = report.site?.results["cpns-2024"] else {
            throw BuildFailed(messages: report.diagnostics.sorted.map(\.formatted))
        }
        return results
    }

    /// Status of each participant in a published table, as "participant:status" sorted.
    func statuses(_ stage: String) async throws -> [String: String] {
        try await published(stage).mapValues { $0["status"] ?? "" }
    }

    func ranks(_ stage: String) async throws -> [String: String] {
        try await published(stage).mapValues { $0["rank"] ?? "" }
    }

    func cleanUp() { site.cleanUp() }

    struct BuildFailed: Error, CustomStringConvertible {
        var messages: [String]
        var description: String { messages.joined(separator: "\n") }
    }
}
