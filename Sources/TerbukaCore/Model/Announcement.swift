import Foundation

public struct Announcement: Sendable {
    public var slug: String
    public var title: String
    public var date: ContentDate
    public var vacancyID: String?
    public var category: AnnouncementCategory
    public var number: String?
    public var attachments: [Attachment]
    public var pinned: Bool
    public var expires: ContentDate?
    public var draft: Bool
    public var body: MarkdownSource
    public var sourcePath: String
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
