import FuzzSupport

@testable import TerbukaCore

/// Any text as an OpenSSH private key, a public key line and an SSHSIG signature (what
/// `verify --key` reads from a downloaded site): each is read or refused, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let key = try? SSHPrivateKey(text: text) {
        _ = SSHSignature.sign(bytes, with: key, namespace: SSHSignature.fileNamespace)
    }
    _ = try? SSHPublicKey(line: text)
    // The raw bytes armoured, so that the fuzzer reaches the SSHSIG reader itself.
    for armored in [text, SSHArmor.wrap(bytes, label: SSHSignature.label)] {
        _ = SSHSignature.verify(armored, message: bytes, key: FuzzKey.publicKey, namespace: SSHSignature.fileNamespace)
    }
    if let key = SSHPublicKey(blob: bytes) { _ = key.fingerprint }
    return 0
}

enum FuzzKey {
    /// A fixed Ed25519 key (all-zero seed's public key), for signatures to be checked against.
    static let publicKey = SSHPublicKey(raw: Array(repeating: 0, count: 32))
}

@_cdecl("fuzz_ssh_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzz)
}
