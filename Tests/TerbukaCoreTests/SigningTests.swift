import Foundation
import Testing

@testable import TerbukaCore

/// `build --sign` and `verify --key`, checked against OpenSSH's own ssh-keygen in both
/// directions (the test command installs openssh-client).
@Suite struct SigningTests {
    static let sshKeygen = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
    static let signer = "bkpsdm@kotacontoh.go.id"

    /// A fresh key made by ssh-keygen in `folder`: `key` and `key.pub`.
    static func makeKey(_ folder: URL, name: String = "key", type: String = "ed25519", passphrase: String = "") throws
        -> URL
    {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = folder.appendingPathComponent(name)
        let (status, output) = try runProcess(
            sshKeygen, ["-q", "-t", type, "-N", passphrase, "-C", signer, "-f", key.path])
        #expect(status == 0, "\(output)")
        return key
    }

    static func publicLine(_ key: URL) throws -> String {
        try String(contentsOf: key.appendingPathExtension("pub"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A TestSite whose site.yml names the key's public line.
    static func signedSite(_ key: URL) throws -> TestSite {
        let site = try TestSite()
        try site.write("content/site.yml", TestSite.siteYML + "\nsigning_key: \(try publicLine(key))\n")
        return site
    }

    static func build(_ site: TestSite, output: URL, sign key: URL) throws -> (Int32, String) {
        try CommandLineTests.run([
            "build", "--quiet", "--lang", "en", "--site", site.root.path, "-o", output.path, "--sign", key.path,
        ])
    }

    /// `ssh-keygen -Y verify` as the page tells readers to run it.
    static func sshVerify(_ output: URL, key: URL) throws -> (Int32, String) {
        let allowed = output.deletingLastPathComponent().appendingPathComponent("allowed_signers")
        try "\(signer) \(try publicLine(key))\n".write(to: allowed, atomically: true, encoding: .utf8)
        return try runProcess(
            sshKeygen,
            [
                "-Y", "verify", "-f", allowed.path, "-I", signer, "-n", "file", "-s",
                output.appendingPathComponent("SHA256SUMS.sig").path,
            ], input: output.appendingPathComponent("SHA256SUMS"))
    }

    static func unescape(_ html: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")].reduce(html) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
    }

    static func tamper(_ output: URL) throws {
        let sums = output.appendingPathComponent("SHA256SUMS")
        var text = try String(contentsOf: sums, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  index.html\n", with: "  index.html\n" + String(repeating: "0", count: 64) + "  palsu.html\n")
        try text.write(to: sums, atomically: true, encoding: .utf8)
    }

    @Test func terbukaSignsAndSSHKeygenVerifiesAndATamperedListFailsBoth() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let key = try Self.makeKey(site.root)
        let output = site.root.appendingPathComponent("out")
        let (status, text) = try Self.build(site, output: output, sign: key)
        #expect(status == 0, "\(text)")
        let good = try Self.sshVerify(output, key: key)
        #expect(good.0 == 0, "\(good.1)")
        #expect(good.1.contains("Good \"file\" signature for \(Self.signer) with ED25519 key"))
        #expect(
            try CommandLineTests.run(["verify", "--lang", "en", output.path, "--key", key.path + ".pub"]).status == 0)

        try Self.tamper(output)
        #expect(try Self.sshVerify(output, key: key).0 != 0)
        let (refused, said) = try CommandLineTests.run([
            "verify", "--lang", "en", output.path, "--key", key.path + ".pub",
        ])
        #expect(refused == 1)
        #expect(said.contains("SHA256SUMS.sig was made by the key but over other bytes"))
    }

    @Test func sshKeygenSignsAndTerbukaVerifiesAndNamesAnotherKeyAsSuch() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let key = try Self.makeKey(site.root)
        let other = try Self.makeKey(site.root, name: "other")
        let output = site.root.appendingPathComponent("out")
        #expect(
            try CommandLineTests.run(["build", "--quiet", "--site", site.root.path, "-o", output.path]).status == 0)
        let sums = output.appendingPathComponent("SHA256SUMS").path
        #expect(try runProcess(Self.sshKeygen, ["-q", "-Y", "sign", "-f", key.path, "-n", "file", sums]).status == 0)
        let (status, text) = try CommandLineTests.run([
            "verify", "--lang", "en", output.path, "--key", key.path + ".pub",
        ])
        #expect(status == 0, "\(text)")
        #expect(text.contains("signature: SHA256SUMS.sig is valid"))

        let (wrong, said) = try CommandLineTests.run([
            "verify", "--lang", "en", output.path, "--key", other.path + ".pub",
        ])
        #expect(wrong == 1)
        #expect(said.contains("SHA256SUMS.sig was made by another key"))

        try Self.tamper(output)
        #expect(
            try CommandLineTests.run(["verify", "--lang", "en", output.path, "--key", key.path + ".pub"]).status == 1)
    }

    @Test func theSignatureIsByteForByteWhatSSHKeygenMakesAndBuildsStayReproducible() throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let key = try Self.makeKey(site.root)
        let first = site.root.appendingPathComponent("first")
        let second = site.root.appendingPathComponent("second")
        #expect(try Self.build(site, output: first, sign: key).0 == 0)
        #expect(try Self.build(site, output: second, sign: key).0 == 0)
        let signature = try Data(contentsOf: first.appendingPathComponent("SHA256SUMS.sig"))
        #expect(try Data(contentsOf: second.appendingPathComponent("SHA256SUMS.sig")) == signature)
        let copy = site.root.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: first.appendingPathComponent("SHA256SUMS"), to: copy.appendingPathComponent("SHA256SUMS"))
        let sums = copy.appendingPathComponent("SHA256SUMS").path
        #expect(try runProcess(Self.sshKeygen, ["-q", "-Y", "sign", "-f", key.path, "-n", "file", sums]).status == 0)
        #expect(try Data(contentsOf: copy.appendingPathComponent("SHA256SUMS.sig")) == signature)
    }

    @Test(arguments: [
        ("encrypted", "the key is protected by a passphrase"),
        ("rsa", "this is an RSA key"),
        ("ecdsa", "the key is ecdsa-sha2-nistp256"),
        ("missing", "the file does not exist"),
        ("public", "this is a public key; --sign takes the private key"),
    ])
    func aKeyThatCannotSignIsAClearErrorAndNothingIsWritten(kind: String, message: String) throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        let key: URL =
            switch kind {
            case "encrypted": try Self.makeKey(site.root, passphrase: "rahasia-sekali")
            case "rsa": try Self.makeKey(site.root, type: "rsa")
            case "ecdsa": try Self.makeKey(site.root, type: "ecdsa")
            case "public": try Self.makeKey(site.root).appendingPathExtension("pub")
            default: site.root.appendingPathComponent("tidak-ada")
            }
        if kind == "rsa" {
            // ssh-keygen writes RSA keys in the OpenSSH format too; the old PEM form is refused by its label.
            #expect(try runProcess(Self.sshKeygen, ["-q", "-p", "-N", "", "-m", "PEM", "-f", key.path]).status == 0)
        }
        let output = site.root.appendingPathComponent("out")
        let (status, text) = try Self.build(site, output: output, sign: key)
        #expect(status == 1)
        #expect(text.contains(message), "\(text)")
        #expect(text.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func theAuthenticityPageGivesTheKeyItsFingerprintAndTheCommands() async throws {
        let key = try Self.makeKey(FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString))
        defer { try? FileManager.default.removeItem(at: key.deletingLastPathComponent()) }
        let site = try Self.signedSite(key)
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("out")
        let (status, text) = try Self.build(site, output: output, sign: key)
        #expect(status == 0, "\(text)")
        let page = try String(contentsOf: output.appendingPathComponent("keaslian/index.html"), encoding: .utf8)
        let fingerprint = try #require(
            try runProcess(Self.sshKeygen, ["-l", "-f", key.path + ".pub"]).output.split(separator: " ").dropFirst()
                .first)
        #expect(page.contains("<code>\(fingerprint)</code>"))
        #expect(page.contains(try Self.publicLine(key).split(separator: " ").prefix(2).joined(separator: " ")))
        #expect(
            page.contains(
                "ssh-keygen -Y verify -f allowed_signers -I \(Self.signer) -n file -s SHA256SUMS.sig &lt; SHA256SUMS"))
        #expect(page.contains("sha256sum -c SHA256SUMS"))
        #expect(page.contains("cmd /c"))
        #expect(page.contains("Get-FileHash"))
        // The commands for Linux and macOS, pasted from the page into a shell in the site's folder.
        let blocks = page.components(separatedBy: "<pre><code>").dropFirst().compactMap {
            $0.components(separatedBy: "</code></pre>").first.map(Self.unescape)
        }
        #expect(blocks.count == 5)
        for block in [blocks[0], blocks[2]] {
            let (ran, said) = try runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", block], in: output)
            #expect(ran == 0, "\(block)\n\(said)")
        }
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("href=\"keaslian/index.html\""))
        #expect(try SiteFiles.brokenLinks(in: output) == [])
    }

    @Test func aSiteWithoutSigningKeyHasNoAuthenticityPage() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output/keaslian").path))
    }

    @Test func signingWithAnotherKeyThanTheSitesIsAnErrorAndUnsignedIsAWarning() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try Self.makeKey(folder)
        let other = try Self.makeKey(folder, name: "other")
        let site = try Self.signedSite(key)
        defer { site.cleanUp() }
        let output = site.root.appendingPathComponent("out")
        let (status, text) = try Self.build(site, output: output, sign: other)
        #expect(status == 1)
        #expect(text.contains("content/site.yml:5:14: error: the key given to --sign"))
        #expect(!FileManager.default.fileExists(atPath: output.path))

        let unsigned = await site.build()
        #expect(unsigned.succeeded)
        #expect(
            unsigned.diagnostics.all.map(\.english) == [
                "signing_key is set but this build is not signed, so no SHA256SUMS.sig is published"
            ])
        let page = try String(
            contentsOf: site.root.appendingPathComponent("output/keaslian/index.html"), encoding: .utf8)
        #expect(page.contains("not signed") || page.contains("tidak ditandatangani"))
        #expect(!page.contains("SHA256SUMS.sig"))
        #expect(try SiteFiles.brokenLinks(in: site.root.appendingPathComponent("output")) == [])
    }

    @Test(arguments: [
        (
            "signing_key: ssh-ed25519 AAAA\n",
            "content/site.yml:5:14: error: signing_key: the ssh-ed25519 key is damaged"
        ),
        ("signing_key: ssh-rsa AAAAB3NzaC1yc2E= x\n", "content/site.yml:5:14: error: signing_key: the key is ssh-rsa"),
        ("signer: bkpsdm\n", "content/site.yml:5:9: error: 'signer' is set but 'signing_key' is not"),
    ])
    func aSigningKeyThatCannotBeUsedIsAnErrorAtItsLine(line: String, message: String) async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write("content/site.yml", TestSite.siteYML + "\n" + line)
        let errors = await site.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(message) == true, "\(errors)")
    }

    @Test func aSignerThatAShellWouldReadIsRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try Self.makeKey(folder)
        let site = try TestSite()
        defer { site.cleanUp() }
        try site.write(
            "content/site.yml",
            TestSite.siteYML + "\nsigning_key: \(try Self.publicLine(key))\nsigner: \"x';rm -rf ~;'\"\n")
        #expect(
            await site.errors() == [
                "content/site.yml:6:9: error: signer 'x';rm -rf ~;'' may hold only letters, digits and @ . _ + - (for example signer: bkpsdm@kotacontoh.go.id)"
            ])
    }
}
