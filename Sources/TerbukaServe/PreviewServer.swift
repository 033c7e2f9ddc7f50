// TerbukaServe: `terbuka serve`, a preview on 127.0.0.1 only. It owns the HTTP server,
// file watching and live reload, and must not change how a site is built or published:
// it calls TerbukaCore's build and serves what that wrote.

import Foundation
import TerbukaCore

/// `terbuka serve`: builds the site, serves it on 127.0.0.1, watches `content/` and
/// `themes/`, rebuilds on change and reloads open pages. When a rebuild fails the last
/// good build keeps being served, with the problems shown on every page as well as in the
/// terminal.
public final class PreviewServer: Sendable {
    public let options: BuildOptions
    let state = State()
    let server: LoopbackHTTPServer
    let log: @Sendable (String) -> Void
    /// The language of the messages it logs and shows over a failed build.
    public let language: Language

    /// The outcome of the latest build, shared by the watcher and the connection threads.
    final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var generation = 0
        private var problems: [Diagnostic] = []
        private var failed = false

        func record(_ report: BuildReport) {
            lock.lock()
            defer { lock.unlock() }
            generation += 1
            failed = !report.succeeded
            problems = report.diagnostics.sorted
        }

        var snapshot: (generation: Int, failed: Bool, problems: [Diagnostic]) {
            lock.lock()
            defer { lock.unlock() }
            return (generation, failed, problems)
        }
    }

    public init(
        options: BuildOptions, port: UInt16, language: Language = .id, log: @escaping @Sendable (String) -> Void
    ) throws {
        self.language = language
        self.options = options
        self.log = log
        server = try LoopbackHTTPServer(port: port)
    }

    /// The port the server listens on (useful when it was asked for port 0).
    public func port() async throws -> Int? { server.port }

    /// Builds, then serves and watches until cancelled.
    public func run() async throws {
        server.start { [self] request in respond(to: request) }
        await rebuild()
        try await withTaskCancellationHandler {
            try await watch()
        } onCancel: {
            server.stop()
        }
    }

    public func stop() async {
        server.stop()
    }

    func rebuild() async {
        let report = await SiteBuilder(options: options).build()
        state.record(report)
        for diagnostic in report.diagnostics.sorted { log(diagnostic.line(in: language)) }
        log((report.succeeded ? Bilingual.previewBuilt(pages: report.pagesWritten) : .previewFailed)[language])
    }

    /// Polls the content and theme folders twice a second; a change starts a rebuild.
    func watch() async throws {
        var last = signature()
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(400))
            let now = signature()
            if now != last {
                last = now
                await rebuild()
            }
        }
    }

    /// Paths, sizes and modification times of every file that goes into a build.
    func signature() -> [String] {
        var entries: [String] = []
        for folder in ["content", "themes"] {
            let root = options.siteRoot.appendingPathComponent(folder)
            guard
                let walker = FileManager.default.enumerator(
                    at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
            else { continue }
            while let url = walker.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                entries.append(
                    "\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
                )
            }
        }
        return entries.sorted()
    }

    /// Only requests addressed to this server by name: a page elsewhere cannot reach it
    /// through a host name that resolves to 127.0.0.1 (DNS rebinding).
    func isOwnHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let port = ":\(server.port)"
        return ["127.0.0.1", "localhost", "[::1]"].contains { host == $0 || host == $0 + port }
    }

    func respond(to request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Response {
        guard isOwnHost(request.host) else {
            return .init(status: 403, body: Data((Bilingual.previewOwnHostOnly[language] + "\n").utf8))
        }
        // A folder without its slash: relative links inside it would miss. The address is
        // made from one leading slash, never two (`//x/` would name another host).
        if !request.path.hasSuffix("/"), folder(request.path) != nil {
            let path = "/" + request.path.drop { $0 == "/" }
            return .init(status: 301, headers: [("Location", path + "/" + (request.query.map { "?" + $0 } ?? ""))])
        }
        let snapshot = state.snapshot
        // Nothing is built before the first build.
        guard snapshot.generation > 0 else {
            return .init(status: 503, body: Data((Bilingual.previewFirstBuild[language] + "\n").utf8))
        }
        if request.path == "/_terbuka/status" {
            let body = "{\"generation\":\(snapshot.generation),\"failed\":\(snapshot.failed)}"
            return .init(
                status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                body: Data(body.utf8))
        }
        guard let file = resolve(request.path) else {
            let notFound =
                (try? Data(contentsOf: options.output.appendingPathComponent("404.html")))
                ?? Data(Bilingual.previewNotFound[language].utf8)
            return .init(
                status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: page(notFound, snapshot))
        }
        guard var data = try? Data(contentsOf: file) else { return .init(status: 404) }
        let type = Self.contentType(file.pathExtension)
        if file.pathExtension == "html" { data = page(data, snapshot) }
        return .init(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: data)
    }

    /// A regular file of the last good build for a request path: nothing outside the
    /// output folder, not even through a symbolic link inside it.
    func resolve(_ path: String) -> URL? {
        let decoded = path.removingPercentEncoding ?? path
        var relative = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : decoded
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        let root = options.output.resolvingSymlinksInPath().standardizedFileURL
        var url = root.appendingPathComponent(relative).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        guard let real = realpath(url.path, nil) else { return nil }
        defer { free(real) }
        var info = stat()
        guard String(cString: real).hasPrefix(root.path + "/"), stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG
        else { return nil }
        return url
    }

    /// The request path as a folder of the output, when it is one.
    func folder(_ path: String) -> String? {
        let decoded = path.removingPercentEncoding ?? path
        let root = options.output.resolvingSymlinksInPath().standardizedFileURL
        let url = root.appendingPathComponent(String(decoded.drop { $0 == "/" })).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return path
    }

    /// The served page: the built file, with the reload script and, after a failed build,
    /// its problems. Nothing of this is in the files the build writes.
    func page(_ data: Data, _ snapshot: (generation: Int, failed: Bool, problems: [Diagnostic])) -> Data {
        var html = String(decoding: data, as: UTF8.self)
        var injected = ""
        if snapshot.failed {
            injected +=
                "<div id=\"terbuka-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff4f4;color:#700;border-top:3px solid #b00;padding:1rem;font:14px/1.4 monospace;z-index:1000\">"
                + "<strong>\(Bilingual.previewBanner[language])</strong><ul>"
            let items = snapshot.problems.map { "<li>\(HTMLText.escape($0.line(in: language)))</li>" }
            injected += items.joined() + "</ul></div>"
        }
        injected +=
            "<script>(function(){var g=\(snapshot.generation);setInterval(function(){fetch('/_terbuka/status',{cache:'no-store'}).then(function(r){return r.json()}).then(function(s){if(s.generation!==g)location.reload()}).catch(function(){})},700)})();</script>"
        if let end = html.range(of: "</body>", options: .backwards) {
            html.replaceSubrange(end.lowerBound..<end.lowerBound, with: injected)
        } else {
            html += injected
        }
        return Data(html.utf8)
    }

    static func contentType(_ extension: String) -> String {
        switch `extension` {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "xml": "application/xml"
        case "ics": "text/calendar; charset=utf-8"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
