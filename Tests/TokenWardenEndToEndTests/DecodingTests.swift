import Foundation
import TokenWardenTestSupport
import XCTest

@testable import TokenWarden

/// Secrets under a layer of encoding: found, pointed at the encoded run, and said how they were decoded.
final class DecodingTests: CLITestCase {
    let token = "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"

    private func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    private func scan(_ text: String, at path: String = "file.txt", _ extra: [String] = []) throws -> (Run, [Finding]) {
        let dir = try TestSupport.temporaryDirectory(self)
        try write(text, to: path, in: dir)
        let r = try run(["scan", "--format", "json", "--show-secrets"] + extra, in: dir)
        return (r, try report(r).findings)
    }

    func testTokenInsideABase64BlobIsFoundAtTheEncodedRun() throws {
        let blob = base64("GITHUB_TOKEN=\(token)\n")
        let (r, findings) = try scan("# deploy settings\nsettings: \(blob)\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(findings.map(\.rule), ["github-pat-classic"])
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(f.decoded, "base64")
        XCTAssertEqual(f.secret, token)
        XCTAssertEqual([f.line, f.column, f.endLine, f.endColumn], [2, 11, 2, 10 + blob.count])
        XCTAssertTrue(r.stdout.contains(#""decoded" : "base64""#), r.stdout)
    }

    func testDecodeDepthZeroTurnsDecodingOff() throws {
        let (r, findings) = try scan("settings: \(base64("GITHUB_TOKEN=\(token)\n"))\n", ["--decode-depth", "0"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(findings.count, 0)
    }

    /// Past the per-file decode budget (1 MiB, at most 4× the file) encoded runs are left undecoded:
    /// the file is reported with a `decode-limit` skip, not passed over silently.
    func testAnExhaustedDecodeBudgetIsReportedAsASkip() throws {
        let filler = String(repeating: "# an ordinary line of configuration text\n", count: 28_000)
        let blobs = [base64(filler), base64("GITHUB_TOKEN=\(token)\n")]
        let (r, findings) = try scan("bundle: \(blobs[0])\nextra: \(blobs[1])\n", at: "bundle.yaml")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(findings.count, 0, "the second run is past the budget")
        let skips = try report(r).skipped
        XCTAssertEqual(skips.map(\.reason), [.decodeLimit])
        XCTAssertEqual(skips.first?.path, "bundle.yaml")
        XCTAssertTrue(skips.first?.detail.contains("decode budget") ?? false, skips.first?.detail ?? "")
        let small = try scan("extra: \(blobs[1])\n").0
        XCTAssertTrue(try report(small).skipped.isEmpty, "a file within the budget has no skip")
    }

    func testKubernetesSecretDataValuesAreDecoded() throws {
        let manifest = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: ci-credentials
            type: Opaque
            data:
              username: \(base64("ci-bot"))
              GITHUB_TOKEN: \(base64(token))

            """
        let (r, findings) = try scan(manifest, at: "k8s/secret.yaml")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(findings.map(\.rule), ["github-pat-classic"])
        XCTAssertEqual(findings.first.map { [$0.line, $0.column] }, [8, 17])
        XCTAssertEqual(findings.first?.decoded, "base64")
    }

    func testDockerConfigAuthReportsThePassword() throws {
        let config = """
            {
              "auths": {
                "registry.example.com": {
                  "auth": "\(base64("ci-bot:Zq8rT2vLm9wXpK4d"))"
                }
              }
            }

            """
        let (r, findings) = try scan(config, at: ".docker/config.json")
        XCTAssertEqual(r.status, 1, r.stderr)
        let f = try XCTUnwrap(findings.first)
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(f.rule, "docker-config-auth")
        XCTAssertEqual(f.kind, .password)
        XCTAssertEqual(f.secret, "Zq8rT2vLm9wXpK4d")
        XCTAssertEqual([f.line, f.column], [4, 16])
    }

    func testPercentEncodedTokenInAURL() throws {
        let url = "https://hooks.example.com/in?payload=%7B%22token%22%3A%22\(token)%22%7D"
        let (r, findings) = try scan("WEBHOOK=\(url)\n", at: "hooks.env")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(findings.map(\.rule), ["github-pat-classic"])
        XCTAssertEqual(findings.first?.decoded, "percent")
        XCTAssertEqual(findings.first?.column, 9)
    }

    func testJSONEscapedString() throws {
        // json_encode escapes slashes: the URL's credentials only match once unescaped.
        let json = #"{"database": {"dsn": "postgres:\/\/deploy:Xk9mP2vQ7wL4rT8z@db.internal.example.net:5432\/billing"}}"# + "\n"
        let (r, findings) = try scan(json, at: "config/app.json")
        XCTAssertEqual(r.status, 1, r.stderr + r.stdout)
        let f = try XCTUnwrap(findings.first, r.stdout)
        XCTAssertEqual(findings.count, 1, r.stdout)
        XCTAssertEqual(f.decoded, "escape")
        XCTAssertEqual(f.secret, "Xk9mP2vQ7wL4rT8z")
    }

    func testNestedLayersAreNamedOutermostFirst() throws {
        let hex = Array("GITHUB_TOKEN=\(token)".utf8).map { String(format: "%02x", $0) }.joined()
        let (r, findings) = try scan("blob: \(base64(hex))\n")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(findings.map(\.rule), ["github-pat-classic"])
        XCTAssertEqual(findings.first?.decoded, "base64>hex")
        XCTAssertEqual(findings.first?.column, 7)
    }

    func testRandomBase64AndHashesProduceNothing() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Data {
            Data(
                (0..<n).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return UInt8(truncatingIfNeeded: state >> 33)
                })
        }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + random(600)
        let text = """
            <img src="data:image/png;base64,\(png.base64EncodedString())">
            integrity: sha512-\(random(64).base64EncodedString())
            checksum: \(random(32).map { String(format: "%02x", $0) }.joined())
            key: \(random(48).base64EncodedString())
            wrapped: \(random(300).base64EncodedString(options: .lineLength76Characters))

            """
        let (r, findings) = try scan(text, at: "assets/page.html")
        XCTAssertEqual(r.status, 0, r.stdout)
        XCTAssertEqual(findings.count, 0, r.stdout)
    }

    func testAPlainSecretIsNotReportedTwice() throws {
        let json = #"{"cmd": "curl -H \"Authorization: token "# + token + #"\" https:\/\/api.github.com\/user"}"# + "\n"
        let (r, findings) = try scan(json, at: "ci.json")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(findings.map(\.rule), ["github-pat-classic"], r.stdout)
        XCTAssertNil(findings.first?.decoded)
        // The same token plainly and base64-encoded on one line is the same leak.
        let (_, twice) = try scan("TOKEN=\(token) # \(base64(token))\n")
        XCTAssertEqual(twice.map(\.rule), ["github-pat-classic"])
    }

    func testDecodedFindingsInStagedMode() throws {
        let repo = try makeRepository()
        try write("settings: \(base64("GITHUB_TOKEN=\(token)\n"))\n", to: "deploy.yaml", in: repo)
        try git(["add", "-A"], in: repo)
        let r = try run(["scan", "--staged", "--format", "json"], in: repo)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(try report(r).findings.map(\.decoded), ["base64"])
    }
}
