import Foundation

/// What the validate stage made of one notice (`announcements/<slug>.md`), kept in the
/// build's state so that the next build takes it instead of reading, parsing and validating
/// the file again: when the file has the same SHA-256 and is validated against the same
/// site (`context`: the time zone, the vacancies and the attachments it may name). On a
/// site of 10,000 notices that is most of an incremental build's load and validate stages
/// (issue 16). The notice's body is not kept: it is read from its file when its page must
/// be made again (`DeferredBody`).
struct NoticeRecord: Sendable, Equatable {
    var sha256: String
    var context: String
    var title: String
    var date: ContentDate
    var vacancyID: String?
    var category: AnnouncementCategory
    var number: String?
    /// Paths under `content/files/`.
    var attachments: [String]
    var pinned: Bool
    var expires: ContentDate?
    var draft: Bool
    var bodyFirstLine: Int
    /// The warnings validating it gave, given again when it is taken.
    var warnings: [Diagnostic]

    init(_ announcement: Announcement, sha256: String, context: String, warnings: [Diagnostic]) {
        (self.sha256, self.context, self.warnings) = (sha256, context, warnings)
        (title, date, vacancyID, category) =
            (announcement.title, announcement.date, announcement.vacancyID, announcement.category)
        (number, attachments, pinned) = (announcement.number, announcement.attachments.map(\.path), announcement.pinned)
        (expires, draft, bodyFirstLine) = (announcement.expires, announcement.draft, announcement.body.firstLine)
    }

    /// The notice at `path`, its attachments found in `attachments` and its body in `body`;
    /// nil when an attachment is no longer there.
    func announcement(path: String, body: DeferredBody, attachments index: AttachmentIndex) -> Announcement? {
        var resolved: [Attachment] = []
        for path in attachments {
            guard let attachment = index.attachment(at: path) else { return nil }
            resolved.append(attachment)
        }
        return Announcement(
            slug: AnnouncementValidator.stem(of: path), title: title, date: date, vacancyID: vacancyID,
            category: category, number: number, attachments: resolved, pinned: pinned, expires: expires,
            draft: draft, body: MarkdownSource(deferred: { body.text }, firstLine: bodyFirstLine, path: path),
            sourcePath: path)
    }

    /// What a notice is validated against, as one SHA-256.
    static func context(zone: SiteTimeZone, vacancyIDs: [String], attachments: [LoadedAttachment]) -> String {
        var text = "zone \(zone.identifier) \(zone.utcOffsetSeconds)\n"
        for id in vacancyIDs { text += "vacancy \(BuildState.escape(id))\n" }
        for attachment in attachments {
            text += "file \(attachment.size) \(attachment.leadsOutside) \(BuildState.escape(attachment.path))\n"
        }
        return Digest.sha256(Data(text.utf8))
    }
}

// MARK: - One line of the state file

extension NoticeRecord: StateRecord {
    /// Tab-separated fields, each escaped: path, SHA-256, context, title, date, vacancy,
    /// category, number, pinned, expires, draft, the body's first line, the warnings (JSON),
    /// then the attachments. An absent optional is empty; a present one starts with `=`.
    func line(path: String) -> String {
        var text = ByteWriter()
        write(path: path, into: &text)
        return text.string
    }

    /// `line(path:)` written where it goes, field by field: 10,000 notices' lines made as
    /// strings and joined were a twentieth of a build after one edit (perf).
    func write(path: String, into text: inout ByteWriter) {
        func field(_ value: String, first: Bool = false) {
            if !first { text.raw("\t") }
            text.raw(BuildState.escape(value))
        }
        func optional(_ value: String?) {
            text.raw("\t")
            if let value {
                text.raw("=")
                text.raw(BuildState.escape(value))
            }
        }
        field(path, first: true)
        field(sha256)
        field(context)
        field(title)
        text.raw("\t")
        Self.write(date, into: &text)
        optional(vacancyID)
        field(category.rawValue)
        optional(number)
        text.raw(pinned ? "\t1\t" : "\t0\t")
        if let expires { Self.write(expires, into: &text) }
        text.raw(draft ? "\t1\t" : "\t0\t")
        text.integer(bodyFirstLine)
        let stored = warnings.isEmpty ? nil : try? JSONEncoder().encode(warnings.map(StoredDiagnostic.init))
        field(stored.map { String(decoding: $0, as: UTF8.self) } ?? "")
        for attachment in attachments { field(attachment) }
    }

    static func read(_ line: ArraySlice<UInt8>) -> (String, Self)? {
        let fields = BuildState.Fields(line).tabSeparated()
        guard fields.count >= 13, let date = read(date: fields[4]),
            let category = AnnouncementCategory(rawValue: fields[6]), let pinned = flag(fields[8]),
            let draft = flag(fields[10]), let bodyFirstLine = Int(fields[11]), bodyFirstLine >= 1
        else { return nil }
        var expires: ContentDate?
        if !fields[9].isEmpty {
            guard let date = read(date: fields[9]) else { return nil }
            expires = date
        }
        var warnings: [Diagnostic] = []
        if !fields[12].isEmpty {
            guard let stored = try? JSONDecoder().decode([StoredDiagnostic].self, from: Data(fields[12].utf8)) else {
                return nil
            }
            warnings = stored.map(\.diagnostic)
        }
        guard let vacancyID = optional(fields[5]), let number = optional(fields[7]) else { return nil }
        let record = NoticeRecord(
            sha256: fields[1], context: fields[2], title: fields[3], date: date, vacancyID: vacancyID,
            category: category, number: number, attachments: Array(fields[13...]), pinned: pinned,
            expires: expires, draft: draft, bodyFirstLine: bodyFirstLine, warnings: warnings)
        return (fields[0], record)
    }

    private init(
        sha256: String, context: String, title: String, date: ContentDate, vacancyID: String?,
        category: AnnouncementCategory, number: String?, attachments: [String], pinned: Bool, expires: ContentDate?,
        draft: Bool, bodyFirstLine: Int, warnings: [Diagnostic]
    ) {
        (self.sha256, self.context, self.title, self.date, self.vacancyID) = (sha256, context, title, date, vacancyID)
        (self.category, self.number, self.attachments, self.pinned) = (category, number, attachments, pinned)
        (self.expires, self.draft, self.bodyFirstLine, self.warnings) = (expires, draft, bodyFirstLine, warnings)
    }

    /// "" → nil (absent); "=x" → x; anything else is not a field of this format.
    private static func optional(_ field: String) -> String?? {
        if field.isEmpty { return .some(nil) }
        guard field.hasPrefix("=") else { return nil }
        return .some(String(field.dropFirst()))
    }

    private static func flag(_ field: String) -> Bool? {
        field == "1" ? true : field == "0" ? false : nil
    }

    /// Year, month, day, minute of the day ("-": none), seconds, UTC offset in seconds.
    private static func write(_ date: ContentDate, into text: inout ByteWriter) {
        let day = date.date
        for number in [day.year, day.month, day.day] {
            text.integer(number)
            text.raw(" ")
        }
        if let minute = date.minuteOfDay { text.integer(minute) } else { text.raw("-") }
        text.raw(" ")
        text.integer(date.seconds)
        text.raw(" ")
        text.integer(date.utcOffsetSeconds)
    }

    private static func read(date field: String) -> ContentDate? {
        // Field by field, not split (a third of reading a notice's record, perf).
        guard field.utf8.last != UInt8(ascii: " ") else { return nil }
        var fields = BuildState.Fields(ArraySlice(field.utf8))
        // The years content dates may have: a record's date is never one no file could give.
        guard let year = fields.integer(), (1970...2099).contains(year), let month = fields.integer(),
            let day = fields.integer(), let civil = CivilDate(year: year, month: month, day: day)
        else { return nil }
        var minute: Int?
        if fields.bytes.first == UInt8(ascii: "-"), fields.bytes.dropFirst().first == UInt8(ascii: " ") {
            fields.skipWord()
        } else {
            guard let value = fields.integer(), (0..<1440).contains(value) else { return nil }
            minute = value
        }
        guard let seconds = fields.integer(), (0..<60).contains(seconds), let offset = fields.integer(),
            abs(offset) <= 86_400, fields.bytes.isEmpty
        else { return nil }
        var date = ContentDate(date: civil, minuteOfDay: minute, utcOffsetSeconds: offset)
        date.seconds = seconds
        return date
    }
}

/// The previous build's notice records and the SHA-256 of every input now; collects this
/// build's records for the next one.
final class NoticeMemo: @unchecked Sendable {
    /// By path; each with its line in `previousLines` when read from the state's file.
    private let previous: [String: (record: NoticeRecord, line: Range<Int>?)]
    private let previousLines: [UInt8]
    private let inputs: [String: BuildState.Input]
    private let lock = NSLock()
    /// The records kept: those taken from the previous build as their lines, the others
    /// (made by this build) as records.
    private var keptLines: [Range<Int>] = []
    private var made: [String: NoticeRecord] = [:]
    private var deferred: [DeferredBody] = []
    /// The site's `content/`: a notice the loader did not look at is looked at before it is
    /// read, as the loader looks at every file it reads (`ContentLoader.refusal`).
    private let contentRoot: URL

    /// `previous`: the previous build's notices, as read from its state.
    init(previous: BuildState.LazyRecords<NoticeRecord>?, inputs: [String: BuildState.Input], contentRoot: URL) {
        self.contentRoot = contentRoot
        if let read = previous?.recordsWithLines {
            self.previous = read.records
            previousLines = read.bytes
        } else {
            self.previous = (previous?.records ?? [:]).mapValues { ($0, nil) }
            previousLines = []
        }
        self.inputs = inputs
        // Room for every notice at once: grown one by one, 10,000 notices' records were
        // copied into a larger table again and again (perf).
        keptLines.reserveCapacity(self.previous.count)
        deferred.reserveCapacity(self.previous.count)
    }

    /// The notices whose file has the SHA-256 it had: the loader need not read them.
    var unread: Set<String> {
        // Paths alone: filtering the records copied each one (about 17 ms of one core for
        // 10,000 notices, perf).
        var paths = Set<String>(minimumCapacity: previous.count)
        for (path, (record, _)) in previous where !record.sha256.isEmpty && inputs[path]?.sha256 == record.sha256 {
            paths.insert(path)
        }
        return paths
    }

    /// This build's records, for its state: those taken from the previous build are its
    /// lines, written again as they are (made anew, 10,000 notices' lines were 2 % of a build
    /// after one edit, perf).
    var records: BuildState.LazyRecords<NoticeRecord> {
        lock.withLock {
            keptLines.isEmpty
                ? .parsed(made)
                : .lines(bytes: previousLines, keptLines.sorted { $0.lowerBound < $1.lowerBound }, more: made)
        }
    }

    /// The notices taken whose file no longer held what was validated when their body was
    /// read (changed while the build ran): their pages would mix two versions.
    var changedDuringBuild: [String] {
        lock.withLock { deferred.filter(\.changed).map(\.path).sorted() }
    }

    /// The notice in `file`: the previous build's, when its file and `context` are the ones
    /// it had (its warnings given again); else read if it was not, and validated by
    /// `validate`.
    func notice(
        _ file: SourceFile, context: String, attachments: AttachmentIndex, into diagnostics: inout Diagnostics,
        validate: (SourceFile, inout Diagnostics) -> Announcement?
    ) -> Announcement? {
        if let (record, line) = previous[file.path], let sha256 = inputs[file.path]?.sha256, record.sha256 == sha256,
            record.context == context,
            case let body = DeferredBody(url: file.url, sha256: sha256, path: file.path, contentRoot: contentRoot),
            let announcement = record.announcement(path: file.path, body: body, attachments: attachments)
        {
            for warning in record.warnings { diagnostics.warning(warning.message, at: warning.location) }
            lock.withLock {
                if let line { keptLines.append(line) } else { made[file.path] = record }
                deferred.append(body)
            }
            return announcement
        }
        var file = file
        if file.unread {
            // Read as the loader reads: changed since the scan into something it refuses (a
            // link leading out of content/, a FIFO that would hang the read), refused.
            guard
                let data = ContentLoader.contents(
                    of: file.url, path: file.path, contentRoot: contentRoot, into: &diagnostics)
            else { return nil }
            file.data = data
            file.unread = false
        }
        var local = Diagnostics()
        let announcement = validate(file, &local)
        diagnostics.append(contentsOf: local)
        if let announcement, !local.hasErrors {
            let record = NoticeRecord(
                announcement, sha256: Digest.sha256(file.data), context: context, warnings: local.all)
            lock.withLock { made[file.path] = record }
        }
        return announcement
    }
}

/// The body of a notice taken from the previous build, read from its file once, when first
/// wanted, and only if the file still has the SHA-256 that was validated: otherwise (the
/// file changed or went while the build ran) the body is empty and `changed` says so, and
/// the build stops rather than publish a page made of two versions of the notice.
final class DeferredBody: @unchecked Sendable {
    let url: URL
    let sha256: String
    let path: String
    private let lock = NSLock()
    private var body: String?
    private var failed = false

    /// The site's `content/`: a file refused there (ContentLoader.refusal) is not read.
    let contentRoot: URL

    init(url: URL, sha256: String, path: String, contentRoot: URL) {
        (self.url, self.sha256, self.path, self.contentRoot) = (url, sha256, path, contentRoot)
    }

    var text: String {
        lock.withLock {
            if let body { return body }
            var ignored = Diagnostics()
            // Read as the loader reads: changed since the scan into something it refuses (a
            // link leading out of content/, a FIFO that would hang the read), not read, and the
            // build stops.
            if let data = ContentLoader.contents(of: url, path: path, contentRoot: contentRoot, into: &ignored),
                Digest.sha256(data) == sha256,
                let document = MarkdownDocumentReader.split(data, path: path, into: &ignored)
            {
                body = document.body
            } else {
                body = ""
                failed = true
            }
            return body!
        }
    }

    /// True when the body was wanted and the file no longer held it.
    var changed: Bool { lock.withLock { failed } }
}
