/// iCalendar (RFC 5545) text: the one place where ICS text is escaped and lines folded.
/// Times are written in UTC (`…Z`), so no VTIMEZONE is needed; stages given as dates
/// are all-day events whose DTEND is the day after the last day (RFC 5545 §3.6.1).
public struct ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var summary: String
        public var start: ContentDate
        public var end: ContentDate
        public var location: String?
        public var description: String?
        public var url: String?
    }

    public var name: String
    public var events: [Event]
    /// Seconds since the Unix epoch, written as DTSTAMP.
    public var stamp: Int

    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Terbuka//Terbuka \(TerbukaVersion.current)//ID",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escape(name),
        ]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escape(event.uid), "DTSTAMP:" + DateText.basicUTC(stamp)]
            if !event.start.hasTime, !event.end.hasTime {
                lines.append("DTSTART;VALUE=DATE:" + DateText.basicDate(event.start.date))
                lines.append(
                    "DTEND;VALUE=DATE:"
                        + DateText.basicDate(CivilDate(daysSinceEpoch: event.end.date.daysSinceEpoch + 1)))
            } else {
                lines.append("DTSTART:" + DateText.basicUTC(event.start.instant))
                lines.append("DTEND:" + DateText.basicUTC(max(event.end.endInstant, event.start.instant)))
            }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if let location = event.location { lines.append("LOCATION:" + Self.escape(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + Self.escape(description)) }
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                // TEXT holds no control characters (RFC 5545 §3.1: CTL is excluded).
                if character.unicodeScalars.contains(where: ControlCharacters.isForbidden) { continue }
                result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets continue on the next line after CRLF and a space,
    /// never splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += size
        }
        return result
    }
}
