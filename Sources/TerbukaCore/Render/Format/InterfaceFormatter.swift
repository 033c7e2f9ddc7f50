/// Dates and numbers as the interface language writes them. One formatter per language.
public protocol InterfaceFormatter: Sendable {
    /// "Senin, 19 Agustus 2024"
    func longDate(_ date: CivilDate) -> String
    /// "19 Agustus 2024"
    func mediumDate(_ date: CivilDate) -> String
    /// "pukul 09.00 WITA"
    func time(minuteOfDay: Int, zone: String) -> String
    /// "20 Agustus s.d. 10 September 2024"
    func dateRange(_ start: CivilDate, _ end: CivilDate) -> String
    /// "Rabu, 16 Oktober 2024 pukul 08.00 s.d. 10.00 WITA"
    func sameDayRange(_ day: CivilDate, from start: Int, to end: Int, zone: String) -> String
    /// "1.234"
    func integer(_ value: Int) -> String
    /// "Rp5.000.000"
    func rupiah(_ value: Int) -> String
    /// "1,2 MB"
    func fileSize(_ bytes: Int) -> String
    /// The thousands separator and decimal mark, for output written as bytes.
    var groupingMark: UInt8 { get }
    var decimalMark: UInt8 { get }
}

extension InterfaceFormatter {
    /// A date, or a date-time shown in the zone it was written in (WIB, WITA, WIT) or else
    /// in the site's zone.
    public func dateTime(_ value: ContentDate, siteZone: SiteTimeZone) -> String {
        guard value.minuteOfDay != nil else { return longDate(value.date) }
        let (offset, label) = DisplayZone.of(value, siteZone: siteZone)
        let local = ContentDate(instant: value.instant, offset: offset)
        return longDate(local.date) + " " + time(minuteOfDay: local.minuteOfDay ?? 0, zone: label)
    }

    /// A stage's span: dates alone as a date range, one day's times once with its date,
    /// else both date-times (each in the zone it was written in).
    public func span(_ start: ContentDate, _ end: ContentDate, siteZone: SiteTimeZone, until: String) -> String {
        if !start.hasTime, !end.hasTime { return dateRange(start.date, end.date) }
        if start.hasTime, end.hasTime,
            DisplayZone.of(start, siteZone: siteZone) == DisplayZone.of(end, siteZone: siteZone)
        {
            let (offset, label) = DisplayZone.of(start, siteZone: siteZone)
            let first = ContentDate(instant: start.instant, offset: offset)
            let last = ContentDate(instant: end.instant, offset: offset)
            if first.date == last.date, let from = first.minuteOfDay, let to = last.minuteOfDay {
                return from == to
                    ? dateTime(start, siteZone: siteZone) : sameDayRange(first.date, from: from, to: to, zone: label)
            }
        }
        return "\(dateTime(start, siteZone: siteZone)) \(until) \(dateTime(end, siteZone: siteZone))"
    }

    /// The local day on which `value` falls (start of a range).
    public func localDay(_ value: ContentDate, siteZone: SiteTimeZone) -> CivilDate {
        guard value.minuteOfDay != nil else { return value.date }
        return ContentDate(instant: value.instant, offset: DisplayZone.of(value, siteZone: siteZone).offset).date
    }
}

enum DisplayZone {
    static func of(_ value: ContentDate, siteZone: SiteTimeZone) -> (offset: Int, label: String) {
        if let named = SiteTimeZone.abbreviations.first(where: { $0.value == value.utcOffsetSeconds }) {
            return (named.value, named.key)
        }
        return (siteZone.utcOffsetSeconds, siteZone.abbreviation)
    }
}

public enum Formatters {
    public static func formatter(for language: Language) -> any InterfaceFormatter {
        switch language {
        case .id: IndonesianFormatter()
        case .en: EnglishFormatter()
        }
    }

    /// Groups of three digits joined by `separator`.
    static func grouped(_ value: Int, separator: String) -> String {
        if value >= 0, value < 1000 { return String(value) }
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: separator)
    }

    /// One decimal for kB and MB, as "1,2" or "1.2".
    static func fileSize(_ bytes: Int, decimalMark: String, units: (String, String, String)) -> String {
        if bytes < 1000 { return "\(bytes) \(units.0)" }
        let (value, unit) = bytes < 1_000_000 ? (bytes, units.1) : (bytes / 1000, units.2)
        let tenths = (value + 50) / 100
        return "\(tenths / 10)\(decimalMark)\(tenths % 10) \(unit)"
    }
}

public struct IndonesianFormatter: InterfaceFormatter {
    static let months = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
        "September", "Oktober", "November", "Desember",
    ]
    static let weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    public init() {}

    public func longDate(_ date: CivilDate) -> String {
        "\(Self.weekdays[date.weekday]), \(mediumDate(date))"
    }

    public func mediumDate(_ date: CivilDate) -> String {
        "\(date.day) \(Self.months[date.month - 1]) \(date.year)"
    }

    public func time(minuteOfDay: Int, zone: String) -> String {
        "pukul \(DateText.twoDigits(minuteOfDay / 60)).\(DateText.twoDigits(minuteOfDay % 60)) \(zone)"
    }

    public func dateRange(_ start: CivilDate, _ end: CivilDate) -> String {
        if start == end { return mediumDate(start) }
        if start.year != end.year { return "\(mediumDate(start)) s.d. \(mediumDate(end))" }
        if start.month != end.month {
            return "\(start.day) \(Self.months[start.month - 1]) s.d. \(mediumDate(end))"
        }
        return "\(start.day) s.d. \(mediumDate(end))"
    }

    public func sameDayRange(_ day: CivilDate, from start: Int, to end: Int, zone: String) -> String {
        "\(longDate(day)) pukul \(DateText.twoDigits(start / 60)).\(DateText.twoDigits(start % 60)) s.d. "
            + "\(DateText.twoDigits(end / 60)).\(DateText.twoDigits(end % 60)) \(zone)"
    }

    public func integer(_ value: Int) -> String { Formatters.grouped(value, separator: ".") }

    public var groupingMark: UInt8 { UInt8(ascii: ".") }
    public var decimalMark: UInt8 { UInt8(ascii: ",") }

    public func rupiah(_ value: Int) -> String { "Rp" + integer(value) }

    public func fileSize(_ bytes: Int) -> String {
        Formatters.fileSize(bytes, decimalMark: ",", units: ("bita", "kB", "MB"))
    }
}

public struct EnglishFormatter: InterfaceFormatter {
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    public init() {}

    public func longDate(_ date: CivilDate) -> String {
        "\(Self.weekdays[date.weekday]), \(mediumDate(date))"
    }

    public func mediumDate(_ date: CivilDate) -> String {
        "\(date.day) \(monthNamesEnglish[date.month - 1]) \(date.year)"
    }

    public func time(minuteOfDay: Int, zone: String) -> String {
        "at \(DateText.twoDigits(minuteOfDay / 60)):\(DateText.twoDigits(minuteOfDay % 60)) \(zone)"
    }

    public func dateRange(_ start: CivilDate, _ end: CivilDate) -> String {
        if start == end { return mediumDate(start) }
        if start.year != end.year { return "\(mediumDate(start)) – \(mediumDate(end))" }
        if start.month != end.month {
            return "\(start.day) \(monthNamesEnglish[start.month - 1]) – \(mediumDate(end))"
        }
        return "\(start.day)–\(mediumDate(end))"
    }

    public func sameDayRange(_ day: CivilDate, from start: Int, to end: Int, zone: String) -> String {
        "\(longDate(day)), \(DateText.twoDigits(start / 60)):\(DateText.twoDigits(start % 60))–"
            + "\(DateText.twoDigits(end / 60)):\(DateText.twoDigits(end % 60)) \(zone)"
    }

    public func integer(_ value: Int) -> String { Formatters.grouped(value, separator: ",") }

    public var groupingMark: UInt8 { UInt8(ascii: ",") }
    public var decimalMark: UInt8 { UInt8(ascii: ".") }

    public func rupiah(_ value: Int) -> String { "IDR " + integer(value) }

    public func fileSize(_ bytes: Int) -> String {
        Formatters.fileSize(bytes, decimalMark: ".", units: ("bytes", "kB", "MB"))
    }
}
