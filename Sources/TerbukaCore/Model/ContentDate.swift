import Foundation

/// A day of the proleptic Gregorian calendar, with no time zone.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let days = daysSinceEpoch
        return ((days % 7) + 7 + 4) % 7
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// A date or date-time as written in content: `2024-08-19`, `2024-08-19 09:00`,
/// `2024-08-19 09:00 WITA` or `2024-08-19T09:00+08:00`. A time without a zone is in the
/// site's zone.
public struct ContentDate: Hashable, Sendable {
    public var date: CivilDate
    /// Minutes after midnight, or nil for a date without a time.
    public var minuteOfDay: Int?
    /// Seconds within the minute: 0 for everything written in content; set only for
    /// instants made by the generator (the last second of a day).
    public var seconds: Int = 0
    /// The offset from UTC in which `date` and `minuteOfDay` are written.
    public var utcOffsetSeconds: Int

    public var hasTime: Bool { minuteOfDay != nil }

    /// The instant `seconds` (since the Unix epoch) as a date-time in `zone`.
    public init(instant seconds: Int, in zone: SiteTimeZone) {
        self.init(instant: seconds, offset: zone.utcOffsetSeconds)
    }

    /// The instant `seconds` as a date-time at the UTC offset `offset`.
    public init(instant seconds: Int, offset: Int) {
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        date = CivilDate(daysSinceEpoch: days)
        minuteOfDay = (local - days * 86_400) / 60
        self.seconds = (local - days * 86_400) % 60
        utcOffsetSeconds = offset
    }

    init(date: CivilDate, minuteOfDay: Int?, utcOffsetSeconds: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Seconds since the Unix epoch at the start of this date or at its time.
    public var instant: Int {
        date.daysSinceEpoch * 86_400 + (minuteOfDay ?? 0) * 60 + seconds - utcOffsetSeconds
    }

    /// As `instant`, but a date without a time stands for the end of that day (the
    /// first second of the next day, exclusive), as `end` keys mean it.
    public var endInstant: Int {
        hasTime ? instant : instant + 86_400
    }

    public struct ParseError: Error, Equatable, Sendable {
        public var problem: DateProblem
        /// Characters into the written value where the problem starts.
        public var offset: Int
    }

    public static func parse(_ raw: String, siteZone: SiteTimeZone) -> Result<ContentDate, ParseError> {
        let text = Array(raw)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= text.count else { return nil }
            let digits = text[index..<index + count]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            index += count
            return Int(String(digits))
        }
        func expect(_ character: Character) -> Bool {
            guard index < text.count, text[index] == character else { return false }
            index += 1
            return true
        }
        func failure(_ problem: DateProblem, at offset: Int = 0) -> Result<ContentDate, ParseError> {
            .failure(ParseError(problem: problem, offset: offset))
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2) else {
            return failure(.notADate(raw))
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let written = String(raw.prefix(10))
            return failure(
                (1...12).contains(month)
                    ? .noSuchDay(written, year: year, month: month) : .noSuchMonth(written, month: month))
        }
        // Every output format holds these years (ZIP's to 2107); later ones are typos.
        guard (1970...2099).contains(year) else { return failure(.yearOutOfRange(String(raw.prefix(10)), year: year)) }
        var result = ContentDate(date: date, minuteOfDay: nil, utcOffsetSeconds: siteZone.utcOffsetSeconds)
        if index == text.count { return .success(result) }
        guard expect(" ") || expect("T") else { return failure(.unexpected(text[index]), at: index) }
        let timeStart = index
        guard let hour = number(2), expect(":"), let minute = number(2) else {
            return failure(.expectedTime, at: timeStart)
        }
        if expect(":") {
            guard let second = number(2), second == 0 else { return failure(.seconds, at: timeStart) }
        }
        guard hour < 24, minute < 60 else {
            return failure(.noSuchTime(String(text[timeStart..<index])), at: timeStart)
        }
        result.minuteOfDay = hour * 60 + minute
        _ = expect(" ")
        let zoneStart = index
        let zone = String(text[index...])
        if zone.isEmpty { return .success(result) }
        if zone == "Z" {
            result.utcOffsetSeconds = 0
        } else if let offset = SiteTimeZone.abbreviations[zone.uppercased()] {
            result.utcOffsetSeconds = offset
        } else if let sign = zone.first, sign == "+" || sign == "-" {
            index += 1
            guard let hours = number(2), expect(":"), let minutes = number(2), index == text.count, hours <= 14,
                minutes < 60
            else { return failure(.notAnOffset(zone), at: zoneStart) }
            result.utcOffsetSeconds = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return failure(.unknownZone(zone), at: zoneStart)
        }
        return .success(result)
    }
}

let monthNamesEnglish = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
