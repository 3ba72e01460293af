/// What a run of the pre-commit framework (https://pre-commit.com) asks a hook to check, read from
/// the environment and the file names it passes. The entry is fixed in `.pre-commit-hooks.yaml`, so
/// the hook itself must tell `git commit` from `pre-commit run --all-files`, `--from-ref/--to-ref`
/// and a `pre-push`; a fixed `--staged` printed "Passed" for the last three while a secret was committed.
public enum PreCommitFrameworkRun: Equatable, Sendable {
    /// `--from-ref A --to-ref B`, or a pre-push of commits the remote lacks: the lines each commit of
    /// `A..B` adds, so a secret added and removed again inside the range is still found.
    case range(from: String, to: String)
    /// The files pre-commit passes: the staged files on a commit (pre-commit has stashed unstaged
    /// changes, so the files on disk are the staged content), every tracked file with `--all-files`.
    case files([String])
    /// No file and no range: run by hand or from a hook without file names; what the next commit adds.
    case staged

    public static let fromRefVariable = "PRE_COMMIT_FROM_REF"
    public static let toRefVariable = "PRE_COMMIT_TO_REF"

    public init(environment: [String: String], files: [String]) throws {
        let from = environment[Self.fromRefVariable].flatMap { $0.isEmpty ? nil : $0 }
        let to = environment[Self.toRefVariable].flatMap { $0.isEmpty ? nil : $0 }
        switch (from, to) {
        case (let from?, let to?):
            self = .range(from: from, to: to)
        case (nil, nil):
            self = files.isEmpty ? .staged : .files(files)
        default:
            // pre-commit always sets both; one alone would silently scan something else.
            throw InputError("\(Self.fromRefVariable) and \(Self.toRefVariable) must be set together (pre-commit sets both)")
        }
    }
}
