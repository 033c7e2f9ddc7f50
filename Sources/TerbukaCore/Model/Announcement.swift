import Foundation

/// A notice, as validated. A class: the index, the lists and the pages pass notices around
/// by the thousand, and a struct of this many fields was copied field by field each time
/// (4 % of the CPU of a build after one edit on 10,000 notices, perf). Never changed once
/// made.
public final class Announcement: Sendable {
    public let slug: String
    public let title: String
    public let date: ContentDate
    public let vacancyID: String?
    public let category: AnnouncementCategory
    public let number: String?
    public let attachments: [Attachment]
    public let pinned: Bool
    public let expires: ContentDate?
    public let draft: Bool
    public let body: MarkdownSource
    public let sourcePath: String

    init(
        slug: String, title: String, date: ContentDate, vacancyID: String?, category: AnnouncementCategory,
        number: String?, attachments: [Attachment], pinned: Bool, expires: ContentDate?, draft: Bool,
        body: MarkdownSource, sourcePath: String
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.vacancyID = vacancyID
        self.category = category
        self.number = number
        self.attachments = attachments
        self.pinned = pinned
        self.expires = expires
        self.draft = draft
        self.body = body
        self.sourcePath = sourcePath
    }
}

public enum AnnouncementCategory: String, CaseIterable, Sendable {
    case pengumuman
    case ralat
    case jadwal
    case hasil
    case informasi
}

/// A file under `content/files/`, published at the same path under the output.
public struct Attachment: Hashable, Sendable {
    /// Path relative to `content/files/`, with '/' separators.
    public var path: String
    public var size: Int
    /// Where the file is on disk.
    public var source: URL

    public var outputPath: String { "files/" + path }
    public var fileName: String { String(path.split(separator: "/").last ?? Substring(path)) }
}

/// A standing page: about, contact, FAQ, privacy.
public struct StandingPage: Sendable {
    public var slug: String
    public var title: String
    public var order: Int?
    public var menu: Bool
    public var body: MarkdownSource
    public var sourcePath: String
}

/// The whole validated content of a site.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var vacancies: [Vacancy]
    public var announcements: [Announcement]
    public var pages: [StandingPage]
    public var files: [Attachment]
}
