import Foundation

/// Timelines (vacancy pages, `jadwal/index.html`, the home page) and calendars.
struct TimelineRowView: Sendable {
    var title: String
    var when: String
    var location: String?
    var locationHref: String?
    var note: String?
    /// past, current or coming as of the build; the page's script updates it.
    var state: String
    var stateLabel: String
    /// Epoch milliseconds, for the script.
    var startMillis: Int
    var endMillis: Int
    var isObjection: Bool
}

struct VacancyTimelineView: Sendable {
    var title: String
    var href: String
    var kindLabel: String
    var icsHref: String
    var rows: [TimelineRowView]
    var hasRows: Bool
}

struct SchedulePageView: Sendable {
    var asOf: String
    var asOfISO: String
    /// This page's vacancies.
    var vacancies: [VacancyTimelineView]
    /// Whether the site has any.
    var hasVacancies: Bool
    var icsHref: String
    var scriptHref: String
    var pager: PagerView?
}

/// What the home page says of an open vacancy: its stages running now and its next deadline.
struct HomeStagesView: Sendable {
    var title: String
    var href: String
    /// The stages in progress, joined for reading.
    var current: String
    var hasCurrent: Bool
    var nextDeadline: String?
}

extension SiteRenderer {
    func title(of item: TimelineItem) -> String {
        if let title = item.title { return title }
        if let stage = item.stage { return label("stage", stage) }
        if let result = item.objectionFor {
            return text(.objectionPeriodFor, ["stage": label("result", result.rawValue)])
        }
        return item.id
    }

    func when(_ start: ContentDate, _ end: ContentDate) -> String {
        format.span(start, end, siteZone: zone, until: text(.until))
    }

    func timelineRows(_ vacancy: Vacancy) -> [TimelineRowView] {
        Timeline.items(for: vacancy).map { item in
            let state = item.state(at: index.now)
            return TimelineRowView(
                title: title(of: item), when: when(item.start, item.end), location: item.location,
                locationHref: item.location.flatMap(Self.webAddress), note: item.note, state: state.rawValue,
                stateLabel: strings["state_\(state.rawValue)"] ?? state.rawValue,
                startMillis: item.start.instant * 1000, endMillis: item.end.endInstant * 1000,
                isObjection: item.objectionFor != nil)
        }
    }

    /// Page `number` of the schedule: the vacancies newest first, each with its timeline.
    func scheduleView(page number: Int, root: String) -> SchedulePageView {
        let vacancies = index.vacancies[lists.schedule[number]].map { vacancy in
            let rows = timelineRows(vacancy)
            return VacancyTimelineView(
                title: vacancy.title, href: pageHref(Route.vacancy(vacancy.id), root: root),
                kindLabel: label("recruitment", vacancy.kind.rawValue),
                icsHref: Links.href(to: Route.vacancyCalendar(vacancy.id), root: root), rows: rows,
                hasRows: !rows.isEmpty)
        }
        let now = ContentDate(instant: index.now, in: zone)
        return SchedulePageView(
            asOf: format.dateTime(now, siteZone: zone), asOfISO: now.iso8601, vacancies: vacancies,
            hasVacancies: !index.vacancies.isEmpty, icsHref: Links.href(to: Route.calendar, root: root),
            scriptHref: Links.href(to: Route.scheduleScript, root: root),
            pager: pager(Route.schedule, number, of: lists.schedule.count, root: root))
    }

    func homeStages(root: String) -> [HomeStagesView] {
        index.home.running.map { running in
            let current = running.current.map(title(of:))
            return HomeStagesView(
                title: running.vacancy.title, href: pageHref(Route.vacancy(running.vacancy.id), root: root),
                current: current.joined(separator: "; "), hasCurrent: !current.isEmpty,
                nextDeadline: running.nextDeadline.map { item in
                    text(.nextDeadline, ["stage": title(of: item), "when": deadlineText(item.end)])
                })
        }
    }

    /// An end as a deadline: a date alone means the end of that day.
    func deadlineText(_ end: ContentDate) -> String {
        end.hasTime ? format.dateTime(end, siteZone: zone) : "\(format.longDate(end.date)) \(text(.endOfDay))"
    }

    func calendar(for vacancies: [Vacancy], name: String) -> OutputFile.Contents {
        let host = tagAuthority
        var events: [ICalendar.Event] = []
        for vacancy in vacancies {
            for item in Timeline.items(for: vacancy) {
                let url = index.content.config.baseURL.map { $0 + Route.vacancy(vacancy.id) }
                events.append(
                    ICalendar.Event(
                        uid: "\(item.id).\(vacancy.id)@\(host)", summary: "\(title(of: item)) — \(vacancy.title)",
                        start: item.start, end: item.end, location: item.location, description: item.note, url: url))
            }
        }
        let text = ICalendar(name: name, events: events, stamp: index.now).text
        return .bytes(Data(text.utf8))
    }
}

enum URLHost {
    static func of(_ url: String) -> String? {
        URLComponents(string: url)?.host
    }
}
