/// The validate stage: parses every loaded file into the typed model, collecting every
/// problem. Items with errors are left out of the model; the run reports them all.
public enum ContentValidator {
    public static func validate(_ loaded: LoadedContent, includeDrafts: Bool, into diagnostics: inout Diagnostics)
        -> SiteContent?
    {
        validate(loaded, includeDrafts: includeDrafts, memo: nil, into: &diagnostics)
    }

    /// `memo`: an incremental build's notices from the previous build, taken where their
    /// file and what they are validated against have not changed.
    static func validate(
        _ loaded: LoadedContent, includeDrafts: Bool, memo: NoticeMemo?, into diagnostics: inout Diagnostics
    ) -> SiteContent? {
        let config = configuration(loaded, into: &diagnostics)
        return validate(loaded, config: config, includeDrafts: includeDrafts, memo: memo, into: &diagnostics)
    }

    /// site.yml's settings, validated first (a build starts loading the theme they name while
    /// the rest is validated); nil when it is missing or not valid.
    static func configuration(_ loaded: LoadedContent, into diagnostics: inout Diagnostics) -> SiteConfig? {
        loaded.siteConfig.flatMap { SiteConfigValidator.validate($0, into: &diagnostics) }
    }

    /// The rest of the content, validated against `config` (`configuration`'s).
    static func validate(
        _ loaded: LoadedContent, config: SiteConfig?, includeDrafts: Bool, memo: NoticeMemo?,
        into diagnostics: inout Diagnostics
    ) -> SiteContent? {
        // Without a valid site.yml the rest is still checked, reading times as WIB, so
        // that one run reports every problem.
        let zone = config?.timeZone ?? .jakarta
        var vacancies = loaded.vacancies.compactMap { VacancyValidator.validate($0, zone: zone, into: &diagnostics) }
        let attachments = AttachmentIndex(loaded.attachments)
        let vacancyIDs = loaded.vacancies.map(\.id)
        // Thousands of notices on a large site: read on every core, reported in file order.
        let context = NoticeRecord.context(zone: zone, vacancyIDs: vacancyIDs, attachments: loaded.attachments)
        var announcements = Parallel.compactMap(loaded.announcements, into: &diagnostics) { file, diagnostics in
            let validate = { (file: SourceFile, diagnostics: inout Diagnostics) in
                AnnouncementValidator.validate(
                    file, zone: zone, vacancyIDs: vacancyIDs, attachments: attachments, into: &diagnostics)
            }
            guard let memo else { return validate(file, &diagnostics) }
            return memo.notice(file, context: context, attachments: attachments, into: &diagnostics, validate: validate)
        }
        let pages = loaded.pages.compactMap { PageValidator.validate($0, into: &diagnostics) }
        if !includeDrafts {
            let draftVacancies = Set(vacancies.filter(\.draft).map(\.id))
            vacancies.removeAll(where: \.draft)
            announcements.removeAll(where: \.draft)
            for announcement in announcements {
                if let id = announcement.vacancyID, draftVacancies.contains(id) {
                    diagnostics.warning(
                        .announcementOfDraftVacancy(id), at: SourceLocation(path: announcement.sourcePath))
                }
            }
        }
        let files = loaded.attachments.filter { !$0.leadsOutside }.map {
            Attachment(path: $0.path, size: $0.size, source: $0.url)
        }
        guard let config else { return nil }
        return SiteContent(
            config: config, vacancies: vacancies, announcements: announcements, pages: pages, files: files)
    }
}
