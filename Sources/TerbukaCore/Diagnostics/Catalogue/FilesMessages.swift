// T01xx: the content folder and its files.

extension Message {
    static func noContentFolder(site: String) -> Message {
        Message(
            "T0101",
            en: "no content folder: expected 'content/' with site.yml inside \(site)",
            id: "folder content tidak ada: diharapkan 'content/' berisi site.yml di dalam \(site)")
    }

    static func notPartOfASite(_ name: String, known: [String]) -> Message {
        Message(
            "T0102",
            en: "'content/\(name)' is not part of a site and is ignored",
            id: "'content/\(name)' bukan bagian dari situs dan diabaikan",
            hint: .didYouMean(name, in: known))
    }

    static var missingSiteFile: Message {
        Message(
            "T0103",
            en: "missing content/site.yml: every site needs its title, agency and timezone",
            id: "content/site.yml tidak ada: setiap situs memerlukan judul, instansi dan zona waktunya")
    }

    static func tooManyFiles(_ count: Int, limit: Int) -> Message {
        Message(
            "T0104",
            en: "content/ holds \(count) files; a site may have at most \(limit)",
            id: "content/ berisi \(count) berkas; satu situs paling banyak \(limit)",
            hint: Bilingual(
                id: "pindahkan seleksi lama ke situs tersendiri", en: "move old rounds into a site of their own"))
    }

    static func vacancyIsNotAFolder(_ path: String) -> Message {
        Message(
            "T0105",
            en: "'\(path)' is not a folder: each vacancy is a folder with index.md and formations.csv",
            id: "'\(path)' bukan folder: setiap lowongan adalah folder berisi index.md dan formations.csv")
    }

    static func folderNameIsNotASlug(_ name: String) -> Message {
        Message(
            "T0106",
            en: "vacancy folder name '\(name)' is not a slug (lower-case a-z, 0-9 and '-')",
            id: "nama folder lowongan '\(name)' bukan slug (huruf kecil a-z, 0-9 dan '-')",
            hint: .renameTo(Slug.make(from: name)))
    }

    static var vacancyWithoutNotice: Message {
        Message(
            "T0107",
            en: "vacancy folder has no index.md (the notice with its front matter)",
            id: "folder lowongan tidak memiliki index.md (pengumuman beserta front matter-nya)")
    }

    static var twoFormationLists: Message {
        Message(
            "T0108",
            en: "the vacancy has both formations.csv and formations.xlsx; keep one",
            id: "lowongan memiliki formations.csv sekaligus formations.xlsx; simpan salah satu")
    }

    static var vacancyWithoutFormations: Message {
        Message(
            "T0109",
            en: "vacancy folder has no formations.csv (its formation list; formations.xlsx is read as well)",
            id: "folder lowongan tidak memiliki formations.csv (daftar formasinya; formations.xlsx juga dibaca)")
    }

    /// A file that is not a regular file inside content/: `refusal` says what it is.
    static func fileRefused(_ path: String, _ refusal: Bilingual) -> Message {
        Message("T0110", en: "'\(path)' \(refusal.en)", id: "'\(path)' \(refusal.id)")
    }

    static func notMarkdown(_ path: String) -> Message {
        Message(
            "T0111",
            en: "'\(path)' is not a Markdown file (.md) and is ignored",
            id: "'\(path)' bukan berkas Markdown (.md) dan diabaikan")
    }

    static func fileNameIsNotASlug(_ stem: String) -> Message {
        Message(
            "T0112",
            en: "file name '\(stem)' is not a slug (lower-case a-z, 0-9 and '-')",
            id: "nama berkas '\(stem)' bukan slug (huruf kecil a-z, 0-9 dan '-')",
            hint: .renameTo(Slug.make(from: stem) + ".md"))
    }

    static func linkLeadsOutside(_ path: String) -> Message {
        Message(
            "T0113",
            en: "'\(path)' is a symbolic link to a place outside content/; it is not published",
            id: "'\(path)' adalah tautan simbolik ke tempat di luar content/; berkas ini tidak diterbitkan")
    }

    static func linkToFolder(_ path: String) -> Message {
        Message(
            "T0114",
            en: "'\(path)' is a symbolic link to a folder and is not followed",
            id: "'\(path)' adalah tautan simbolik ke folder dan tidak diikuti")
    }

    static func cannotRead(_ reason: Bilingual, hint: Bilingual? = nil) -> Message {
        Message(
            "T0115", en: "cannot read the file: \(reason.en)", id: "berkas tidak dapat dibaca: \(reason.id)", hint: hint
        )
    }

    /// A read that failed partway through a table (a disk error, a file on a network share
    /// gone): the rows before it were read, the others not.
    static func readStopped(_ reason: Bilingual) -> Message {
        cannotRead(
            Bilingual(
                id:
                    "pembacaan berhenti di sini (\(reason.id)); baris sesudahnya tidak terbaca, jadi tabel ini tidak dipakai",
                en: "reading stopped here (\(reason.en)); the rows after it were not read, so the table is not used"),
            hint: Bilingual(
                id: "periksa disk atau salinan berkasnya, lalu jalankan build lagi",
                en: "check the disk or the copy of the file, then build again"))
    }

    static var notUTF8: Message {
        Message(
            "T0116",
            en: "file is not valid UTF-8",
            id: "berkas bukan UTF-8 yang sah",
            hint: Bilingual(
                id: "buka di penyunting teks atau spreadsheet lalu simpan lagi dengan encoding 'UTF-8'",
                en: "open it in a text editor or spreadsheet and save it again with the encoding 'UTF-8'"))
    }

    static func controlCharacter(_ name: String) -> Message {
        Message(
            "T0117",
            en: "the file holds the control character \(name), which no page may show",
            id: "berkas memuat karakter kendali \(name), yang tidak boleh tampil di halaman mana pun",
            hint: Bilingual(
                id:
                    "hapus karakter itu: karakter seperti ini terbawa saat teks disalin dari PDF, terminal atau program lain",
                en: "delete it: such characters come in when text is copied from a PDF, a terminal or another program"))
    }

    /// Two files or folders of one folder whose names are the same text in other bytes
    /// (`NameTwins`); `path` is the one left out, `spelling` how it writes its accents.
    static func nameTwin(_ path: String, _ spelling: NameTwins.Spelling) -> Message {
        let how: Bilingual
        switch spelling {
        case .composed:
            how = Bilingual(
                id:
                    "nama ini menulis huruf beraksen sebagai satu karakter (Unicode NFC), yang lain sebagai huruf ditambah aksen (NFD)",
                en:
                    "this name writes accented letters as one character (Unicode NFC), the other as a letter and an accent (NFD)"
            )
        case .decomposed:
            how = Bilingual(
                id:
                    "nama ini menulis huruf beraksen sebagai huruf ditambah aksen (Unicode NFD), yang lain sebagai satu karakter (NFC)",
                en:
                    "this name writes accented letters as a letter and an accent (Unicode NFD), the other as one character (NFC)"
            )
        case .mixed:
            how = Bilingual(
                id: "keduanya menulis huruf beraksen dengan cara berbeda (Unicode NFC dan NFD)",
                en: "the two write accented letters in different ways (Unicode NFC and NFD)")
        }
        return Message(
            "T0118",
            en: "'\(path)' has the name of another file or folder here, in other bytes: \(how.en); it is left out",
            id:
                "'\(path)' bernama sama dengan berkas atau folder lain di sini, dengan byte berbeda: \(how.id); yang ini tidak diikutkan",
            hint: Bilingual(
                id: "ganti nama salah satunya (misalnya tanpa aksen), atau hapus yang tidak dipakai",
                en: "rename one of them (for example without the accent), or remove the one not used"))
    }
}

/// Why a file cannot be read or used, as a phrase after its name.
extension Bilingual {
    static func systemError(_ text: String) -> Bilingual {
        Bilingual(id: "tidak dapat dibaca: \(text)", en: "cannot be read: \(text)")
    }
    static let changedDuringBuild = Bilingual(
        id: "berkas berubah selama build berjalan; jalankan build sekali lagi",
        en: "the file changed while the site was being built; build again")
    static let danglingLink = Bilingual(
        id: "adalah tautan simbolik ke sesuatu yang tidak ada (targetnya tidak ada)",
        en: "is a symbolic link to nothing (its target does not exist)")
    static let linkOutside = Bilingual(
        id: "adalah tautan simbolik ke tempat di luar content/; salin berkasnya sendiri ke dalam content/",
        en: "is a symbolic link to a place outside content/; copy the file itself into content/")
    static let isAFolder = Bilingual(
        id: "adalah folder, padahal yang diharapkan berkas", en: "is a folder, where a file is expected")
    static let isAPipe = Bilingual(
        id: "adalah named pipe (FIFO), bukan berkas", en: "is a named pipe (FIFO), not a file")
    static let notARegularFile = Bilingual(id: "bukan berkas biasa", en: "is not a regular file")
    static let permissionDenied = Bilingual(id: "izin ditolak", en: "permission denied")
    static let fileDoesNotExist = Bilingual(id: "berkas tidak ada", en: "the file does not exist")
    static let fileDamaged = Bilingual(id: "berkas rusak", en: "the file is damaged")
}

extension CodeExplanation {
    static let files: [CodeExplanation] = [
        .init(
            .noContentFolder(site: "/home/bkpsdm/situs"),
            meaning: "Folder situs yang diberikan tidak memiliki folder `content/`.",
            action:
                "Jalankan perintah di folder situs, atau beri `--site FOLDER`; situs baru dibuat dengan `terbuka init`."
        ),
        .init(
            .notPartOfASite("catatan", known: ["site.yml", "vacancies", "announcements", "pages", "files"]),
            meaning: "Ada berkas atau folder di `content/` yang tidak dikenal; isinya tidak diterbitkan.",
            action: "Pindahkan ke tempat yang benar (misalnya `content/files/`) atau keluarkan dari `content/`."),
        .init(
            .missingSiteFile, meaning: "`content/site.yml` tidak ada.",
            action: "Buat `content/site.yml` dengan `title`, `agency` dan `timezone` (lihat bagian site.yml)."),
        .init(
            .tooManyFiles(200_001, limit: 200_000),
            meaning: "Situs melebihi batas jumlah berkas di `content/`.",
            action: "Pindahkan seleksi tahun-tahun lama ke situs tersendiri."),
        .init(
            .vacancyIsNotAFolder("content/vacancies/catatan.txt"),
            meaning: "Di `content/vacancies/` ada berkas, padahal setiap lowongan adalah folder.",
            action: "Pindahkan berkas itu ke dalam folder lowongannya atau ke `content/files/`."),
        .init(
            .folderNameIsNotASlug("CPNS 2024"),
            meaning: "Nama folder lowongan menjadi bagian alamat halaman, jadi hanya boleh huruf kecil, angka dan '-'.",
            action: "Ganti nama folder seperti yang disarankan."),
        .init(
            .vacancyWithoutNotice, meaning: "Folder lowongan tidak memiliki `index.md`.",
            action: "Buat dengan `terbuka new vacancy ID` atau salin dari lowongan lain."),
        .init(
            .twoFormationLists, meaning: "Formasi hanya boleh berasal dari satu berkas.",
            action: "Hapus salah satu dari `formations.csv` dan `formations.xlsx`."),
        .init(
            .vacancyWithoutFormations, meaning: "Folder lowongan tidak memiliki daftar formasi.",
            action: "Tambahkan `formations.csv` atau `formations.xlsx`, misalnya dengan `terbuka import sscasn`."),
        .init(
            .fileRefused("content/files/lampiran.pdf", .danglingLink),
            meaning: "Berkas itu bukan berkas biasa di dalam `content/` (tautan, folder, pipe) sehingga tidak dibaca.",
            action: "Salin berkas aslinya ke dalam `content/`."),
        .init(
            .notMarkdown("content/pages/tentang.txt"),
            meaning: "Halaman dan pengumuman ditulis sebagai berkas Markdown `.md`; berkas lain diabaikan.",
            action: "Ganti akhiran nama berkas menjadi `.md`, atau pindahkan lampiran ke `content/files/`."),
        .init(
            .fileNameIsNotASlug("Hasil SKD"),
            meaning: "Nama berkas menjadi alamat halaman, jadi hanya boleh huruf kecil, angka dan '-'.",
            action: "Ganti nama berkas seperti yang disarankan."),
        .init(
            .linkLeadsOutside("content/files/sk.pdf"),
            meaning:
                "Tautan simbolik yang menunjuk ke luar `content/` tidak diterbitkan, agar tidak ada berkas lain yang ikut terbit.",
            action: "Salin berkas aslinya ke `content/files/`."),
        .init(
            .linkToFolder("content/files/arsip"), meaning: "Tautan simbolik ke folder tidak diikuti.",
            action: "Salin folder itu ke `content/files/` bila isinya memang akan diterbitkan."),
        .init(
            .cannotRead(.permissionDenied), meaning: "Berkas tidak dapat dibaca; alasannya dari sistem operasi.",
            action:
                "Periksa izin berkas dan apakah berkas itu masih ada. Bila pembacaan berhenti di tengah tabel"
                + " (gangguan disk, atau berkas di folder jaringan yang terputus), periksa disk atau salin ulang"
                + " berkasnya, lalu jalankan build lagi."),
        .init(
            .notUTF8, meaning: "Berkas tidak tersimpan sebagai UTF-8, sehingga huruf bisa rusak.",
            action: "Simpan ulang berkas dengan encoding UTF-8 (di Excel: 'CSV UTF-8')."),
        .init(
            .controlCharacter("U+0008 (BACKSPACE)"),
            meaning: "Berkas memuat karakter kendali yang tidak terlihat dan tidak boleh tampil di halaman.",
            action: "Hapus karakter itu di penyunting teks pada baris dan kolom yang disebut."),
        .init(
            .nameTwin("content/files/café.pdf", .composed),
            meaning:
                "Dua berkas atau folder di satu folder bernama sama tetapi ditulis dengan byte berbeda: huruf beraksen sebagai satu karakter (cara kebanyakan program) dan sebagai huruf ditambah aksen (cara program macOS sering menulis nama berkas). Tabel Terbuka menurut nama akan menganggap keduanya satu berkas, dan Mac yang membuka arsip situs hanya menyimpan satu.",
            action: "Ganti nama salah satu berkas (misalnya tanpa aksen), atau hapus salinan yang tidak dipakai."),
    ]
}
