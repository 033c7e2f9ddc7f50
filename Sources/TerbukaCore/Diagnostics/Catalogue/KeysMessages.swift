// Why a signing key cannot be used: in site.yml's signing_key (message T0310) and for
// `build --sign` and `verify --key` on the command line.

extension SSHPublicKey.Problem {
    static let noPublicKey = Self(
        words: Bilingual(
            id: "tidak ada kunci publik OpenSSH ('ssh-ed25519 AAAA…')",
            en: "no OpenSSH public key ('ssh-ed25519 AAAA…') found"))

    static func notEd25519(_ type: String) -> Self {
        Self(
            words: Bilingual(
                id:
                    "kunci ini bertipe \(type); Terbuka menandatangani dan memeriksa dengan kunci Ed25519 (ssh-keygen -t ed25519)",
                en: "the key is \(type); Terbuka signs and verifies with Ed25519 keys (ssh-keygen -t ed25519)"))
    }

    static let damagedPublicKey = Self(
        words: Bilingual(
            id: "kunci ssh-ed25519 rusak: bagian base64-nya tidak menghasilkan kunci",
            en: "the ssh-ed25519 key is damaged: its base64 part does not decode to a key"))

    static let publicKeyGiven = Self(
        words: Bilingual(
            id: "ini kunci publik; --sign memerlukan kunci privat (berkas tanpa .pub)",
            en: "this is a public key; --sign takes the private key (the file without .pub)"))

    static func otherKeyFormat(_ label: String) -> Self {
        let what: Bilingual =
            switch label {
            case "RSA PRIVATE KEY": Bilingual(id: "kunci RSA", en: "an RSA key")
            case "EC PRIVATE KEY": Bilingual(id: "kunci ECDSA", en: "an ECDSA key")
            case "DSA PRIVATE KEY": Bilingual(id: "kunci DSA", en: "a DSA key")
            case "ENCRYPTED PRIVATE KEY": Bilingual(id: "kunci PKCS#8 terenkripsi", en: "an encrypted PKCS#8 key")
            default: Bilingual(id: "kunci PKCS#8", en: "a PKCS#8 key")
            }
        return Self(
            words: Bilingual(
                id:
                    "ini \(what.id); Terbuka menandatangani dengan kunci OpenSSH Ed25519: ssh-keygen -t ed25519 -f KUNCI",
                en: "this is \(what.en); Terbuka signs with an OpenSSH Ed25519 key: ssh-keygen -t ed25519 -f KEY"))
    }

    static let notAPrivateKey = Self(
        words: Bilingual(
            id: "bukan kunci privat OpenSSH (tidak ada blok '-----BEGIN OPENSSH PRIVATE KEY-----')",
            en: "not an OpenSSH private key (no '-----BEGIN OPENSSH PRIVATE KEY-----' block)"))

    static let notOpenSSHKeyV1 = Self(
        words: Bilingual(
            id: "bukan kunci privat OpenSSH: bloknya tidak diawali 'openssh-key-v1'",
            en: "not an OpenSSH private key: the block does not start with 'openssh-key-v1'"))

    static func passphrase(_ cipher: String) -> Self {
        Self(
            words: Bilingual(
                id:
                    "kunci dilindungi kata sandi (\(cipher)); Terbuka menandatangani secara otomatis dengan kunci tak terenkripsi yang disimpan aman: lihat 'Menandatangani terbitan' di docs/panduan.md",
                en:
                    "the key is protected by a passphrase (\(cipher)); Terbuka signs unattended with an unencrypted key kept safe: see 'Menandatangani terbitan' in docs/panduan.md"
            ))
    }

    static let severalKeys = Self(
        words: Bilingual(
            id: "berkas kunci memuat beberapa kunci; berikan berkas dengan satu kunci",
            en: "the key file holds several keys; give a file with one"))

    enum Damage { case checkBytes, otherKey, secretShape, secretDiffers, tooShort }

    static func damaged(_ damage: Damage) -> Self {
        let why: Bilingual =
            switch damage {
            case .checkBytes: Bilingual(id: " (bita pemeriksanya berbeda)", en: " (check bytes differ)")
            case .otherKey:
                Bilingual(
                    id: ": bagian privatnya bukan kunci yang disebut bagian publiknya",
                    en: ": its private part is not the key its public part names")
            case .secretShape:
                Bilingual(
                    id: ": rahasia Ed25519-nya bukan 64 bita yang diakhiri kunci publik",
                    en: ": the Ed25519 secret is not 64 bytes ending in the public key")
            case .secretDiffers:
                Bilingual(
                    id: ": rahasianya tidak menghasilkan kunci publiknya",
                    en: ": its secret does not give its public key")
            case .tooShort: Bilingual(id: ": berkasnya berakhir terlalu cepat", en: ": it ends too early")
            }
        return Self(words: Bilingual(id: "berkas kunci rusak\(why.id)", en: "the key file is damaged\(why.en)"))
    }
}
