import Crypto
import Foundation

/// An Ed25519 public key as OpenSSH writes it: `ssh-ed25519 AAAAC3Nza… comment`.
public struct SSHPublicKey: Sendable, Equatable {
    /// The 32 bytes of the key.
    public let raw: [UInt8]

    static let type = "ssh-ed25519"

    init(raw: [UInt8]) { self.raw = raw }

    /// The wire blob: string "ssh-ed25519", string key.
    var blob: [UInt8] {
        var writer = SSHWriter()
        writer.string(Self.type)
        writer.string(raw)
        return writer.bytes
    }

    /// From the blob of a key in a signature or a key file; nil for another key type.
    init?(blob: [UInt8]) {
        var reader = SSHReader(blob)
        guard let type = try? reader.text(), type == Self.type, let key = try? reader.string(), key.count == 32,
            reader.isAtEnd
        else { return nil }
        raw = key
    }

    /// `SHA256:…` as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// `ssh-ed25519 AAAA…` without a comment.
    public var line: String { "\(Self.type) \(Data(blob).base64EncodedString())" }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads the first key of an `.pub` file or an `allowed_signers`-style line.
    public init(line text: String) throws(Problem) {
        let fields = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let index = fields.firstIndex(where: { $0.hasPrefix("ssh-") || $0.hasPrefix("ecdsa-") }) else {
            throw Problem(description: "no OpenSSH public key ('ssh-ed25519 AAAA…') found")
        }
        guard fields[index] == Self.type else {
            throw Problem(
                description:
                    "the key is \(fields[index]); Terbuka signs and verifies with Ed25519 keys (ssh-keygen -t ed25519)"
            )
        }
        guard index + 1 < fields.count, let data = Data(base64Encoded: fields[index + 1]),
            let key = SSHPublicKey(blob: Array(data))
        else { throw Problem(description: "the ssh-ed25519 key is damaged: its base64 part does not decode to a key") }
        self = key
    }
}

/// An unencrypted OpenSSH Ed25519 private key (PROTOCOL.key), read as far as Ed25519 needs.
public struct SSHPrivateKey: Sendable {
    let seed: [UInt8]
    public let publicKey: SSHPublicKey

    static let label = "OPENSSH PRIVATE KEY"
    static let magic = Array("openssh-key-v1\u{0}".utf8)

    /// Reads the text of a key file, refusing everything Terbuka cannot sign with in words a
    /// person can act on.
    public init(text: String) throws(SSHPublicKey.Problem) {
        func fail(_ words: String) -> SSHPublicKey.Problem { SSHPublicKey.Problem(description: words) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("ssh-") || trimmed.hasPrefix("ecdsa-") {
            throw fail("this is a public key; --sign takes the private key (the file without .pub)")
        }
        for (label, what) in [
            ("RSA PRIVATE KEY", "an RSA key"), ("EC PRIVATE KEY", "an ECDSA key"), ("DSA PRIVATE KEY", "a DSA key"),
            ("PRIVATE KEY", "a PKCS#8 key"), ("ENCRYPTED PRIVATE KEY", "an encrypted PKCS#8 key"),
        ] where trimmed.contains("-----BEGIN \(label)-----") {
            throw fail("this is \(what); Terbuka signs with an OpenSSH Ed25519 key: ssh-keygen -t ed25519 -f KEY")
        }
        guard let bytes = SSHArmor.unwrap(text, label: Self.label) else {
            throw fail("not an OpenSSH private key (no '-----BEGIN OPENSSH PRIVATE KEY-----' block)")
        }
        var reader = SSHReader(bytes)
        do {
            guard Array(try reader.raw(Self.magic.count)) == Self.magic else {
                throw fail("not an OpenSSH private key: the block does not start with 'openssh-key-v1'")
            }
            let cipher = try reader.text()
            let kdf = try reader.text()
            _ = try reader.string()
            guard cipher == "none", kdf == "none" else {
                throw fail(
                    "the key is protected by a passphrase (\(cipher)); Terbuka signs unattended with an unencrypted key kept safe: see 'Signing' in docs/panduan.md"
                )
            }
            guard try reader.uint32() == 1 else { throw fail("the key file holds several keys; give a file with one") }
            let publicBlob = try reader.string()
            guard let publicKey = SSHPublicKey(blob: publicBlob) else {
                var inner = SSHReader(publicBlob)
                let type = (try? inner.text()) ?? "unknown"
                throw fail("the key is \(type); Terbuka signs with Ed25519 keys: ssh-keygen -t ed25519 -f KEY")
            }
            var section = SSHReader(try reader.string())
            guard try section.uint32() == section.uint32() else {
                throw fail("the key file is damaged (check bytes differ)")
            }
            guard try section.text() == SSHPublicKey.type, try section.string() == publicKey.raw else {
                throw fail("the key file is damaged: its private part is not the key its public part names")
            }
            let secret = try section.string()
            guard secret.count == 64, Array(secret[32...]) == publicKey.raw else {
                throw fail("the key file is damaged: the Ed25519 secret is not 64 bytes ending in the public key")
            }
            let seed = Array(secret[..<32])
            // The seed must give the public key the file names, or signatures would not verify.
            guard let derived = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed),
                Array(derived.publicKey.rawRepresentation) == publicKey.raw
            else { throw fail("the key file is damaged: its secret does not give its public key") }
            self.seed = seed
            self.publicKey = publicKey
        } catch let problem as SSHPublicKey.Problem {
            throw problem
        } catch {
            throw fail("the key file is damaged: it ends too early")
        }
    }

    func sign(_ data: [UInt8]) -> [UInt8] {
        // BoringSSL's Ed25519, under swift-crypto on Linux, is deterministic (RFC 8032): the
        // same key and bytes give the same signature, so builds stay reproducible.
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        return Array(try! key.signature(for: Data(data)))
    }
}
