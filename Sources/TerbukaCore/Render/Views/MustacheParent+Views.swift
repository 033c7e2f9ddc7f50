import Mustache

// The views every page renders answer the template engine's lookups directly instead of
// through reflection (Mirror): measured with perf on a 100,000-row site, reflection on
// these took 11 % of the build.

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "root": root
        case "t": t
        case "site": site
        case "nav": nav
        case "alternates": alternates
        case "pageTitle": pageTitle
        case "description": description
        case "body": body
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "agency": agency
        case "region": region as Any?
        case "sampleData": sampleData
        case "homeHref": homeHref
        case "contact": contact as Any?
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension ResultPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "vacancyTitle": vacancyTitle
        case "vacancyHref": vacancyHref
        case "stageLabel": stageLabel
        case "number": number as Any?
        case "published": published
        case "publishedISO": publishedISO
        case "objection": objection as Any?
        case "legend": legend
        case "basis": basis
        case "hasBasis": hasBasis
        case "lookup": lookup
        case "isFirstPage": isFirstPage
        case "pageLabel": pageLabel
        case "directory": directory
        case "hasDirectory": hasDirectory
        case "isPaged": isPaged
        case "firstPageHref": firstPageHref
        case "sectionsHTML": sectionsHTML
        case "previousHref": previousHref as Any?
        case "nextHref": nextHref as Any?
        case "downloads": downloads
        case "statisticsHref": statisticsHref
        case "moves": moves
        case "hasMoves": hasMoves
        case "replaces": replaces as Any?
        default: nil
        }
    }
}
