/// Dates and times as machines read them: ISO 8601 / RFC 3339 for data, feeds and
/// JSON-LD, the basic form for iCalendar, the plain form for messages. The interface
/// language's forms are InterfaceFormatter's.
public enum DateText {
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// `2024-10-16T00:00:00Z`
    static func utcISO(_ instant: Int) -> String {
        let value = ContentDate(instant: instant, offset: 0)
        let minutes = value.minuteOfDay ?? 0
        return "\(value.date)T\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60)):\(twoDigits(value.seconds))Z"
    }

    /// `20241016T000000Z` (iCalendar, RFC 5545).
    static func basicUTC(_ instant: Int) -> String {
        let value = ContentDate(instant: instant, offset: 0)
        let minutes = value.minuteOfDay ?? 0
        return basicDate(value.date) + "T" + twoDigits(minutes / 60) + twoDigits(minutes % 60)
            + twoDigits(value.seconds) + "Z"
    }

    /// `20241016` (iCalendar, RFC 5545).
    static func basicDate(_ day: CivilDate) -> String {
        String(day.year) + twoDigits(day.month) + twoDigits(day.day)
    }

    static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return "\(seconds < 0 ? "-" : "+")\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }
}

extension ContentDate {
    /// `2024-08-19`, or `2024-08-19T09:00:00+08:00` with a time.
    public var iso8601: String {
        guard let minutes = minuteOfDay else { return date.description }
        return "\(date)T\(DateText.twoDigits(minutes / 60)):\(DateText.twoDigits(minutes % 60)):00"
            + DateText.offset(utcOffsetSeconds)
    }

    /// `2024-09-10T23:59:59+08:00`: to the second, for ends of days.
    public var iso8601Seconds: String {
        let minutes = minuteOfDay ?? 0
        return
            "\(date)T\(DateText.twoDigits(minutes / 60)):\(DateText.twoDigits(minutes % 60)):\(DateText.twoDigits(seconds))"
            + DateText.offset(utcOffsetSeconds)
    }

    /// RFC 3339 date-time: a date alone is the start of that day in its zone.
    public var rfc3339: String {
        var value = self
        if value.minuteOfDay == nil { value.minuteOfDay = 0 }
        return value.iso8601
    }

    /// `2024-08-19` or `2024-08-19 09:00`, as written in content: for messages.
    public var plainText: String {
        guard let minutes = minuteOfDay else { return date.description }
        return "\(date) \(DateText.twoDigits(minutes / 60)):\(DateText.twoDigits(minutes % 60))"
    }
}
