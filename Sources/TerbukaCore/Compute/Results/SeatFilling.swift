/// A participant placed by national optimisation (PermenPANRB 6/2024 art. 47(4)–(6)), and
/// where the final table says they came from and went to.
public struct OptimisationMove: Sendable {
    public enum Place: Sendable, Equatable {
        /// A formation of this vacancy, by code.
        case formation(String)
        /// Words naming another agency or round.
        case elsewhere(String)
        /// Not named: an optimisation code alone places the participant in another
        /// formation kind or location than the one they are listed under.
        case unnamed
    }

    public var participant: String
    public var name: String
    public var status: ResultStatus
    public var from: Place
    public var to: Place
}

/// Who moved into and out of one formation by optimisation.
public struct FormationMoves: Sendable {
    public var formation: Formation
    public var movedIn: [OptimisationMove]
    public var movedOut: [OptimisationMove]
}

/// The seats a final ranking filled per formation, optimisation moves included: a
/// participant moved into a formation fills one of its seats, one moved out does not fill
/// a seat of the formation they are listed under. A row with an optimisation code names
/// where the participant went (`to_formation`), or where they came from (`from_formation`,
/// listed under the formation they were placed in); with neither, BKN placed them outside
/// the formation they are listed under (another kind or location, DOMAIN.md).
public struct SeatFilling: Sendable {
    /// Seats filled per formation code; formations with none are absent.
    public var filled: [String: Int] = [:]
    /// Formations with moves, in formations.csv order.
    public var moves: [FormationMoves] = []
    /// Whether any row names where it came from or went to: the published table then has
    /// the from_formation and to_formation columns.
    public var hasMoveColumns = false

    /// `placed`: per listed row, its final status and its move columns.
    init(
        placed: [(entrant: Entrant, status: ResultStatus?)], formations: [Formation], place: TablePlace,
        into diagnostics: inout Diagnostics
    ) {
        let codes = Set(formations.map(\.code))
        var movedIn: [String: [OptimisationMove]] = [:]
        var movedOut: [String: [OptimisationMove]] = [:]
        var seated: [String: [Bilingual]] = [:]
        /// Formations that optimisation placed someone in: only there can more be placed
        /// than there are seats (a tie across the last seat is reported by the ranking).
        var optimised: Set<String> = []
        /// A written place: a known code, or words (with a space) for another agency; a
        /// single word that is no code is a mistyped code.
        func resolve(_ written: Located<String>?, listed: String) -> OptimisationMove.Place?? {
            guard let written else { return .some(nil) }
            let text = written.value
            if text == listed {
                diagnostics.error(.moveNamesOwnFormation(text), at: written.location)
                return nil
            }
            if codes.contains(text) { return .formation(text) }
            if text.contains(" ") { return .elsewhere(text) }
            diagnostics.error(.unknownMoveFormation(text, known: codes.sorted()), at: written.location)
            return nil
        }
        for (entrant, status) in placed {
            let listed = entrant.identity.formation
            let who = Bilingual.same("\(entrant.identity.participant) (\(entrant.identity.name))")
            guard let status, status.isSeated else {
                if let written = entrant.move?.from ?? entrant.move?.to {
                    diagnostics.error(
                        .moveWithoutOptimisation(row: Int(entrant.identity.row), status: status?.code),
                        at: written.location)
                }
                continue
            }
            guard let move = entrant.move else {
                if case .optimised = status {
                    movedOut[listed, default: []].append(
                        OptimisationMove(
                            participant: entrant.identity.participant, name: entrant.identity.name, status: status,
                            from: .formation(listed), to: .unnamed))
                } else {
                    seated[listed, default: []].append(who)
                }
                continue
            }
            guard case .optimised = status else {
                diagnostics.error(
                    .moveWithoutOptimisation(row: Int(entrant.identity.row), status: status.code),
                    at: (move.from ?? move.to)!.location)
                seated[listed, default: []].append(who)
                continue
            }
            guard let from = resolve(move.from, listed: listed), let to = resolve(move.to, listed: listed) else {
                continue
            }
            hasMoveColumns = true
            let record = OptimisationMove(
                participant: entrant.identity.participant, name: entrant.identity.name, status: status,
                from: from ?? .formation(listed), to: to ?? (from == nil ? .unnamed : .formation(listed)))
            switch record.to {
            case .formation(let target) where target != listed:
                // Listed under the formation applied for, placed in another.
                seated[target, default: []].append(.movedIn(who.en, from: listed))
                optimised.insert(target)
                movedOut[listed, default: []].append(record)
                movedIn[target, default: []].append(record)
            case .elsewhere, .unnamed:
                movedOut[listed, default: []].append(record)
            case .formation:
                // Listed under the formation they were placed in.
                seated[listed, default: []].append(who)
                optimised.insert(listed)
                if case .formation(let origin)? = from, origin != listed {
                    movedOut[origin, default: []].append(record)
                }
                movedIn[listed, default: []].append(record)
            }
        }
        for formation in formations {
            let names = seated[formation.code] ?? []
            if !names.isEmpty { filled[formation.code] = names.count }
            if names.count > formation.quota, optimised.contains(formation.code) {
                diagnostics.error(.overfilled(formation.code, seats: formation.quota, placed: names), at: place.file)
            }
            let into = movedIn[formation.code] ?? []
            let out = movedOut[formation.code] ?? []
            if !into.isEmpty || !out.isEmpty {
                moves.append(FormationMoves(formation: formation, movedIn: into, movedOut: out))
            }
        }
    }
}
