/// What every page's template sees: the site's chrome (title, menu, interface strings,
/// the prefix back to the root) and the page's own view under `body`.
struct PageView<Body: Sendable>: Sendable {
    var lang: String
    /// Relative prefix from this page to the output root ("", "../", "../../").
    var root: String
    var t: [String: String]
    var site: SiteView
    var nav: [NavItem]
    /// The same page in the site's other interface languages.
    var alternates: [AlternateLink]
    var pageTitle: String
    var description: String
    var body: Body
}

struct SiteView: Sendable {
    var title: String
    var agency: String
    var region: String?
    var sampleData: Bool
    var homeHref: String
    var contact: ContactView?
}

struct ContactView: Sendable {
    var address: String?
    var phone: String?
    var email: String?
    var emailHref: String?
    var hours: String?
}

struct NavItem: Sendable {
    var title: String
    var href: String
    var current: Bool
}

struct LinkView: Sendable {
    var title: String
    var href: String
}

struct AlternateLink: Sendable {
    var lang: String
    var label: String
    var href: String
}
