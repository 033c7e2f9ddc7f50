import Crypto
import Foundation

/// OpenSSH's SSHSIG signatures (PROTOCOL.sshsig), as `ssh-keygen -Y sign` writes them and
/// `ssh-keygen -Y verify` checks them, for Ed25519 keys.
public enum SSHSignature {
    static let label = "SSH SIGNATURE"
    static let magic = Array("SSHSIG".utf8)
    static let version: UInt32 = 1
    /// The namespace of `ssh-keygen -Y sign -n file`, for signatures of files.
    public static let fileNamespace = "file"

    /// The bytes the key signs: the preamble, the namespace, an empty reserved field, the
    /// hash algorithm and the hash of the message.
    static func signedData(message: [UInt8], namespace: String, hash: String) -> [UInt8]? {
        let digest: [UInt8]
        switch hash {
        case "sha512": digest = Array(SHA512.hash(data: message))
        case "sha256": digest = Array(SHA256.hash(data: message))
        default: return nil
        }
        var writer = SSHWriter()
        writer.raw(magic)
        writer.string(namespace)
        writer.string([UInt8]())
        writer.string(hash)
        writer.string(digest)
        return writer.bytes
    }

    /// The armoured signature of `message` (SHA-512, as ssh-keygen makes by default).
    public static func sign(_ message: [UInt8], with key: SSHPrivateKey, namespace: String) -> String {
        let signature = key.sign(signedData(message: message, namespace: namespace, hash: "sha512")!)
        var inner = SSHWriter()
        inner.string(SSHPublicKey.type)
        inner.string(signature)
        var writer = SSHWriter()
        writer.raw(magic)
        writer.uint32(version)
        writer.string(key.publicKey.blob)
        writer.string(namespace)
        writer.string([UInt8]())
        writer.string("sha512")
        writer.string(inner.bytes)
        return SSHArmor.wrap(writer.bytes, label: label)
    }

    public enum Outcome: Sendable, Equatable {
        case valid
        /// Made by another key (its fingerprint): the signature may be sound, but not by
        /// the publisher's key.
        case otherKey(String)
        /// Made by the key, but not over these bytes (or for another namespace).
        case otherBytes
        /// Not a signature Terbuka can read; says why.
        case unreadable(Bilingual)
    }

    /// Checks an armoured signature of `message` against `key`.
    public static func verify(_ armored: String, message: [UInt8], key: SSHPublicKey, namespace: String) -> Outcome {
        guard let bytes = SSHArmor.unwrap(armored, label: label) else {
            return .unreadable(.noSignatureBlock)
        }
        var reader = SSHReader(bytes)
        do {
            guard Array(try reader.raw(magic.count)) == magic, try reader.uint32() == version else {
                return .unreadable(.notSSHSIGVersion1)
            }
            let publicBlob = try reader.string()
            let signedNamespace = try reader.text()
            _ = try reader.string()
            let hash = try reader.text()
            var inner = SSHReader(try reader.string())
            guard let signer = SSHPublicKey(blob: publicBlob), try inner.text() == SSHPublicKey.type else {
                return .unreadable(.notEd25519Signature)
            }
            let signature = try inner.string()
            guard signer == key else { return .otherKey(signer.fingerprint) }
            guard signedNamespace == namespace,
                let data = signedData(message: message, namespace: namespace, hash: hash),
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key.raw),
                publicKey.isValidSignature(Data(signature), for: Data(data))
            else { return .otherBytes }
            return .valid
        } catch {
            return .unreadable(.signatureTooShort)
        }
    }
}
