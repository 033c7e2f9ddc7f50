import Foundation
import Testing

@testable import TerbukaCore

/// The lookup's data for a participant's journey (issue 13): scores per stage beside the
/// passing marks of the formation's kind, the rank among the formation's rows, the
/// formation's cut-off, the stages still to come, and the tables' sources for the slip.
@Suite struct LookupJourneyTests {
    static func lookupFiles(_ site: ResultsSite) throws -> (manifest: String, shards: String) {
        let folder = site.site.output.appendingPathComponent(Route.lookupFolder("cpns-2024"))
        let files = FileListing.files(under: folder)
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.js"), encoding: .utf8)
        let shards = try files.filter { $0 != "manifest.js" }.map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        return (manifest, shards)
    }

    @Test func eachRowCarriesItsScoresRankAmongTheFormationAndTheCutOff() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,200\nB,BUDI,U1,100,100,150\nC,CICI,U1,90,90,190\n"
            )
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let (manifest, shards) = try Self.lookupFiles(site)
        // Columns of the table, then per row: cells, rows of the formation, cut-off, kind.
        #expect(manifest.contains(#""columns":[["twk","tiu","tkp","total","rank","status"]]"#))
        #expect(manifest.contains(#""marks":{"umum":{"twk":65,"tiu":80,"tkp":166}}"#))
        #expect(shards.contains(#"["B","BUDI","U1",["TL"],[0],0,[[[100,100,150,350,3,"TL"],3,370,"umum"]]]"#))
        #expect(shards.contains(#"["A","ANI","U1",["P/L"],[0],0,[[[100,100,200,400,1,"P/L"],3,370,"umum"]]]"#))
    }

    /// A participant in two tables is one entry of the lookup, with a status from each: found
    /// by the bytes of numbers all in ASCII, and as strings otherwise, where a number written
    /// with the Kelvin sign (U+212A) in one table and a K in the other is one participant, as
    /// the check of the SKB table against the SKD table takes it.
    @Test(arguments: [("A1", "A1"), ("\u{212A}1", "K1")])
    func aParticipantInTwoTablesIsOneEntryWithAStatusFromEach(skd: String, skb: String) async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\n\(skd),ANI,U2,100,120,180\nB2,BUDI,U2,100,120,170\n"),
            ("skb", "participant,name,formation,skb\n\(skb),ANI,U2,80\nB2,BUDI,U2,70\n"),
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let folder = site.site.output.appendingPathComponent(Route.lookupFolder("cpns-2024"))
        let numbers = try FileListing.files(under: folder).filter { $0.hasPrefix("n") }.map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        #expect(numbers.components(separatedBy: #","ANI","U2",["#).count == 2, "\(numbers)")
        #expect(numbers.contains(#"["\#(skd)","ANI","U2",["P/L","–"],"#), "\(numbers)")
        #expect(numbers.components(separatedBy: #","BUDI","U2",["P/L","–"],"#).count == 2, "\(numbers)")
    }

    /// A shard ends with the position of each formation its participants are in, once each,
    /// in the order its participants bring them; the page names the position from there.
    @Test func eachShardNamesThePositionOfEachOfItsParticipantsFormationsOnce() async throws {
        let site = try ResultsSite(tables: [
            (
                "skd",
                "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,200\nB,BUDI,U2,100,100,150\n"
                    + "C,CICI,U1,90,90,190\n"
            )
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let folder = site.site.output.appendingPathComponent(Route.lookupFolder("cpns-2024"))
        // Three participants are one number shard, n0.
        let shard = try String(contentsOf: folder.appendingPathComponent("n0.js"), encoding: .utf8)
        let tail = try #require(shard.range(of: "\n],")).upperBound
        let pairs = shard[tail...]
        // Members in rank order per formation, U1's (ANI, CICI) before U2's (BUDI): U1 is named
        // first, and once though two of its participants are there.
        #expect(pairs == #"{"U1":"ANALIS","U2":"PRANATA"});"# + "\n")
    }

    /// Enough participants for several shards of each kind, so that each of the two tasks
    /// that write them writes more than one: a shard names exactly the formations of its own
    /// participants, each once, in the order they first come, whatever the shards before it
    /// named; and each participant's formation is the one its rows give, in both tables.
    @Test func everyShardNamesExactlyItsOwnParticipantsFormationsAcrossManyShards() async throws {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        func word(_ number: Int) -> String {
            String([letters[number / 676 % 26], letters[number / 26 % 26], letters[number % 26]])
        }
        let count = 1_500
        let formation = (0..<count).map { $0 % 3 == 0 ? "U2" : "U1" }
        let rows = (0..<count).map { "P\(10_000 + $0),NAMA\(word($0)) ORANG\(word($0 / 7)),\(formation[$0])" }
        let site = try ResultsSite(tables: [
            ("administrasi", "participant,name,formation,status\n" + rows.map { $0 + ",MS\n" }.joined()),
            ("skd", "participant,name,formation,twk,tiu,tkp\n" + rows.map { $0 + ",100,100,200\n" }.joined()),
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let folder = site.site.output.appendingPathComponent(Route.lookupFolder("cpns-2024"))
        let shards = FileListing.files(under: folder).filter { $0 != "manifest.js" }
        #expect(shards.filter { $0.hasPrefix("n") }.count >= 4 && shards.filter { $0.hasPrefix("a") }.count >= 4)
        let pairs = ["U1": #""U1":"ANALIS""#, "U2": #""U2":"PRANATA""#]
        for name in shards {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let tail = try #require(text.range(of: "\n],{", options: .backwards))
            var order: [String] = []
            for line in text[..<tail.lowerBound].split(separator: "\n").dropFirst() {
                // ["P10012","NAMA…","U1",…
                let fields = line.split(separator: ",", maxSplits: 3)
                let number = Int(fields[0].dropFirst(3).dropLast())! - 10_000
                let code = String(fields[2].dropFirst().dropLast())
                #expect(code == formation[number], "\(name): P\(10_000 + number)")
                if !order.contains(code) { order.append(code) }
            }
            #expect(
                text[tail.upperBound...] == order.map { pairs[$0]! }.joined(separator: ",") + "});\n", "\(name)")
        }
    }

    @Test func stagesNotPublishedYetAreListedAsStillToCome() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,200\n")
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let (manifest, _) = try Self.lookupFiles(site)
        let upcoming = try #require(manifest.range(of: #""upcoming":["#)).upperBound
        let list = manifest[upcoming...].prefix { $0 != "]" }
        // The stages after the last one published, for those who go on (MS, P/L).
        #expect(list.contains("SKB") && list.contains("akhir"))
        #expect(!list.contains("administrasi") && !list.contains("Kompetensi Dasar"))
        #expect(manifest.contains(#""continuing":["MS","P/L"]"#))
    }

    @Test func theManifestNamesEachTablesAnnouncementAndTheSHA256OfItsData() async throws {
        let site = try ResultsSite(tables: [
            ("skd", "participant,name,formation,twk,tiu,tkp\nA,ANI,U1,100,100,200\n")
        ])
        defer { site.cleanUp() }
        #expect(await site.site.build().succeeded)
        let (manifest, _) = try Self.lookupFiles(site)
        let sums = try String(contentsOf: site.site.output.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let line = try #require(sums.split(separator: "\n").first { $0.hasSuffix("  data/cpns-2024/skd.csv") })
        let sha256 = String(line.prefix(64))
        #expect(
            manifest.contains(
                #""tables":[{"number":null,"published":"2024-11-01","file":"data/cpns-2024/skd.csv","sha256":"\#(sha256)"}]"#
            ))
    }
}
