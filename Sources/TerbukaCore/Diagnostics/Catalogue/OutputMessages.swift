// T08xx: writing the site and signing it.

extension Message {
    static func signingKeyMismatch(given: String, site: String) -> Message {
        Message(
            "T0801",
            en:
                "the key given to --sign (\(given)) is not the site's signing_key (\(site)): readers would check the signature against the wrong key",
            id:
                "kunci yang diberikan ke --sign (\(given)) bukan signing_key situs (\(site)): pembaca akan memeriksa tanda tangan dengan kunci yang salah",
            hint: Bilingual(
                id: "tanda tangani dengan kunci yang baris .pub-nya adalah signing_key, atau ganti signing_key",
                en: "sign with the key whose .pub line is signing_key, or change signing_key"))
    }

    static var unsignedBuild: Message {
        Message(
            "T0802", en: "signing_key is set but this build is not signed, so no SHA256SUMS.sig is published",
            id: "signing_key diisi tetapi build ini tidak ditandatangani, jadi SHA256SUMS.sig tidak diterbitkan",
            hint: Bilingual(
                id: "build dengan --sign KUNCI untuk menerbitkan situs bertanda tangan",
                en: "build with --sign KEY to publish a signed site"))
    }

    static func outputRefused(_ path: String, _ why: Bilingual) -> Message {
        Message(
            "T0803", en: "refusing to write the site into \(path): \(why.en)",
            id: "situs tidak ditulis ke \(path): \(why.id)",
            hint: Bilingual(
                id: "beri --output folder baru, atau folder hasil build sebelumnya",
                en: "give --output a new folder, or the folder of an earlier build"))
    }

    static func cannotWrite(_ problem: Bilingual) -> Message {
        Message("T0804", en: problem.en, id: problem.id)
    }
}

/// Why the output folder is refused, and why writing failed.
extension Bilingual {
    static let outputIsSite = Bilingual(id: "itu folder situs sendiri", en: "it is the site folder itself")
    static let outputHoldsSite = Bilingual(id: "folder itu memuat folder situs", en: "it holds the site folder")
    static func outputInsideSources(_ folder: String) -> Bilingual {
        Bilingual(
            id: "folder itu ada di dalam folder \(folder)/ situs", en: "it is inside the site's \(folder)/ folder")
    }
    static let outputIsFile = Bilingual(id: "itu berkas, bukan folder", en: "it is a file, not a folder")
    static let outputHoldsOtherFiles = Bilingual(
        id:
            "folder itu berisi berkas lain dan bukan situs yang ditulis Terbuka (tidak ada manifest.json dari Terbuka); pilih folder baru atau kosong",
        en:
            "it holds other files and is not a site Terbuka wrote (it has no manifest.json from Terbuka); choose a new or empty folder"
    )

    static func cannotCreate(_ path: String, _ why: Bilingual) -> Bilingual {
        why.en.isEmpty
            ? Bilingual(id: "\(path) tidak dapat dibuat", en: "cannot create \(path)")
            : Bilingual(id: "\(path) tidak dapat dibuat: \(why.id)", en: "cannot create \(path): \(why.en)")
    }
    static func cannotReplace(_ path: String, _ why: Bilingual) -> Bilingual {
        Bilingual(id: "\(path) tidak dapat diganti: \(why.id)", en: "cannot replace \(path): \(why.en)")
    }
    static func cannotMoveInto(_ path: String, _ why: Bilingual) -> Bilingual {
        Bilingual(
            id: "situs baru tidak dapat dipindahkan ke \(path): \(why.id)",
            en: "cannot move the new site into \(path): \(why.en)")
    }
    static func cannotWriteSite(_ why: Bilingual) -> Bilingual {
        Bilingual(id: "situs tidak dapat ditulis: \(why.id)", en: "cannot write the site: \(why.en)")
    }
}

extension CodeExplanation {
    static let output: [CodeExplanation] = [
        .init(
            .signingKeyMismatch(given: "SHA256:abc…", site: "SHA256:xyz…"),
            meaning: "Kunci untuk menandatangani bukan kunci yang diumumkan situs di `signing_key`.",
            action:
                "Gunakan kunci privat pasangan `signing_key`, atau perbarui `signing_key` bila kuncinya memang diganti."
        ),
        .init(
            .unsignedBuild, meaning: "Situs mengumumkan kunci, tetapi build ini tanpa tanda tangan.",
            action: "Build dengan `--sign KUNCI` (di pipeline: rahasia TERBUKA_SIGNING_KEY)."),
        .init(
            .outputRefused("/home/staf/situs", .outputIsSite),
            meaning: "Folder keluaran diganti utuh setiap build, jadi Terbuka menolak folder yang bukan hasil build.",
            action: "Beri `--output` folder baru atau kosong, atau folder hasil build sebelumnya."),
        .init(
            .cannotWrite(.cannotWriteSite(.same("No space left on device"))),
            meaning: "Situs tidak dapat ditulis; situs lama tetap utuh.",
            action: "Periksa ruang disk dan izin folder, lalu build lagi."),
    ]
}
