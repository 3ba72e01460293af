import XCTest

@testable import TokenWarden

/// What a pre-commit framework run asks the hook to scan, from its environment and file names.
final class PreCommitFrameworkRunTests: XCTestCase {
    func testBothRefsMeanTheRangeWhateverFilesArePassed() throws {
        let environment = ["PRE_COMMIT_FROM_REF": "abc123", "PRE_COMMIT_TO_REF": "def456"]
        XCTAssertEqual(try PreCommitFrameworkRun(environment: environment, files: ["a.py"]), .range(from: "abc123", to: "def456"))
        XCTAssertEqual(try PreCommitFrameworkRun(environment: environment, files: []), .range(from: "abc123", to: "def456"))
    }

    func testFilesWithoutRefsAreScannedAsFiles() throws {
        XCTAssertEqual(try PreCommitFrameworkRun(environment: ["PRE_COMMIT": "1"], files: ["a.py", "--x"]), .files(["a.py", "--x"]))
    }

    func testNoFilesAndNoRefsMeanTheStagedChanges() throws {
        XCTAssertEqual(try PreCommitFrameworkRun(environment: [:], files: []), .staged)
        XCTAssertEqual(
            try PreCommitFrameworkRun(environment: ["PRE_COMMIT_FROM_REF": "", "PRE_COMMIT_TO_REF": ""], files: []), .staged,
            "empty values are unset")
    }

    func testOneRefAloneIsAnError() {
        for environment in [["PRE_COMMIT_FROM_REF": "abc"], ["PRE_COMMIT_TO_REF": "abc"]] {
            XCTAssertThrowsError(try PreCommitFrameworkRun(environment: environment, files: ["a.py"])) { error in
                XCTAssertEqual(
                    (error as? InputError)?.description,
                    "PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF must be set together (pre-commit sets both)")
            }
        }
    }
}
