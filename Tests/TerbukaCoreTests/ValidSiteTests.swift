import Foundation
import Testing

@testable import TerbukaCore

@Suite struct ValidSiteTests {
    @Test func theTestSiteHasNoProblems() async throws {
        let site = try TestSite()
        defer { site.cleanUp() }
        #expect(await site.messages() == [])
    }
}
