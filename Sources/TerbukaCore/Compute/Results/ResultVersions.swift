/// Earlier versions of a result table, each ranked by the same rules as the current one,
/// and what changed from each version to the next: who was added, who was removed, and
/// every published cell (score, rank, status …) that differs. Only published columns are
/// compared, so private tie-break data never reaches a change.
public struct ResultVersions: Sendable {
    public struct Version: Sendable {
        public var version: ResultVersion
        public var table: any PublishedResultTable
    }

    /// One change of one participant between two versions.
    public struct Change: Sendable, Equatable {
        public var participant: String
        public var name: String
        public var formation: String
        /// A published column id, or `participant` when the row was added (before empty)
        /// or removed (after empty).
        public var field: String
        public var before: String
        public var after: String
    }

    /// From one version to the next: the date and reason of the replacement.
    public struct Step: Sendable {
        /// When the version replaced was published.
        public var from: ContentDate
        /// When the version that replaced it was published.
        public var to: ContentDate
        /// The reason given with the version replaced ("Ralat setelah masa sanggah").
        public var reason: String?
        public var changes: [Change]
    }

    public var stage: ResultStage
    /// Oldest first.
    public var earlier: [Version]
    /// One step per earlier version, oldest first, ending with the current table.
    public var steps: [Step]

    /// Ranks each earlier version of `stage` as the current table was ranked, with each
    /// stage before it as it stood when that version was published, and compares each
    /// version with the next.
    init?(
        stage: ResultStage, vacancy: Vacancy, current: any PublishedResultTable, into diagnostics: inout Diagnostics
    ) {
        guard let versions = vacancy.tables.versions[stage], !versions.isEmpty else { return nil }
        self.stage = stage
        earlier = []
        for (version, tables) in versions {
            var input = vacancy.tables
            input.versions = [:]
            for earlier in Self.before(stage) {
                if let inForce = Self.table(earlier, inForceAt: version.published, in: vacancy.tables) {
                    Self.set(earlier, in: &input, from: inForce)
                }
            }
            Self.set(stage, in: &input, from: tables)
            Self.dropStages(after: stage, in: &input)
            var copy = vacancy
            copy.tables = input
            var computation = StageComputation(vacancy: copy)
            computation.run(through: stage, reporting: &diagnostics)
            guard let table = computation.tables.last(where: { $0.stage == stage }) else { continue }
            let formations = Set((0..<table.count).map(table.formation))
            let currentFormations = Set((0..<current.count).map(current.formation))
            if formations != currentFormations {
                let missing = currentFormations.subtracting(formations).sorted()
                let extra = formations.subtracting(currentFormations).sorted()
                diagnostics.error(
                    .versionOfOtherFormations(
                        version.published.date.description, onlyThere: extra, onlyHere: missing),
                    at: version.location)
                continue
            }
            earlier.append(Version(version: version, table: table))
        }
        var steps: [Step] = []
        for (index, old) in earlier.enumerated() {
            let next = index + 1 < earlier.count ? earlier[index + 1].table : current
            steps.append(
                Step(
                    from: old.version.published, to: next.entry.published,
                    reason: old.version.reason, changes: Self.changes(from: old.table, to: next)))
        }
        self.steps = steps
    }

    /// The stages whose tables a stage is checked against.
    static func before(_ stage: ResultStage) -> [ResultStage] {
        switch stage {
        case .administrasi: []
        case .skd: [.administrasi]
        case .skb: [.administrasi, .skd]
        case .akhir: [.administrasi, .skd, .skb]
        case .kompetensi: [.administrasi]
        }
    }

    static func published(_ stage: ResultStage, in tables: VacancyResultTables) -> ContentDate? {
        switch stage {
        case .administrasi: tables.administrasi?.entry.published
        case .skd: tables.skd?.entry.published
        case .skb: tables.skb?.entry.published
        case .akhir: tables.akhir?.entry.published
        case .kompetensi: tables.kompetensi?.entry.published
        }
    }

    /// The table of `stage` that was in force at `date`: the newest version published by
    /// then (the current one included); nil when the stage has no versions to choose from.
    static func table(_ stage: ResultStage, inForceAt date: ContentDate, in tables: VacancyResultTables)
        -> VacancyResultTables?
    {
        guard let versions = tables.versions[stage], !versions.isEmpty else { return nil }
        if let current = published(stage, in: tables), current.instant <= date.instant { return nil }
        return versions.last { $0.version.published.instant <= date.instant }?.tables ?? versions.first?.tables
    }

    /// Puts the table of `stage` from `tables` into `input`.
    static func set(_ stage: ResultStage, in input: inout VacancyResultTables, from tables: VacancyResultTables) {
        switch stage {
        case .administrasi: input.administrasi = tables.administrasi
        case .skd: input.skd = tables.skd
        case .skb: input.skb = tables.skb
        case .akhir: input.akhir = tables.akhir
        case .kompetensi: input.kompetensi = tables.kompetensi
        }
    }

    /// Drops the stages after `stage`: published after the version, they would check it
    /// against tables that did not exist yet.
    static func dropStages(after stage: ResultStage, in input: inout VacancyResultTables) {
        switch stage {
        case .administrasi:
            input.skd = nil
            input.skb = nil
            input.akhir = nil
            input.kompetensi = nil
        case .skd:
            input.skb = nil
            input.akhir = nil
        case .skb: input.akhir = nil
        case .akhir, .kompetensi: break
        }
    }

    /// Every difference from `old` to `new`, in the new table's order, then removed rows.
    static func changes(from old: any PublishedResultTable, to new: any PublishedResultTable) -> [Change] {
        var oldPositions: [String: Int] = [:]
        for position in 0..<old.count { oldPositions[old.participant(position)] = position }
        // Where each of the new table's columns is in the old one, found once.
        let oldColumn = new.columns.map { column in old.columns.firstIndex { $0.id == column.id } }
        var changes: [Change] = []
        for position in 0..<new.count {
            let participant = new.participant(position)
            let name = new.name(position)
            let formation = new.formation(position)
            func change(_ field: String, _ before: String, _ after: String) {
                changes.append(
                    Change(
                        participant: participant, name: name, formation: formation, field: field, before: before,
                        after: after))
            }
            // What stays in oldPositions at the end was removed.
            guard let was = oldPositions.removeValue(forKey: participant) else {
                change("participant", "", participant)
                continue
            }
            if old.name(was) != name { change("name", old.name(was), name) }
            if old.formation(was) != formation { change("formation", old.formation(was), formation) }
            let oldCells = old.cells(was)
            let newCells = new.cells(position)
            for (index, column) in new.columns.enumerated() {
                let before = oldColumn[index].map { oldCells[$0].publishedText } ?? ""
                let after = newCells[index].publishedText
                if before != after { change(column.id, before, after) }
            }
        }
        for position in 0..<old.count where oldPositions[old.participant(position)] != nil {
            changes.append(
                Change(
                    participant: old.participant(position), name: old.name(position),
                    formation: old.formation(position), field: "participant", before: old.participant(position),
                    after: ""))
        }
        return changes
    }

    /// Participants whose status changed in any step, with the last change (for the lookup).
    public var statusChanges: [String: Change] {
        var result: [String: Change] = [:]
        for step in steps {
            for change in step.changes where change.field == "status" { result[change.participant] = change }
        }
        return result
    }
}

extension CellValue {
    /// As the published CSV writes it (decimal point, `true`/`false`, empty for none).
    var publishedText: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .fixed(let number, let scale): FixedPoint.text(number, scale: scale, mark: ".")
        case .boolean(let value): value ? "true" : "false"
        case .empty: ""
        }
    }
}
