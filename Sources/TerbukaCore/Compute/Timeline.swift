/// The stages of a vacancy in time order, with the objection periods of its published
/// results, each marked past, current or coming as of the build time.
public struct TimelineItem: Sendable {
    public enum State: String, CaseIterable, Sendable {
        case past, current, coming
    }

    /// Stable within the vacancy: the stage id, `sanggah-<stage>` for an objection period,
    /// with `-2`, `-3` … when a stage id repeats.
    public var id: String
    /// Stage id for the default title; nil when `title` is set.
    public var stage: String?
    public var title: String?
    /// For objection periods: the result stage.
    public var objectionFor: ResultStage?
    public var start: ContentDate
    public var end: ContentDate
    public var location: String?
    public var note: String?

    public func state(at now: Int) -> State {
        if end.endInstant <= now { return .past }
        if start.instant <= now { return .current }
        return .coming
    }
}

public enum Timeline {
    public static func items(for vacancy: Vacancy) -> [TimelineItem] {
        var items = vacancy.schedule.map {
            TimelineItem(
                id: $0.stage, stage: $0.title == nil ? $0.stage : nil, title: $0.title, objectionFor: nil,
                start: $0.start, end: $0.end, location: $0.location, note: $0.note)
        }
        // An objection period that the schedule does not already hold as a sanggah stage.
        let scheduled = Set(vacancy.schedule.map(\.stage))
        for result in vacancy.results {
            guard let until = result.objectionUntil else { continue }
            let stageID = objectionStage[result.stage]
            if let stageID, scheduled.contains(stageID) { continue }
            items.append(
                TimelineItem(
                    id: "sanggah-\(result.stage.rawValue)", stage: nil, title: nil, objectionFor: result.stage,
                    start: result.published, end: until, location: nil, note: nil))
        }
        // By the day each begins; stages of the same day keep the order they were written in
        // (a stage with only a date is not placed before a timed one written above it).
        items = items.enumerated().sorted { a, b in
            let (x, y) = (a.element.start.date.daysSinceEpoch, b.element.start.date.daysSinceEpoch)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        var seen: [String: Int] = [:]
        for index in items.indices {
            let count = (seen[items[index].id] ?? 0) + 1
            seen[items[index].id] = count
            if count > 1 { items[index].id += "-\(count)" }
        }
        return items
    }

    /// The last second applications are taken: the end of the registration stage, a date
    /// alone meaning the end of that day.
    public static func registrationDeadline(for vacancy: Vacancy) -> ContentDate? {
        guard let registration = vacancy.schedule.first(where: { $0.stage == ScheduleEntry.registration }) else {
            return nil
        }
        let end = registration.end
        return ContentDate(instant: end.endInstant - (end.hasTime ? 0 : 1), offset: end.utcOffsetSeconds)
    }

    /// The schedule stage that is the objection period of each result stage.
    static let objectionStage: [ResultStage: String] = [
        .administrasi: "sanggah-administrasi", .skd: "sanggah-skd", .akhir: "sanggah-akhir",
        .kompetensi: "sanggah-kompetensi",
    ]
}
