import Foundation
import TerbukaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the preview server cannot start, in both languages.
public struct ServeError: Error, CustomStringConvertible {
    public var words: Bilingual
    public var description: String { words.en }
}

/// The little HTTP/1.1 a local preview needs, and no more: GET and HEAD on 127.0.0.1, one
/// request per connection, a request head of at most 16 KB read within 10 seconds in all,
/// at most 32 connections at once.
///
/// It replaces FlyingFox 0.27, whose request-line reader takes time growing with the
/// square of the line's length (measured: 10 KB in 2.4 s, 50 KB in 54 s, at full CPU) and
/// has no setting to cap it. Each connection has a thread of its own (blocking reads with
/// a deadline), so the cooperative thread pool stays free for the rebuilds.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        /// The path as sent, without the query.
        var path: String
        var query: String?
        var host: String?
    }

    struct Response {
        var status: Int
        var headers: [(String, String)] = []
        var body: Data = Data()
    }

    static let headLimit = 16 * 1024
    static let lineLimit = 8 * 1024
    static let readTimeoutSeconds = 10
    static let connectionLimit = 32

    private let listener: Int32
    let port: Int
    private let lock = NSLock()
    private var stopped = false
    private var connections = 0

    /// A new TCP socket (-1 when none can be made).
    static func tcpSocket() -> Int32 {
        #if canImport(Glibc)
            socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            socket(AF_INET, SOCK_STREAM, 0)
        #endif
    }

    /// Flags for `send`: a peer gone away is an error returned, not SIGPIPE (Linux; Darwin
    /// has no such flag).
    static let sendFlags: Int32 = {
        #if canImport(Glibc)
            Int32(MSG_NOSIGNAL)
        #else
            0
        #endif
    }()

    /// The address of `port` on 127.0.0.1.
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    init(port requested: UInt16) throws {
        let fd = Self.tcpSocket()
        guard fd >= 0 else {
            throw ServeError(words: .cannotOpenSocket(String(cString: strerror(errno))))
        }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: requested)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let problem = String(cString: strerror(errno))
            close(fd)
            throw ServeError(words: .cannotListen(port: Int(requested), problem))
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    /// Accepts connections on a thread of its own until `stop()`, answering each with
    /// `handler`; that thread alone closes the listening socket, so its number cannot be
    /// reused under it.
    func start(_ handler: @escaping @Sendable (Request) -> Response) {
        let thread = Thread { [self] in
            while !isStopped {
                var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 200) > 0 else { continue }
                let connection = accept(listener, nil, nil)
                if connection < 0 { continue }
                guard reserveConnection() else {
                    close(connection)
                    continue
                }
                Thread { [self] in
                    serve(connection, handler)
                    releaseConnection()
                }.start()
            }
            close(listener)
        }
        thread.start()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func reserveConnection() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard connections < Self.connectionLimit else { return false }
        connections += 1
        return true
    }

    private func releaseConnection() {
        lock.lock()
        connections -= 1
        lock.unlock()
    }

    /// Stops accepting; the accepting thread notices within 0.2 s.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private func serve(_ connection: Int32, _ handler: (Request) -> Response) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: Self.readTimeoutSeconds, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let response: Response
        var method = "GET"
        switch readHead(connection) {
        case .head(let bytes):
            if let request = Self.parse(bytes) {
                method = request.method
                if request.method == "GET" || request.method == "HEAD" {
                    response = handler(request)
                } else {
                    response = Response(
                        status: 405, headers: [("Allow", "GET, HEAD")], body: Data("Only GET and HEAD.\n".utf8))
                }
            } else {
                response = Response(status: 400, body: Data("Bad request.\n".utf8))
            }
        case .tooLong(let lineTooLong):
            response =
                lineTooLong
                ? Response(status: 414, body: Data("The request line is too long.\n".utf8))
                : Response(status: 431, body: Data("The request head is too large.\n".utf8))
        case .closed:
            return
        }
        send(connection, response, withBody: method != "HEAD")
        // Closing with unread input makes the system reset the connection, and the client
        // may lose the answer: say we are done, then drop what still arrives, briefly.
        shutdown(connection, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(0.2)
        var sink = [UInt8](repeating: 0, count: 16 * 1024)
        var drained = 0
        while drained < 1 << 20, Self.waitForInput(connection, until: deadline) {
            let count = sink.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            drained += count
        }
    }

    private enum Head {
        case head([UInt8])
        case tooLong(line: Bool)
        case closed
    }

    /// Whether input arrives on `connection` before `deadline`.
    private static func waitForInput(_ connection: Int32, until deadline: Date) -> Bool {
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        var ready = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
        return milliseconds > 0 && poll(&ready, 1, milliseconds) > 0
    }

    /// Reads up to the blank line that ends the request head, refusing more than the limits;
    /// the whole head must arrive within the time limit, however slowly it trickles.
    private func readHead(_ connection: Int32) -> Head {
        let deadline = Date().addingTimeInterval(TimeInterval(Self.readTimeoutSeconds))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= Self.headLimit {
            guard Self.waitForInput(connection, until: deadline) else { return .closed }
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return .closed }
            let searchFrom = max(0, bytes.count - 3)
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.firstIndex(of: 0x0A).map({ $0 > Self.lineLimit }) ?? (bytes.count > Self.lineLimit) {
                return .tooLong(line: true)
            }
            if let end = Self.endOfHead(bytes, from: searchFrom), end <= Self.headLimit {
                return .head(Array(bytes[..<end]))
            }
        }
        return .tooLong(line: false)
    }

    private static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 3 < bytes.count {
            if bytes[i] == 0x0D, bytes[i + 1] == 0x0A, bytes[i + 2] == 0x0D, bytes[i + 3] == 0x0A { return i }
            i += 1
        }
        // A head ended by bare line feeds.
        i = start
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A, bytes[i + 1] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    static func parse(_ head: [UInt8]) -> Request? {
        // Split by bytes: in a Swift string "\r\n" is one character, not two.
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
        }
        let parts = (lines.first ?? "").split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else { return nil }
        var host: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "host" {
                host = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let pieces = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return Request(
            method: String(parts[0]), path: String(pieces[0]), query: pieces.count > 1 ? String(pieces[1]) : nil,
            host: host)
    }

    private func send(_ connection: Int32, _ response: Response, withBody: Bool) {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        var headers = response.headers
        if !headers.contains(where: { $0.0 == "Content-Length" }) {
            headers.append(("Content-Length", String(response.body.count)))
        }
        if !headers.contains(where: { $0.0 == "Content-Type" }) {
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
        }
        headers.append(("Connection", "close"))
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var out = Data(head.utf8)
        if withBody { out.append(response.body) }
        out.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                    let sent = Glibc.send(connection, raw.baseAddress! + offset, raw.count - offset, Self.sendFlags)
                #else
                    let sent = Darwin.send(connection, raw.baseAddress! + offset, raw.count - offset, Self.sendFlags)
                #endif
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        default: "Status"
        }
    }
}
