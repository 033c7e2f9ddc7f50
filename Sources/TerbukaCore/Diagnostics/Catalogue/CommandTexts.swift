// What the commands other than build and check say: init, new, import sscasn, verify.
// Plain lines for people, in the language of messages (`--lang`, the locale, Indonesian).

extension Bilingual {
    // MARK: init and new

    public static func created(_ path: String) -> Bilingual {
        Bilingual(id: "dibuat: \(path)", en: "created \(path)")
    }

    public static func kept(_ path: String) -> Bilingual {
        Bilingual(id: "dibiarkan: \(path) sudah ada", en: "kept \(path): it already exists")
    }

    public static func nextEditSite(_ folder: String) -> Bilingual {
        Bilingual(
            id: "berikutnya: sunting content/site.yml, lalu jalankan 'terbuka build --site \(folder)'",
            en: "next: edit content/site.yml, then run 'terbuka build --site \(folder)'")
    }

    public static func nextNotice(_ vacancy: String) -> Bilingual {
        Bilingual(
            id: "berikutnya: 'terbuka new vacancy \(vacancy)' menulis pengumumannya (index.md)",
            en: "next: 'terbuka new vacancy \(vacancy)' writes its notice (index.md)")
    }

    public static func wrote(_ path: String) -> Bilingual {
        Bilingual(id: "ditulis: \(path)", en: "wrote \(path)")
    }

    public static func unknownZoneOption(_ written: String) -> Bilingual {
        let names = SiteTimeZone.allCases.map(\.identifier).joined(separator: ", ")
        return Bilingual(
            id: "zona waktu '\(written)' tidak dikenal; gunakan salah satu dari \(names)",
            en: "unknown time zone '\(written)'; use one of \(names)")
    }

    static func contentExists(_ path: String) -> Bilingual {
        Bilingual(
            id: "\(path) sudah ada; init membuat situs baru dan tidak mengubah apa pun yang sudah ada",
            en: "\(path) already exists; init makes a new site and changes nothing that is there")
    }

    static func guideMissing(_ name: String) -> Bilingual {
        Bilingual(
            id: "panduan \(name) tidak ada di salinan Terbuka ini; pasang ulang",
            en: "the guide \(name) is missing from this copy of Terbuka; reinstall it")
    }

    public static func notASlugOption(_ slug: String) -> Bilingual {
        Bilingual(
            id: "'\(slug)' bukan slug (huruf kecil a-z, 0-9 dan '-'); coba '\(Slug.make(from: slug))'",
            en: "'\(slug)' is not a slug (lower-case a-z, 0-9 and '-'); try '\(Slug.make(from: slug))'")
    }

    static func fileExistsNothingWritten(_ path: String) -> Bilingual {
        Bilingual(id: "\(path) sudah ada; tidak ada yang ditulis", en: "\(path) already exists; nothing was written")
    }

    public static func existsUseForce(_ path: String) -> Bilingual {
        Bilingual(
            id: "\(path) sudah ada; tambahkan --force untuk menggantinya",
            en: "\(path) already exists; add --force to replace it")
    }

    // MARK: import sscasn

    static func importRead(rows: Int, formations: Int, merged: Int) -> Bilingual {
        Bilingual(
            id: "\(rows) baris dibaca: \(formations) formasi (\(merged) baris digabung ke formasi yang diulanginya)",
            en: "read \(rows) rows: \(formations) formations (\(merged) rows merged into the formation they repeat)")
    }

    static func importKind(_ written: String, _ slug: String) -> Bilingual {
        Bilingual(id: "jenis \"\(written)\" → \(slug)", en: "kind \"\(written)\" → \(slug)")
    }

    static func importKindsWithoutMarks(_ kinds: [String]) -> Bilingual {
        let list = kinds.joined(separator: ", ")
        return Bilingual(
            id: "jenis tanpa nilai ambang batas di preset CPNS (tambahkan di scoring.passing dalam index.md): \(list)",
            en: "kinds without passing marks in the CPNS preset (add them under scoring.passing in index.md): \(list)")
    }

    static func unclear(_ text: Bilingual) -> Bilingual {
        Bilingual(id: "tidak jelas: \(text.id)", en: "unclear: \(text.en)")
    }

    static func salaryNotMillions(line: Int, _ raw: String) -> Bilingual {
        Bilingual(
            id: "baris \(line): gaji '\(raw)' bukan angka dalam juta",
            en: "line \(line): salary '\(raw)' is not a number of millions")
    }

    static func salaryNotWhole(line: Int, _ raw: String) -> Bilingual {
        Bilingual(
            id: "baris \(line): gaji '\(raw)' bukan bilangan bulat",
            en: "line \(line): salary '\(raw)' is not a whole number")
    }

    static func importFieldCount(line: Int, fields: Int, header: Int) -> Bilingual {
        Bilingual(
            id: "baris \(line): \(fields) kolom padahal header memiliki \(header); baris dilewati",
            en: "line \(line): \(fields) fields where the header has \(header); row skipped")
    }

    static func importSeatsDiffer(line: Int, code: String, here: String, first: Int?, firstLine: Int) -> Bilingual {
        Bilingual(
            id:
                "baris \(line): formasi \(code) berkuota \(here) di sini tetapi \(first.map(String.init) ?? "tidak ada") pada baris \(firstLine); yang pertama dipakai",
            en:
                "line \(line): formation \(code) has \(here) seats here but \(first.map(String.init) ?? "none") on line \(firstLine); the first is kept"
        )
    }

    static func importBadSeats(line: Int, _ written: String) -> Bilingual {
        Bilingual(
            id: "baris \(line): kuota '\(written)' bukan bilangan bulat paling kecil 1",
            en: "line \(line): seats '\(written)' is not a whole number of at least 1")
    }

    static let importSalariesInMillions = Bilingual(
        id: "gaji ditulis dalam juta rupiah dan disimpan dalam rupiah (7,97 → 7970000)",
        en: "salaries were given in millions of rupiah and are written in rupiah (7.97 → 7970000)")

    static func importEmpty(_ path: String) -> Bilingual {
        Bilingual(id: "\(path): berkasnya kosong", en: "\(path): the file is empty")
    }

    static func importNotAnExport(_ path: String) -> Bilingual {
        Bilingual(
            id:
                "\(path): bukan ekspor formasi SSCASN: diharapkan kolom jabatan_nm (atau jabatan), lokasi_nm (atau unit_kerja), formasi_nm (atau formasi) dan jumlah_formasi (atau kebutuhan)",
            en:
                "\(path): not an SSCASN formation export: expected the columns jabatan_nm (or jabatan), lokasi_nm (or unit_kerja), formasi_nm (or formasi) and jumlah_formasi (or kebutuhan)"
        )
    }

    // MARK: verify

    static func noSums(_ path: String) -> Bilingual {
        Bilingual(id: "\(path): tidak ada SHA256SUMS untuk diperiksa", en: "\(path): no SHA256SUMS to check against")
    }

    static func badSumsLine(_ number: Int) -> Bilingual {
        Bilingual(
            id: "baris \(number) SHA256SUMS bukan '<sha256>  <jalur>'",
            en: "SHA256SUMS line \(number) is not '<sha256>  <path>'")
    }

    public static func changed(_ path: String) -> Bilingual {
        Bilingual(id: "berubah: \(path)", en: "changed: \(path)")
    }
    public static func missing(_ path: String) -> Bilingual { Bilingual(id: "hilang: \(path)", en: "missing: \(path)") }

    public static func extra(_ path: String, strict: Bool) -> Bilingual {
        Bilingual(
            id: "\(strict ? "tambahan" : "warning: tambahan") (tidak ada di SHA256SUMS): \(path)",
            en: "\(strict ? "extra" : "warning: extra") (not in SHA256SUMS): \(path)")
    }

    public static func signatureValid(_ fingerprint: String) -> Bilingual {
        Bilingual(
            id: "tanda tangan: SHA256SUMS.sig sah, dibuat oleh \(fingerprint)",
            en: "signature: SHA256SUMS.sig is valid, made by \(fingerprint)")
    }

    public static let signatureMissing = Bilingual(
        id: "error: tanda tangan: situs tidak memiliki SHA256SUMS.sig untuk diperiksa dengan kunci itu",
        en: "error: signature: the site has no SHA256SUMS.sig to check against the key")

    public static func signatureOtherKey(_ found: String, expected: String) -> Bilingual {
        Bilingual(
            id: "error: tanda tangan: SHA256SUMS.sig dibuat oleh kunci lain (\(found)), bukan oleh \(expected)",
            en: "error: signature: SHA256SUMS.sig was made by another key (\(found)), not by \(expected)")
    }

    public static let signatureOtherBytes = Bilingual(
        id:
            "error: tanda tangan: SHA256SUMS.sig dibuat oleh kunci itu tetapi atas isi lain: SHA256SUMS diubah setelah ditandatangani",
        en:
            "error: signature: SHA256SUMS.sig was made by the key but over other bytes: SHA256SUMS was changed after it was signed"
    )

    public static func signatureUnreadable(_ why: Bilingual) -> Bilingual {
        Bilingual(
            id: "error: tanda tangan: SHA256SUMS.sig tidak dapat dibaca: \(why.id)",
            en: "error: signature: SHA256SUMS.sig cannot be read: \(why.en)")
    }

    static let noSignatureBlock = Bilingual(
        id: "tidak ada blok '-----BEGIN SSH SIGNATURE-----'", en: "no '-----BEGIN SSH SIGNATURE-----' block")
    static let notSSHSIGVersion1 = Bilingual(
        id: "bukan tanda tangan SSHSIG versi 1", en: "not an SSHSIG signature of version 1")
    static let notEd25519Signature = Bilingual(
        id: "tanda tangan tidak dibuat dengan kunci Ed25519", en: "the signature was not made with an Ed25519 key")
    static let signatureTooShort = Bilingual(
        id: "tanda tangan berakhir terlalu cepat", en: "the signature ends too early")

    public static func verifyFailed(changed: Int, missing: Int, extra: Int, listed: Int) -> Bilingual {
        Bilingual(
            id:
                "verifikasi gagal: \(changed) berubah, \(missing) hilang, \(extra) tambahan dari \(listed) berkas yang tercantum",
            en: "verify failed: \(changed) changed, \(missing) missing, \(extra) extra of \(listed) files listed")
    }

    public static func verified(_ checked: Int, extra: Int) -> Bilingual {
        let more =
            extra == 0
            ? Bilingual.same("")
            : Bilingual(
                id: "; \(extra) berkas tidak ada di SHA256SUMS (ditambahkan hosting?)",
                en: "; \(extra) file\(extra == 1 ? "" : "s") not in SHA256SUMS (added by the host?)")
        return Bilingual(
            id: "semua \(checked) berkas cocok dengan SHA256SUMS\(more.id)",
            en: "all \(checked) files match SHA256SUMS\(more.en)")
    }
}

extension Bilingual {
    public static func unknownCode(_ code: String) -> Bilingual {
        Bilingual(
            id: "kode '\(code)' tidak dikenal; 'terbuka explain' tanpa kode mencantumkan semuanya",
            en: "unknown code '\(code)'; 'terbuka explain' without a code lists them all")
    }
}
