import FlyingFox
import Foundation
import TerbukaCore

/// `terbuka serve`: builds the site, serves it on 127.0.0.1, watches `content/` and
/// `themes/`, rebuilds on change and reloads open pages. When a rebuild fails the last
/// good build keeps being served, with the problems shown on every page as well as in the
/// terminal.
public final class PreviewServer: Sendable {
    public let options: BuildOptions
    let state = State()
    let server: HTTPServer
    let log: @Sendable (String) -> Void

    /// The outcome of the latest build, shared by the watcher and the request handlers.
    actor State {
        var generation = 0
        var problems: [Diagnostic] = []
        var failed = false

        func record(_ report: BuildReport) {
            generation += 1
            failed = !report.succeeded
            problems = report.diagnostics.sorted
        }

        var snapshot: (generation: Int, failed: Bool, problems: [Diagnostic]) { (generation, failed, problems) }
    }

    public init(options: BuildOptions, port: UInt16, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled)
    }

    /// The port the server listens on (useful when it was asked for port 0).
    public func port() async throws -> Int? {
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { return nil }
        return Int(port)
    }

    /// Builds, then serves and watches until cancelled.
    public func run() async throws {
        await rebuild()
        await server.appendRoute("GET /*") { [self] request in await self.respond(to: request) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { try await self.watch() }
            try await group.next()
            group.cancelAll()
        }
    }

    public func stop() async {
        await server.stop()
    }

    func rebuild() async {
        let report = await SiteBuilder(options: options).build()
        await state.record(report)
        for diagnostic in report.diagnostics.sorted { log(diagnostic.formatted) }
        log(report.succeeded ? "built \(report.pagesWritten) pages" : "build failed: the previous build is still served")
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
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            while let url = walker.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                entries.append("\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
            }
        }
        return entries.sorted()
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let snapshot = await state.snapshot
        if request.path == "/_terbuka/status" {
            let body = "{\"generation\":\(snapshot.generation),\"failed\":\(snapshot.failed)}"
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: Data(body.utf8))
        }
        guard let file = resolve(request.path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                                body: page(Data((try? Data(contentsOf: options.output.appendingPathComponent("404.html"))) ?? Data("Not found".utf8)), snapshot))
        }
        guard var data = try? Data(contentsOf: file) else { return HTTPResponse(statusCode: .notFound) }
        let type = Self.contentType(file.pathExtension)
        if file.pathExtension == "html" { data = page(data, snapshot) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    /// A file of the last good build for a request path; nothing outside the output folder.
    func resolve(_ path: String) -> URL? {
        let decoded = path.removingPercentEncoding ?? path
        var relative = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : decoded
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        let root = options.output.standardizedFileURL
        var url = root.appendingPathComponent(relative).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("index.html")
        }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The served page: the built file, with the reload script and, after a failed build,
    /// its problems. Nothing of this is in the files the build writes.
    func page(_ data: Data, _ snapshot: (generation: Int, failed: Bool, problems: [Diagnostic])) -> Data {
        var html = String(decoding: data, as: UTF8.self)
        var injected = ""
        if snapshot.failed {
            injected += "<div id=\"terbuka-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff4f4;color:#700;border-top:3px solid #b00;padding:1rem;font:14px/1.4 monospace;z-index:1000\">"
                + "<strong>Build failed; this page is from the last good build.</strong><ul>"
                + snapshot.problems.map { "<li>\(HTMLText.escape($0.formatted))</li>" }.joined() + "</ul></div>"
        }
        injected += "<script>(function(){var g=\(snapshot.generation);setInterval(function(){fetch('/_terbuka/status',{cache:'no-store'}).then(function(r){return r.json()}).then(function(s){if(s.generation!==g)location.reload()}).catch(function(){})},700)})();</script>"
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
