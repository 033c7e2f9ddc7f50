/// schema.org JobPosting per formation, as JSON-LD for the page that lists the formation
/// (the vacancy's page or a further page of its formations). The text is made
/// by ByteWriter.json, which escapes `<`, `>` and `&`, so nothing in it can end the
/// `<script>` element.
enum JobPostings {
    static func jsonLD(
        _ vacancy: Vacancy, formations: ArraySlice<Formation>, page: String, index: SiteIndex,
        label: (String) -> String
    ) -> String {
        let config = index.content.config
        let deadline = Timeline.registrationDeadline(for: vacancy)
        var out = ByteWriter()
        out.raw("{\"@context\":\"https://schema.org\",\"@graph\":[")
        for (number, formation) in formations.enumerated() {
            if number > 0 { out.raw(",") }
            out.raw("\n{\"@type\":\"JobPosting\",\"title\":")
            out.json(formation.position)
            out.raw(",\"description\":")
            var description =
                "\(vacancy.title). Formasi \(formation.code): \(formation.position), \(formation.unit). Jenis formasi: \(label(formation.kind))."
            if let education = formation.education { description += " Kualifikasi pendidikan: \(education)." }
            if let summary = vacancy.summary { description += " \(summary)" }
            out.json(description)
            out.raw(",\"identifier\":{\"@type\":\"PropertyValue\",\"name\":")
            out.json(config.agency)
            out.raw(",\"value\":")
            out.json(formation.code)
            out.raw("},\"datePosted\":")
            out.json(vacancy.published.iso8601)
            if let deadline {
                out.raw(",\"validThrough\":")
                out.json(deadline.iso8601Seconds)
            }
            out.raw(",\"hiringOrganization\":{\"@type\":\"GovernmentOrganization\",\"name\":")
            out.json(config.agency)
            if let base = config.baseURL {
                out.raw(",\"sameAs\":")
                out.json(base)
            }
            out.raw(
                "},\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":")
            out.json(formation.unit)
            if let region = config.region {
                out.raw(",\"addressRegion\":")
                out.json(region)
            }
            out.raw(",\"addressCountry\":\"ID\"}}")
            if formation.salaryMin != nil || formation.salaryMax != nil {
                out.raw(
                    ",\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"IDR\",\"value\":{\"@type\":\"QuantitativeValue\""
                )
                if let min = formation.salaryMin {
                    out.raw(",\"minValue\":")
                    out.integer(min)
                }
                if let max = formation.salaryMax {
                    out.raw(",\"maxValue\":")
                    out.integer(max)
                }
                out.raw(",\"unitText\":\"MONTH\"}}")
            }
            out.raw(",\"totalJobOpenings\":")
            out.integer(formation.quota)
            out.raw(
                vacancy.kind == .cpns
                    ? ",\"employmentType\":\"FULL_TIME\"" : ",\"employmentType\":[\"FULL_TIME\",\"CONTRACTOR\"]")
            if let education = formation.education {
                out.raw(",\"educationRequirements\":")
                out.json(education)
            }
            if let base = config.baseURL {
                out.raw(",\"url\":")
                // The page that lists the formation.
                out.json(base + page)
            }
            out.raw("}")
        }
        out.raw("\n]}")
        return out.string
    }
}
