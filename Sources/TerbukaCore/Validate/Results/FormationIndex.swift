import Foundation

/// The formations of a vacancy as result rows find them: by code, or, in tables without
/// a code, by position and unit (and kind, where the table has it), ignoring case and
/// spacing.
struct FormationIndex {
    let all: [Formation]
    let byCode: [String: Int]
    /// SSCASN's formasi_id of formations imported with a short code.
    let bySSCASNID: [String: Int]
    private let byName: [String: [Int]]

    init(_ formations: [Formation]) {
        all = formations
        byCode = Dictionary(formations.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        bySSCASNID = Dictionary(
            formations.enumerated().compactMap { index, formation in formation.sscasnID.map { ($0, index) } },
            uniquingKeysWith: { first, _ in first })
        var byName: [String: [Int]] = [:]
        for (index, formation) in formations.enumerated() {
            byName[Self.key(formation.position, formation.unit), default: []].append(index)
        }
        self.byName = byName
    }

    static func simplify(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !spaces.contains($0) })
    }

    /// Made once: Foundation's getter builds the set again on every call, and every
    /// formation's position and unit are simplified letter by letter (perf: 5,000
    /// formations took a tenth of a second on one core).
    private static let spaces = CharacterSet.whitespacesAndNewlines

    private static func key(_ position: String, _ unit: String) -> String {
        simplify(position) + "\u{1F}" + simplify(unit)
    }

    /// True when every value is a formation code: a generic `FORMASI` column holds codes.
    func areCodes(_ values: [String]) -> Bool {
        !values.isEmpty && values.allSatisfy { byCode[$0] != nil || bySSCASNID[$0] != nil }
    }

    /// True when every value is a position of some formation.
    func arePositions(_ values: [String]) -> Bool {
        let positions = Set(all.map { Self.simplify($0.position) })
        return !values.isEmpty && values.allSatisfy { positions.contains(Self.simplify($0)) }
    }

    /// The formation of a row named by position and unit; an unmatched or ambiguous row is
    /// an error naming the candidates.
    func match(
        position: String, unit: String, kind: String?, row: Int, at location: SourceLocation,
        into diagnostics: inout Diagnostics
    ) -> Int? {
        var found = byName[Self.key(position, unit)] ?? []
        if found.count > 1, let kind, !kind.isEmpty {
            let slug = FormationKind.normalize(kind)
            let sameKind = found.filter { all[$0].kind == slug }
            if sameKind.isEmpty {
                let names = found.prefix(6).map { "\(all[$0].code) (\(all[$0].kind))" }
                diagnostics.error(
                    .noFormationOfKind(row: row, position: position, unit: unit, kind: kind, there: Array(names)),
                    at: location)
                return nil
            }
            found = sameKind
        }
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            let samePosition = all.filter { Self.simplify($0.position) == Self.simplify(position) }
            let candidates = samePosition.isEmpty ? [] : samePosition.prefix(5).map { "\($0.code) (\($0.unit))" }
            diagnostics.error(
                .noFormationForRow(
                    row: row, position: position, unit: unit, candidates: Array(candidates),
                    positions: Array(Set(all.map(\.position))).sorted()),
                at: location)
            return nil
        }
        let names = found.prefix(6).map { "\(all[$0].code) (\(all[$0].kind))" }
        diagnostics.error(
            .ambiguousFormation(row: row, position: position, unit: unit, count: found.count, names: Array(names)),
            at: location)
        return nil
    }
}
