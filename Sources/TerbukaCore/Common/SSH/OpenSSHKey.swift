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

    /// Why a key cannot be used, in both languages (the texts are in Diagnostics/Catalogue/KeysMessages.swift).
    public struct Problem: Error, CustomStringConvertible {
        public var words: Bilingual
        public var description: String { words.en }
    }

    /// Reads the first key of an `.pub` file or an `allowed_signers`-style line.
    public init(line text: String) throws(Problem) {
        let fields = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let index = fields.firstIndex(where: { $0.hasPrefix("ssh-") || $0.hasPrefix("ecdsa-") }) else {
            throw .noPublicKey
        }
        guard fields[index] == Self.type else {
            throw SSHPublicKey.Problem.notEd25519(fields[index])
        }
        guard index + 1 < fields.count, let data = Data(base64Encoded: fields[index + 1]),
            let key = SSHPublicKey(blob: Array(data))
        else { throw SSHPublicKey.Problem.damagedPublicKey }
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
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("ssh-") || trimmed.hasPrefix("ecdsa-") {
            throw .publicKeyGiven
        }
        for label in ["RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]
        where trimmed.contains("-----BEGIN \(label)-----") {
            throw .otherKeyFormat(label)
        }
        guard let bytes = SSHArmor.unwrap(text, label: Self.label) else {
            throw .notAPrivateKey
        }
        var reader = SSHReader(bytes)
        do {
            guard Array(try reader.raw(Self.magic.count)) == Self.magic else {
                throw SSHPublicKey.Problem.notOpenSSHKeyV1
            }
            let cipher = try reader.text()
            let kdf = try reader.text()
            _ = try reader.string()
            guard cipher == "none", kdf == "none" else {
                throw SSHPublicKey.Problem.passphrase(cipher)
            }
            guard try reader.uint32() == 1 else { throw SSHPublicKey.Problem.severalKeys }
            let publicBlob = try reader.string()
            guard let publicKey = SSHPublicKey(blob: publicBlob) else {
                var inner = SSHReader(publicBlob)
                let type = (try? inner.text()) ?? "unknown"
                throw SSHPublicKey.Problem.notEd25519(type)
            }
            var section = SSHReader(try reader.string())
            guard try section.uint32() == section.uint32() else {
                throw SSHPublicKey.Problem.damaged(.checkBytes)
            }
            guard try section.text() == SSHPublicKey.type, try section.string() == publicKey.raw else {
                throw SSHPublicKey.Problem.damaged(.otherKey)
            }
            let secret = try section.string()
            guard secret.count == 64, Array(secret[32...]) == publicKey.raw else {
                throw SSHPublicKey.Problem.damaged(.secretShape)
            }
            let seed = Array(secret[..<32])
            // The seed must give the public key the file names, or signatures would not verify.
            guard let derived = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed),
                Array(derived.publicKey.rawRepresentation) == publicKey.raw
            else { throw SSHPublicKey.Problem.damaged(.secretDiffers) }
            self.seed = seed
            self.publicKey = publicKey
        } catch let problem as SSHPublicKey.Problem {
            throw problem
        } catch {
            throw SSHPublicKey.Problem.damaged(.tooShort)
        }
    }

    func sign(_ data: [UInt8]) -> [UInt8] {
        // BoringSSL's Ed25519, under swift-crypto on Linux, is deterministic (RFC 8032): the
        // same key and bytes give the same signature, so builds stay reproducible.
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        return Array(try! key.signature(for: Data(data)))
    }
}
