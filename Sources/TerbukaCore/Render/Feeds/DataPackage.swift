import Foundation

/// `data/datapackage.json`: a Frictionless Data Package describing every published CSV
/// with a Table Schema, its size and its SHA-256.
enum DataPackage {
    static func file(index: SiteIndex, ledger: Ledger) -> OutputFile {
        var resources: [(name: String, path: String, columns: [ResultColumn], key: [String], title: String)] = []
        for vacancy in index.vacancies {
            resources.append(
                (
                    "\(vacancy.id)-formasi", Route.formationData(vacancy.id, "csv"),
                    DataExport.typed(DataExport.formationColumns(vacancy)),
                    ["code"],
                    "\(vacancy.title): formasi"
                ))
            for table in index.results[vacancy.id]?.tables ?? [] {
                let columns =
                    ["participant", "name", "formation"].map { ResultColumn(id: $0, type: .text) } + table.columns
                resources.append(
                    (
                        "\(vacancy.id)-\(table.stage.rawValue)", Route.resultData(vacancy.id, table.stage, "csv"),
                        columns, ["participant"],
                        "\(vacancy.title): \(table.stage.rawValue)"
                    ))
                guard let versions = index.results[vacancy.id]?.versions[table.stage] else { continue }
                for earlier in versions.earlier {
                    let date = earlier.version.published.date.description
                    resources.append(
                        (
                            "\(vacancy.id)-\(table.stage.rawValue)-\(date)",
                            Route.versionData(vacancy.id, date, table.stage, "csv"),
                            ["participant", "name", "formation"].map { ResultColumn(id: $0, type: .text) }
                                + earlier.table.columns, ["participant"],
                            "\(vacancy.title): \(table.stage.rawValue), versi \(date)"
                        ))
                }
                resources.append(
                    (
                        "\(vacancy.id)-\(table.stage.rawValue)-perubahan",
                        Route.changesData(vacancy.id, table.stage, "csv"),
                        ResultData.changeColumns.map { ResultColumn(id: $0, type: .text) },
                        ["version", "participant", "field"],
                        "\(vacancy.title): \(table.stage.rawValue), perubahan antarversi"
                    ))
            }
            if let results = index.results[vacancy.id], !results.tables.isEmpty {
                resources.append(
                    (
                        "\(vacancy.id)-evaluasi", Route.evaluationData(vacancy.id, "csv"),
                        DataExport.typed(DataExport.evaluationColumns), [],
                        "\(vacancy.title): evaluasi seleksi"
                    ))
            }
            if index.results[vacancy.id]?.unfilled != nil {
                resources.append(
                    (
                        "\(vacancy.id)-formasi-kosong", Route.unfilledData(vacancy.id, "csv"),
                        DataExport.typed(DataExport.unfilledColumns), ["code"],
                        "\(vacancy.title): formasi kosong"
                    ))
            }
        }
        var out = ByteWriter()
        out.raw("{\n  \"profile\": \"tabular-data-package\",\n  \"name\": ")
        out.json(Slug.make(from: index.content.config.title))
        out.raw(",\n  \"title\": ")
        out.json(index.content.config.title)
        out.raw(",\n  \"resources\": [")
        for (number, resource) in resources.enumerated() {
            let entry = ledger.entry(resource.path)
            out.raw(number == 0 ? "\n    {" : ",\n    {")
            out.raw("\"name\": ")
            out.json(resource.name)
            out.raw(", \"title\": ")
            out.json(resource.title)
            out.raw(", \"path\": ")
            out.json(String(resource.path.dropFirst(Route.dataFolder.count)))
            out.raw(
                ", \"profile\": \"tabular-data-resource\", \"format\": \"csv\", \"mediatype\": \"text/csv\", \"encoding\": \"utf-8\""
            )
            if let entry {
                out.raw(", \"bytes\": ")
                out.integer(entry.size)
                out.raw(", \"hash\": ")
                out.json("sha256:" + entry.sha256)
            }
            out.raw(",\n      \"schema\": {\"fields\": [")
            for (index, column) in resource.columns.enumerated() {
                out.raw(index == 0 ? "" : ", ")
                out.raw("{\"name\": ")
                out.json(column.id)
                out.raw(", \"type\": ")
                out.json(column.type.rawValue)
                out.raw("}")
            }
            out.raw("]")
            // The evaluation has none: its whole-round rows have no formation.
            if !resource.key.isEmpty {
                out.raw(", \"primaryKey\": [")
                for (index, key) in resource.key.enumerated() {
                    if index > 0 { out.raw(", ") }
                    out.json(key)
                }
                out.raw("]")
            }
            out.raw("}}")
        }
        out.raw("\n  ]\n}\n")
        return OutputFile(path: Route.dataPackage, contents: .bytes(Data(out.bytes)))
    }
}
