import Mustache

// T03xx: site.yml, announcements, pages, attachments, the site's paths and its theme.

extension Message {
    static var siteFileNotAMapping: Message {
        Message(
            "T0301", en: "site.yml must be a set of keys (title, agency, timezone, …)",
            id: "site.yml harus berupa kumpulan kunci (title, agency, timezone, …)")
    }

    static func unknownSiteZone(_ written: String) -> Message {
        let names = SiteTimeZone.allCases.map(\.identifier)
        let hint =
            SiteTimeZone.allCases.first { $0.abbreviation == written.uppercased() }.map {
                Bilingual(
                    id: "tulis nama zonanya, misalnya '\($0.identifier)' untuk \($0.abbreviation)",
                    en: "write the zone's name, e.g. '\($0.identifier)' for \($0.abbreviation)")
            } ?? .suggestion(written, in: names)
        return Message(
            "T0302", en: "unknown time zone '\(written)'", id: "zona waktu '\(written)' tidak dikenal", hint: hint)
    }

    static func languageListedTwice(_ language: String) -> Message {
        Message(
            "T0303", en: "language '\(language)' is listed twice", id: "bahasa '\(language)' tercantum dua kali")
    }

    static func primaryLanguageDiffers(language: String, languages: String) -> Message {
        Message(
            "T0304",
            en:
                "'language' is '\(language)' but 'languages' starts with '\(languages)'; the first of 'languages' is the primary one",
            id:
                "'language' bernilai '\(language)' tetapi 'languages' diawali '\(languages)'; bahasa pertama di 'languages' adalah bahasa utama"
        )
    }

    static func badBaseURL(_ written: String) -> Message {
        Message(
            "T0305",
            en: "base_url '\(written)' is not the absolute http(s) address of a folder",
            id: "base_url '\(written)' bukan alamat http(s) lengkap sebuah folder",
            hint: Bilingual(
                id: "misalnya https://seleksi.kupangkota.go.id/ (tanpa spasi, tanda kutip, '<', '>', '?' atau '#')",
                en: "for example https://seleksi.kupangkota.go.id/ (no spaces, quotes, '<', '>', '?' or '#')"))
    }

    static var noBaseURL: Message {
        Message(
            "T0306",
            en:
                "base_url is not set, so sitemap.xml is not written and feed.xml has relative links; set base_url to the address the site will have",
            id:
                "base_url belum diisi, jadi sitemap.xml tidak ditulis dan feed.xml memakai tautan relatif; isi base_url dengan alamat situs nanti"
        )
    }

    static func badEmail(_ written: String) -> Message {
        Message(
            "T0307", en: "contact email '\(written)' is not an e-mail address",
            id: "email kontak '\(written)' bukan alamat email",
            hint: Bilingual(
                id: "satu alamat, misalnya bkpsdm@kupangkota.go.id",
                en: "one address, for example bkpsdm@kupangkota.go.id"
            ))
    }

    static func themeNameNotASlug(_ written: String) -> Message {
        Message(
            "T0308", en: "theme '\(written)' is not a slug (a folder name under themes/)",
            id: "tema '\(written)' bukan slug (nama folder di bawah themes/)")
    }

    static var signerWithoutKey: Message {
        Message(
            "T0309", en: "'signer' is set but 'signing_key' is not", id: "'signer' diisi tetapi 'signing_key' tidak",
            hint: Bilingual(
                id: "tambahkan signing_key: baris berkas .pub dari kunci yang menandatangani situs",
                en: "add signing_key: the line of the .pub file of the key that signs the site"))
    }

    static func badSigningKey(_ problem: Bilingual) -> Message {
        Message("T0310", en: "signing_key: \(problem.en)", id: "signing_key: \(problem.id)")
    }

    static func badSigner(_ identity: String) -> Message {
        let hint = Bilingual(
            id: "misalnya signer: bkpsdm@kotacontoh.go.id", en: "for example signer: bkpsdm@kotacontoh.go.id")
        if identity.isEmpty {
            return Message(
                "T0329", en: "the signing key has no comment to name its signer; set 'signer'",
                id: "kunci penanda tangan tidak memiliki komentar yang menyebut penanda tangannya; isi 'signer'",
                hint: hint)
        }
        return Message(
            "T0311", en: "signer '\(identity)' may hold only letters, digits and @ . _ + -",
            id: "signer '\(identity)' hanya boleh berisi huruf, angka dan @ . _ + -", hint: hint)
    }

    static func unknownLanguage(_ written: String) -> Message {
        Message(
            "T0312", en: "unknown language '\(written)'", id: "bahasa '\(written)' tidak dikenal",
            hint: Bilingual(id: "gunakan 'id' atau 'en'", en: "use 'id' or 'en'"))
    }

    static func unknownVacancy(_ written: String, known: [String]) -> Message {
        Message(
            "T0313", en: "unknown vacancy '\(written)'", id: "lowongan '\(written)' tidak dikenal",
            hint: .didYouMean(written, in: known)
                ?? Bilingual(
                    id: "lowongan: \(known.joined(separator: ", "))", en: "vacancies: \(known.joined(separator: ", "))")
        )
    }

    static func unknownCategory(_ written: String, known: [String]) -> Message {
        Message(
            "T0314", en: "unknown category '\(written)'", id: "kategori '\(written)' tidak dikenal",
            hint: .suggestion(written, in: known))
    }

    static var expiresBeforeDate: Message {
        Message(
            "T0315", en: "'expires' is not after 'date': the announcement goes straight to the archive",
            id: "'expires' tidak lebih lambat dari 'date': pengumuman langsung masuk arsip")
    }

    static func announcementOfDraftVacancy(_ id: String) -> Message {
        Message(
            "T0316", en: "announcement belongs to vacancy '\(id)', which is a draft",
            id: "pengumuman ini milik lowongan '\(id)', yang masih draf")
    }

    static func attachmentAbsolute(_ raw: String) -> Message {
        Message(
            "T0317", en: "attachment '\(raw)' must be a path under content/files/, not an absolute path",
            id: "lampiran '\(raw)' harus berupa jalur di bawah content/files/, bukan jalur absolut",
            hint: Bilingual(
                id: "tulis relatif terhadap content/files/, misalnya 'ralat-formasi.pdf'",
                en: "write it relative to content/files/, e.g. 'ralat-formasi.pdf'"))
    }

    static func attachmentOutside(_ raw: String) -> Message {
        Message(
            "T0318", en: "attachment '\(raw)' points outside content/files/",
            id: "lampiran '\(raw)' menunjuk ke luar content/files/",
            hint: Bilingual(
                id: "salin berkasnya ke content/files/ lalu sebut dari sana",
                en: "copy the file into content/files/ and name it from there"))
    }

    static func attachmentMissing(_ raw: String, path: String, known: [String]) -> Message {
        Message(
            "T0319", en: "attachment '\(raw)' does not exist in content/files/",
            id: "lampiran '\(raw)' tidak ada di content/files/", hint: .didYouMean(path, in: known))
    }

    static func attachmentLinksOutside(_ raw: String) -> Message {
        Message(
            "T0320", en: "attachment '\(raw)' is a symbolic link to a file outside content/",
            id: "lampiran '\(raw)' adalah tautan simbolik ke berkas di luar content/",
            hint: Bilingual(
                id: "salin berkas aslinya ke content/files/", en: "copy the file itself into content/files/"))
    }

    static func pathTaken(_ path: String, by owner: Bilingual, first: Bilingual) -> Message {
        Message(
            "T0321", en: "\(owner.en) would write '\(path)', which \(first.en) already writes",
            id: "\(owner.id) akan menulis '\(path)', yang sudah ditulis oleh \(first.id)",
            hint: Bilingual(id: "ganti nama salah satunya", en: "rename one of them"))
    }

    static func pageInReservedFolder(_ slug: String, path: String, holds use: Bilingual) -> Message {
        Message(
            "T0322", en: "page '\(slug)' would write '\(path)', but '\(slug)/' holds \(use.en)",
            id: "halaman '\(slug)' akan menulis '\(path)', padahal '\(slug)/' berisi \(use.id)",
            hint: Bilingual(
                id: "ganti nama berkasnya, misalnya menjadi 'tentang-\(slug).md'",
                en: "rename the file, e.g. to 'tentang-\(slug).md'"))
    }

    static func themeNotFound(_ name: String, folder: String) -> Message {
        Message(
            "T0323", en: "theme '\(name)' not found: expected the folder \(folder)",
            id: "tema '\(name)' tidak ditemukan: diharapkan folder \(folder)")
    }

    static func templateError(_ problem: Bilingual) -> Message {
        Message("T0324", en: "template error: \(problem.en)", id: "kesalahan templat: \(problem.id)")
    }

    static func missingTemplate(_ name: String) -> Message {
        Message(
            "T0325", en: "theme has no template '\(name).mustache'",
            id: "tema tidak memiliki templat '\(name).mustache'")
    }

    static func noInterfaceStrings(_ language: String) -> Message {
        Message(
            "T0326", en: "theme has no interface strings for language '\(language)'",
            id: "tema tidak memiliki teks antarmuka untuk bahasa '\(language)'")
    }

    static var interfaceStringsNotAMapping: Message {
        Message(
            "T0327", en: "interface strings must be 'key: text' lines",
            id: "teks antarmuka harus berupa baris 'kunci: teks'")
    }

    static func missingInterfaceString(_ key: String, presentIn: String? = nil) -> Message {
        guard let presentIn else {
            return Message(
                "T0328", en: "missing interface string '\(key)'", id: "teks antarmuka '\(key)' tidak ada")
        }
        return Message(
            "T0328", en: "missing interface string '\(key)' (it is in \(presentIn).yml)",
            id: "teks antarmuka '\(key)' tidak ada (ada di \(presentIn).yml)")
    }
}

extension Bilingual {
    /// What a Mustache template's parser found wrong.
    static func templateProblem(_ error: any Error) -> Bilingual {
        guard let error = error as? MustacheTemplate.Error else { return .same("\(error)") }
        switch error {
        case .sectionCloseNameIncorrect:
            return Bilingual(
                id: "tag penutup ini tidak cocok dengan bagian yang ditutupnya",
                en: "this closing tag does not match the section it closes")
        case .unfinishedName:
            return Bilingual(id: "ada tag yang tidak ditutup dengan '}}'", en: "a tag is not closed with '}}'")
        case .expectedSectionEnd:
            return Bilingual(id: "ada bagian yang tidak pernah ditutup", en: "a section is never closed")
        case .invalidSetDelimiter:
            return Bilingual(id: "tag pengganti pembatas salah bentuk", en: "the set-delimiter tag is malformed")
        case .transformAppliedToInheritanceSection:
            return Bilingual(
                id: "transformasi tidak dapat diterapkan pada bagian warisan",
                en: "a transform cannot be applied to an inherited section")
        case .illegalTokenInsideInheritSection:
            return Bilingual(
                id: "di dalam bagian yang mewarisi hanya boleh ada blok ({{$nama}})",
                en: "only blocks ({{$name}}) may stand inside an inheriting section")
        case .textInsideInheritSection:
            return Bilingual(
                id: "ada teks di luar blok di dalam bagian yang mewarisi",
                en: "text outside a block inside an inheriting section")
        case .invalidConfigVariableSyntax: return Bilingual(id: "pragma salah bentuk", en: "the pragma is malformed")
        case .unrecognisedConfigVariable: return Bilingual(id: "pragma tidak dikenal", en: "unknown pragma")
        }
    }
}

extension CodeExplanation {
    static let site: [CodeExplanation] = [
        .init(
            .siteFileNotAMapping, meaning: "`content/site.yml` tidak berupa kumpulan kunci.",
            action: "Tulis setiap kunci sebagai 'nama: nilai', misalnya `title: Seleksi ASN Kota Contoh`."),
        .init(
            .unknownSiteZone("WITA"), meaning: "`timezone` di site.yml harus nama zona waktu Indonesia.",
            action: "Tulis `Asia/Jakarta` (WIB), `Asia/Makassar` (WITA) atau `Asia/Jayapura` (WIT)."),
        .init(
            .languageListedTwice("id"), meaning: "Satu bahasa tercantum dua kali di `languages`.",
            action: "Hapus yang kedua."),
        .init(
            .primaryLanguageDiffers(language: "en", languages: "id"),
            meaning: "`language` dan bahasa pertama `languages` berbeda, jadi bahasa utama tidak jelas.",
            action: "Cukup tulis `languages`; bahasa pertamanya adalah bahasa utama."),
        .init(
            .badBaseURL("seleksi.kotacontoh.go.id"), meaning: "`base_url` harus alamat lengkap situs.",
            action: "Tulis alamat lengkap yang diawali https:// dan diakhiri '/'."),
        .init(
            .noBaseURL, meaning: "Tanpa `base_url`, sitemap.xml tidak dibuat dan tautan di feed.xml relatif.",
            action: "Isi `base_url` dengan alamat situs setelah terbit."),
        .init(
            .badEmail("bkpsdm di kotacontoh"), meaning: "`contact.email` bukan alamat email.",
            action: "Tulis satu alamat email yang sah."),
        .init(
            .themeNameNotASlug("Tema Baru"), meaning: "`theme` adalah nama folder di `themes/`.",
            action: "Tulis nama folder tema dengan huruf kecil, angka dan '-'."),
        .init(
            .signerWithoutKey, meaning: "`signer` hanya berarti bila `signing_key` diisi.",
            action: "Tambahkan `signing_key` atau hapus `signer`."),
        .init(
            .badSigningKey(SSHPublicKey.Problem.noPublicKey.words),
            meaning: "`signing_key` bukan kunci publik OpenSSH Ed25519 yang dapat dibaca.",
            action:
                "Salin baris berkas `.pub` (diawali `ssh-ed25519 AAAA`) dari kunci yang dibuat dengan `ssh-keygen -t ed25519`."
        ),
        .init(
            .badSigner("BKPSDM Kota Contoh"),
            meaning:
                "Identitas penanda tangan dipakai dalam perintah yang ditempel pembaca, jadi hanya boleh karakter yang aman.",
            action: "Tulis `signer` seperti alamat email, misalnya `bkpsdm@kotacontoh.go.id`."),
        .init(
            .unknownLanguage("ind"), meaning: "Terbuka mengenal bahasa `id` dan `en`.", action: "Tulis `id` atau `en`."),
        .init(
            .badSigner(""),
            meaning:
                "Baris `signing_key` tidak memiliki komentar (misalnya alamat email) untuk menyebut penanda tangannya.",
            action: "Tambahkan `signer: bkpsdm@kotacontoh.go.id`, atau salin baris `.pub` lengkap dengan komentarnya."),
        .init(
            .unknownVacancy("cpns-2042", known: ["cpns-2024", "pppk-2024"]),
            meaning: "Pengumuman menyebut lowongan yang tidak ada di `content/vacancies/`.",
            action: "Tulis nama folder lowongan yang benar."),
        .init(
            .unknownCategory("hasill", known: AnnouncementCategory.allCases.map(\.rawValue)),
            meaning: "`category` pengumuman tidak dikenal.", action: "Gunakan salah satu kategori yang disebut."),
        .init(
            .expiresBeforeDate, meaning: "Pengumuman kedaluwarsa sebelum atau saat terbit.",
            action: "Periksa `expires`: harus setelah `date`."),
        .init(
            .announcementOfDraftVacancy("cpns-2024"),
            meaning: "Pengumuman terbit untuk lowongan yang masih draf, sehingga tautannya ke lowongan tidak ada.",
            action: "Terbitkan lowongannya (hapus `draft: true`) atau jadikan pengumuman itu draf juga."),
        .init(
            .attachmentAbsolute("/home/staf/sk.pdf"),
            meaning: "Lampiran disebut dengan jalur absolut; lampiran harus ada di `content/files/`.",
            action: "Salin berkas ke `content/files/` dan tulis namanya saja."),
        .init(
            .attachmentOutside("../rahasia.pdf"), meaning: "Jalur lampiran keluar dari `content/files/`.",
            action: "Salin berkas ke `content/files/` dan tulis namanya dari sana."),
        .init(
            .attachmentMissing("ralat.pdf", path: "ralat.pdf", known: ["ralat-formasi.pdf"]),
            meaning: "Berkas lampiran tidak ada di `content/files/`.",
            action: "Periksa ejaan nama berkas atau salin berkasnya ke `content/files/`."),
        .init(
            .attachmentLinksOutside("sk.pdf"), meaning: "Lampiran adalah tautan simbolik ke luar `content/`.",
            action: "Salin berkas aslinya ke `content/files/`."),
        .init(
            .pathTaken(
                "lowongan/cpns-2024/index.html", by: .same("content/pages/lowongan-cpns.md"),
                first: .same("content/vacancies/cpns-2024/index.md")),
            meaning: "Dua sumber akan menulis halaman yang sama.", action: "Ganti nama salah satu berkas."),
        .init(
            .pageInReservedFolder(
                "jadwal", path: "jadwal/index.html", holds: Bilingual(id: "halaman jadwal", en: "the schedule page")),
            meaning: "Nama halaman sama dengan folder yang ditulis Terbuka sendiri.",
            action: "Ganti nama berkas halaman."),
        .init(
            .themeNotFound("biru", folder: "themes/biru"), meaning: "Tema yang disebut `theme` tidak ada.",
            action: "Buat folder `themes/NAMA` atau hapus `theme` untuk memakai tema bawaan."),
        .init(
            .templateError(Bilingual(id: "ada bagian yang tidak pernah ditutup", en: "a section is never closed")),
            meaning: "Templat Mustache di tema tidak dapat dibaca.",
            action: "Perbaiki templat pada baris yang disebut; bandingkan dengan tema bawaan di `themes/default`."),
        .init(
            .missingTemplate("page"), meaning: "Tema tidak memiliki templat yang diperlukan.",
            action: "Salin templat itu dari `themes/default/templates/`."),
        .init(
            .noInterfaceStrings("en"), meaning: "Tema tidak memiliki teks antarmuka untuk salah satu bahasa situs.",
            action: "Salin `i18n/BAHASA.yml` dari `themes/default`."),
        .init(
            .interfaceStringsNotAMapping, meaning: "Berkas teks antarmuka harus berupa baris 'kunci: teks'.",
            action: "Bandingkan dengan `themes/default/i18n/id.yml`."),
        .init(
            .missingInterfaceString("results.cutoff"), meaning: "Teks antarmuka yang dipakai templat tidak ada.",
            action: "Tambahkan kunci itu ke berkas i18n tema (lihat `themes/default/i18n/`)."),
    ]
}

/// What the generator writes, as messages about clashing paths name it (T0321, T0322).
extension Bilingual {
    /// Top-level folders the generator writes, with what it writes there.
    static let reservedFolders: [String: Bilingual] = [
        "lowongan": Bilingual(id: "halaman lowongan", en: "the vacancy pages"),
        "pengumuman": Bilingual(id: "halaman pengumuman", en: "the announcement pages"),
        "jadwal": Bilingual(id: "halaman jadwal", en: "the schedule page"),
        "cari": Bilingual(id: "halaman pencarian", en: "the search page"),
        "data": Bilingual(id: "unduhan data terbuka", en: "the open data downloads"),
        "files": Bilingual(id: "lampiran", en: "the attachments"),
        "assets": Bilingual(id: "style sheet dan skrip tema", en: "the theme's style sheets and scripts"),
        "en": Bilingual(id: "antarmuka bahasa Inggris", en: "the English interface"),
        "id": Bilingual(
            id: "antarmuka bahasa Indonesia (bila bukan bahasa utama)",
            en: "the Indonesian interface (when it is not the primary one)"),
    ]

    /// Pages every site has, by path.
    static let generatedPages: [(String, Bilingual)] = [
        (Route.home, Bilingual(id: "halaman depan", en: "the home page")),
        (Route.vacancyList, Bilingual(id: "daftar lowongan", en: "the vacancy list")),
        (Route.announcementList, Bilingual(id: "daftar pengumuman", en: "the announcement list")),
        (Route.notFound, Bilingual(id: "halaman 404", en: "the 404 page")),
        (Route.schedule, Bilingual(id: "halaman jadwal", en: "the schedule page")),
        (Route.calendar, Bilingual(id: "kalender", en: "the calendar")),
        (Route.search, Bilingual(id: "halaman pencarian", en: "the search page")),
    ]

    static let authenticityPage = Bilingual(id: "halaman 'Periksa keaslian'", en: "the page 'Periksa keaslian'")
}
