import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blob to fetch from git and where it came from.
struct BlobRequest: Sendable {
    var id: String
    var provenance: Provenance
    /// For diffs: the added lines; findings elsewhere in the blob are dropped.
    var addedLines: Set<Int>?
}

/// Fetches blobs through one `git cat-file --batch` process and feeds them to a `TargetQueue`
/// as they arrive. Three stages run at once: the producer lists blobs (e.g. parses `git log`)
/// and writes their ids to cat-file, a reader turns cat-file's output into blobs, and the
/// scanner's workers match them — so listing, decompressing and matching overlap.
enum GitBlobStream {
    /// Starts streaming in the background. `produce` is called on its own thread and emits
    /// requests in order; the returned box holds the first error, if any, once the queue closes.
    /// `revisions` are what the requests come from; in a partial clone, blobs they reach that are
    /// not in the object database are skipped (and counted) instead of being asked of cat-file,
    /// which would try to fetch them from the promisor remote — a network access the hardening
    /// forbids, and whose failure kills cat-file part-way.
    static func start(
        repository: GitRepository, maxSize: Int, into queue: TargetQueue, revisions: [String]? = nil,
        produce: @escaping @Sendable (_ emit: (BlobRequest) -> Void) throws -> Void
    ) -> LockedBox<InputError?> {
        let failure = LockedBox<InputError?>(nil)
        @Sendable func record(_ error: Error) {
            failure.update { if $0 == nil { $0 = (error as? InputError) ?? InputError("git: \(error)") } }
        }
        let git: GitProcess
        do { git = try GitProcess(["cat-file", "--batch"], in: repository.root) } catch {
            record(error)
            queue.close()
            return failure
        }
        let pending = BlockingQueue<BlobRequest>()
        let missing = revisions.map { repository.missingObjects(reachableFrom: $0) } ?? []
        Thread {
            var chunk: [UInt8] = []
            var count = 0
            var alive = true
            do {
                try produce { request in
                    guard alive else { return }
                    if missing.contains(request.id) {
                        queue.put(
                            .skipped(
                                Skip(
                                    path: request.provenance.path, reason: .missing,
                                    detail: "git object \(request.id) is not in this partial clone (not fetched)")))
                        return
                    }
                    pending.put(request)
                    count += 1
                    chunk += request.id.utf8
                    chunk.append(0x0A)
                    if chunk.count >= 4096 {
                        alive = git.write(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                record(error)
            }
            if alive { git.write(chunk) }
            git.closeInput()
            queue.setTotal(count)
            pending.close()
        }.start()
        Thread {
            do {
                do {
                    try read(git, pending, maxSize: maxSize, into: queue)
                } catch {
                    // When git stopped early, its own error says why.
                    try git.finish()
                    throw error
                }
                try git.finish()
            } catch {
                record(error)
                git.terminate()
            }
            queue.close()
        }.start()
        return failure
    }

    private static func read(_ git: GitProcess, _ pending: BlockingQueue<BlobRequest>, maxSize: Int, into queue: TargetQueue) throws {
        while let request = pending.next() {
            guard let header = git.output.read(until: 0x0A) else {
                throw InputError("git cat-file: output ended early")
            }
            let fields = header.split(separator: UInt8(ascii: " "))
            let path = request.provenance.path
            if fields.count == 2, fields[1].elementsEqual("missing".utf8) {
                queue.put(.skipped(Skip(path: path, reason: .unreadable, detail: "git object \(request.id) is missing or corrupt")))
                continue
            }
            guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
                throw InputError("git cat-file: unexpected header '\(String(decoding: header, as: UTF8.self))'")
            }
            if size > maxSize {
                guard git.output.skip(count: size + 1) else { throw InputError("git cat-file: output ended early") }
                queue.put(.skipped(Skip(path: path, reason: .tooLarge, detail: "\(size) bytes > --max-file-size \(maxSize)")))
                continue
            }
            guard let bytes = git.output.read(count: size), git.output.skip(count: 1) else {
                throw InputError("git cat-file: output ended early")
            }
            var content = bytes
            if case .commitMessage = request.provenance.source { content = CommitObject.message(of: bytes) }
            queue.put(.blob(Blob(bytes: content, provenance: request.provenance, addedLines: request.addedLines)))
        }
    }
}

/// A raw commit object: header lines (tree, parents, author, committer, signature), a blank line,
/// then the message and its trailers — the part people paste secrets into.
enum CommitObject {
    static func message(of object: [UInt8]) -> [UInt8] {
        var i = 0
        while i + 1 < object.count {
            if object[i] == 0x0A && object[i + 1] == 0x0A { return Array(object[(i + 2)...]) }
            i += 1
        }
        return []
    }
}
