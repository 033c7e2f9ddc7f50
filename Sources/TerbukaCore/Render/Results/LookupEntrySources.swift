extension LookupData {
    /// What writing the entries reads for each of a million rows, laid end to end in memory
    /// of its own and read in place: taken from arrays of arrays (a formation's code, a row's
    /// page and formation group, the end of its group's journey), each was retained and
    /// released for every row, by both cores on the same objects (perf). Read only once made.
    final class EntrySources: @unchecked Sendable {
        /// Per formation, its code as a JSON string.
        let codes: PackedRuns<UInt8>
        /// Per table, its rows' numbers and names.
        let participants: [TextColumn]
        let names: [TextColumn]
        /// Per table, the page of each of its rows.
        let pages: PackedRuns<Int32>
        /// Per table, the formation group of each of its rows.
        let groupOf: PackedRuns<Int32>
        /// Per group of each table in turn, its end of a journey: `,rows with scores,cut-off
        /// or null,kind or null]` (ranks count the rows with scores: "rank 3 of 17" counts the
        /// same rows); `firstTail[table]` is the index of the table's first group's.
        let tails: PackedRuns<UInt8>
        let firstTail: UnsafeMutableBufferPointer<Int>

        init(
            tables: [any PublishedResultTable], pages: [[Int32]], cutoffs: [ResultStage: [Int: CellValue]],
            codes: [[UInt8]]
        ) {
            self.codes = PackedRuns(codes)
            participants = tables.map(\.participants)
            names = tables.map(\.names)
            self.pages = PackedRuns(pages)
            groupOf = PackedRuns(
                tables.map { table in
                    var groupOf = [Int32](repeating: 0, count: table.count)
                    for (index, group) in table.groups.enumerated() {
                        for position in group.range { groupOf[position] = Int32(index) }
                    }
                    return groupOf
                })
            var tails: [[UInt8]] = []
            firstTail = .allocate(capacity: tables.count)
            for (index, table) in tables.enumerated() {
                firstTail[index] = tails.count
                let cutoffs = cutoffs[table.stage] ?? [:]
                for (index, group) in table.groups.enumerated() {
                    var out = ByteWriter()
                    out.raw(",")
                    out.integer(group.present)
                    out.raw(",")
                    if let cutoff = cutoffs[index] { Entry.cell(cutoff, into: &out) } else { out.raw("null") }
                    out.raw(",")
                    if table.stage == .skd { out.json(group.formation.kind) } else { out.raw("null") }
                    out.raw("]")
                    tails.append(out.bytes)
                }
            }
            self.tails = PackedRuns(tails)
        }

        deinit {
            codes.deallocate()
            pages.deallocate()
            groupOf.deallocate()
            tails.deallocate()
            firstTail.deallocate()
        }

        /// The page of a table's row, -1 where the participant is not in it (or the row has
        /// no page).
        func page(table: Int, position: Int32) -> Int {
            let run = pages[table]
            return position < 0 || Int(position) >= run.count ? -1 : Int(run[Int(position)])
        }

        /// The end of the journey of a table's row.
        func tail(table: Int, position: Int32) -> UnsafeBufferPointer<UInt8> {
            let groups = groupOf[table]
            precondition(position >= 0 && Int(position) < groups.count)
            return tails[firstTail[table] + Int(groups[Int(position)])]
        }
    }
}
