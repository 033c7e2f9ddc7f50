import Foundation
import Testing

@testable import TerbukaCore
@testable import TerbukaServe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `terbuka serve` on a free loopback port: pages, rebuilds on change, errors in the page.
@Suite(.serialized) struct ServeTests {
    /// The body of a GET of `url`, read from a socket of its own. Not URLSession: on Linux its
    /// requests wait for a Dispatch worker thread, and while the whole suite ran beside a
    /// release build on two cores one waited past its 60 s timeout although the server, which
    /// answers on a thread of its own per connection, was not what was slow. The whole answer
    /// must arrive within 60 s, as long as its Content-Length says.
    static func fetch(_ url: URL) async throws -> String {
        let port = try #require(url.port)
        let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        let target = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        let fd = LoopbackHTTPServer.tcpSocket()
        try #require(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = LoopbackHTTPServer.loopback(port: UInt16(port))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0, "cannot connect to \(url)")
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        try #require(
            request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, LoopbackHTTPServer.sendFlags) }
                == request.count)
        let deadline = Date().addingTimeInterval(60)
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            let failure = errno
            if count < 0 {
                if failure == EINTR, Date() < deadline { continue }
                let problem =
                    failure == EAGAIN || failure == EWOULDBLOCK
                    ? "no answer within 60 s" : "reading the answer failed: \(String(cString: strerror(failure)))"
                try #require(count >= 0, "\(url): \(problem)")
            }
            if count == 0 { break }
            answer += chunk[0..<count]
            try #require(Date() < deadline, "the answer from \(url) took over 60 s")
        }
        let end = try #require(answer.firstRange(of: Array("\r\n\r\n".utf8)), "no HTTP head from \(url)")
        let head = String(decoding: answer[..<end.lowerBound], as: UTF8.self)
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
        let body = answer[end.upperBound...]
        try #require(length == body.count, "the answer from \(url) was cut off: \(body.count) of \(length ?? -1) bytes")
        return String(decoding: body, as: UTF8.self)
    }

    /// How long a rebuild may take to be served. Generous: the wait ends as soon as the page
    /// changes, and while the whole suite runs on two cores a rebuild waits its turn.
    static let patience: Double = 120

    /// Fetches `url` until `condition` holds or `seconds` pass; returns the elapsed time.
    static func waitFor(_ url: URL, seconds: Double, _ condition: (String) -> Bool) async throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            if condition(try await fetch(url)) { return Date().timeIntervalSince(start) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// A preview of `site` on a free loopback port, running until the returned task is cancelled.
    static func start(_ site: TestSite) async throws -> (PreviewServer, Task<Void, Error>, Int, URL) {
        let server = try PreviewServer(
            options: BuildOptions(siteRoot: site.root, now: TestSite.now), port: 0, language: .en
        ) { _ in }
        let running = Task { try await server.run() }
        let port = try #require(try await server.port())
        return (server, running, port, try #require(URL(string: "http://127.0.0.1:\(port)/")))
    }

    @Test func servesRebuildsOnChangeAndShowsErrorsWhileTheLastGoodBuildIsServed() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let (server, running, _, base) = try await Self.start(site)
        defer { running.cancel() }
        // The first build happens before the routes exist; wait for the page.
        #expect(
            try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: Self.patience) {
                $0.contains("Tentang kami.")
            } != nil)
        #expect(try await Self.fetch(base).contains("Seleksi ASN Kota Contoh"))

        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\n---\nVersi kedua halaman.\n")
        let changed = try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: Self.patience)
        {
            $0.contains("Versi kedua halaman.")
        }
        // Time is not what this proves (other tests load the machine meanwhile): the change is served.
        #expect(changed != nil, "the new content was not served")

        try site.write("content/pages/tentang.md", "---\ntitle: Tentang\nordr: 1\n---\nVersi rusak.\n")
        let broken = try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: Self.patience) {
            $0.contains("terbuka-errors")
        }
        #expect(broken != nil)
        let page = try await Self.fetch(base.appendingPathComponent("tentang/index.html"))
        #expect(page.contains("Versi kedua halaman."))
        #expect(!page.contains("Versi rusak."))
        #expect(page.contains("content/pages/tentang.md:3:1: error: unknown key &#39;ordr&#39; in a page"))
        await server.stop()
    }

    @Test func requestsCannotLeaveTheOutputFolder() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let server = try PreviewServer(
            options: BuildOptions(siteRoot: site.root, now: TestSite.now), port: 0, language: .en
        ) { _ in }
        #expect(server.resolve("/../content/site.yml") == nil)
        #expect(server.resolve("/%2e%2e/content/site.yml") == nil)
    }

    /// Raw HTTP exchanges by Python's http.client, which sends the Host header it is given.
    static func exchange(port: Int, _ requests: [(method: String, path: String, host: String)]) throws -> [String] {
        let script = """
            import http.client, json, sys
            port = int(sys.argv[1])
            for method, path, host in json.loads(sys.argv[2]):
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                c.putrequest(method, path, skip_host=True)
                c.putheader("Host", host)
                c.endheaders()
                r = c.getresponse()
                body = r.read()
                print(r.status, r.getheader("Location") or "-", r.getheader("Content-Length") or "-", len(body))
                c.close()
            """
        let list = requests.map { "[\"\($0.method)\",\"\($0.path)\",\"\($0.host)\"]" }.joined(separator: ",")
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, String(port), "[\(list)]"])
        return result.output.split(separator: "\n").map(String.init)
    }

    @Test func answersHEADRedirectsFoldersAndRefusesOtherHostsAndLinksOut() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let (server, running, port, base) = try await Self.start(site)
        defer { running.cancel() }
        #expect(
            try await Self.waitFor(base.appendingPathComponent("tentang/index.html"), seconds: Self.patience) {
                $0.contains("Tentang kami.")
            } != nil)
        try FileManager.default.createSymbolicLink(
            atPath: site.output.appendingPathComponent("bocor.txt").path, withDestinationPath: "/etc/passwd")
        let size = try Data(contentsOf: site.output.appendingPathComponent("tentang/index.html")).count
        let lines = try Self.exchange(
            port: port,
            [
                ("HEAD", "/tentang/index.html", "127.0.0.1:\(port)"),
                ("GET", "/tentang", "localhost:\(port)"),
                ("GET", "/tentang/index.html", "rebind.example:\(port)"),
                ("GET", "/bocor.txt", "127.0.0.1:\(port)"),
                ("GET", "//tentang?x=1", "127.0.0.1:\(port)"),
            ])
        #expect(lines.count == 5)
        // Never `//tentang/`, which a browser reads as another host.
        #expect(lines.count > 4 && lines[4] == "301 /tentang/?x=1 0 0")
        // HEAD: the length of the page (with the injected reload script), no body.
        #expect(lines.first?.hasPrefix("200 - ") == true)
        #expect(lines.first?.hasSuffix(" 0") == true)
        #expect((lines.first?.split(separator: " ")[2]).flatMap { Int($0) }.map { $0 > size } == true)
        #expect(lines.count > 1 && lines[1] == "301 /tentang/ 0 0")
        #expect(lines.count > 2 && lines[2].hasPrefix("403 "))
        #expect(lines.count > 3 && lines[3].hasPrefix("404 "))
        // Oversized requests are refused at once, however long they are.
        let oversized = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                """
                import socket, sys, time
                for head in [b"GET /" + b"a" * 250000 + b" HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
                             b"GET / HTTP/1.1\\r\\n" + b"X-Filler: " + b"b" * 20000 + b"\\r\\n\\r\\n"]:
                    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
                    start = time.time()
                    try:
                        s.sendall(head)
                    except OSError:
                        pass
                    s.settimeout(10)
                    print(s.recv(64).split(b"\\r\\n")[0].decode(), round(time.time() - start, 1))
                """, String(port),
            ])
        let answers = oversized.output.split(separator: "\n").map(String.init)
        #expect(answers.count == 2, "\(oversized.output)")
        #expect(answers.first?.hasPrefix("HTTP/1.1 414 URI Too Long") == true)
        #expect(answers.last?.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large") == true)
        #expect(answers.allSatisfy { ($0.split(separator: " ").last.flatMap { Double($0) } ?? 99) < 2 })
        await server.stop()
    }
}
