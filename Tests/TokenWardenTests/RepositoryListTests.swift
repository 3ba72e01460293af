import Foundation
import XCTest

@testable import TokenWarden

/// `--repos FILE`: what a line may name, and the clear error for one that names nothing.
final class RepositoryListTests: XCTestCase {
    private func parse(_ text: String) throws -> RepositoryList {
        try RepositoryList(text: text, file: "/audit/lists/repos.txt", name: "repos.txt")
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testLinesNameLocalPathsAndCloneURLs() throws {
        let list = try parse(
            """
            # the org's repositories

            services/api/
              ../mirrors/billing.git\r
            /srv/git/absolute
            https://github.com/example-org/website.git
            ssh://git@github.com/example-org/infra.git
            git@github.com:example-org/tools.git
            file:///srv/git/legacy.git
            """)
        XCTAssertEqual(list.entries.map(\.line), [3, 4, 5, 6, 7, 8, 9])
        XCTAssertEqual(
            list.entries.map(\.location),
            [
                .local("/audit/lists/services/api"), .local("/audit/mirrors/billing.git"), .local("/srv/git/absolute"),
                .clone("https://github.com/example-org/website.git"), .clone("ssh://git@github.com/example-org/infra.git"),
                .clone("git@github.com:example-org/tools.git"), .clone("file:///srv/git/legacy.git"),
            ])
        XCTAssertEqual(list.entries.first?.label, "services/api", "a trailing slash is not part of the label")
    }

    func testForbiddenTransportsAndBadLinesNameTheLine() {
        XCTAssertEqual(
            failure("ok\next::sh -c touch% /tmp/pwned\n"),
            "repos.txt:2: the 'ext' transport is not allowed (clone URLs use file, https, ssh)")
        XCTAssertEqual(
            failure("git://example.org/r.git"), "repos.txt:1: the 'git' transport is not allowed (clone URLs use file, https, ssh)")
        XCTAssertEqual(
            failure("\n\nhttp://example.org/r.git"), "repos.txt:3: the 'http' transport is not allowed (clone URLs use file, https, ssh)")
        XCTAssertEqual(failure("fd::17"), "repos.txt:1: the 'fd' transport is not allowed (clone URLs use file, https, ssh)")
        XCTAssertEqual(failure("--upload-pack=touch /tmp/x"), "repos.txt:1: an entry may not start with '-'")
        XCTAssertEqual(failure("a\u{1B}[31mb"), "repos.txt:1: a control character in the entry")
        XCTAssertEqual(failure("api\n# again\n./api/\n"), "repos.txt:3: './api' is listed already on line 1")
    }

    func testPasswordsInURLsNeverReachTheLabel() throws {
        let list = try parse(
            """
            https://ci:hunter2hunter2@example.org/a.git
            https://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@example.org/b.git
            ssh://git@example.org/c.git
            """)
        XCTAssertEqual(
            list.entries.map(\.label), ["https://ci:***@example.org/a.git", "https://***@example.org/b.git", "ssh://git@example.org/c.git"])
        XCTAssertEqual(list.entries.first?.location, .clone("https://ci:hunter2hunter2@example.org/a.git"), "git still gets the URL")
        XCTAssertEqual(RepositoryList.credentials(in: "https://ci:hunter2hunter2@example.org/a.git"), ["hunter2hunter2"])
        XCTAssertEqual(
            RepositoryList.credentials(in: "https://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@example.org/b.git"),
            ["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"])
        XCTAssertEqual(RepositoryList.credentials(in: "ssh://git@example.org/c.git"), [])
    }

    func testTheDigestIsTheFilesBytes() throws {
        let a = try parse("one\ntwo\n"), b = try parse("one\ntwo\n"), c = try parse("two\none\n")
        XCTAssertEqual(a.digest, b.digest)
        XCTAssertNotEqual(a.digest, c.digest)
        XCTAssertEqual(a.digest, InputIdentity.digest(["one\ntwo\n"]))
    }
}
