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

/// Fetches blobs through `git cat-file --batch` processes and feeds them to a `TargetQueue` as
/// they arrive. The producer lists blobs (e.g. parses `git log`) into a bounded backlog; each
/// cat-file process has a feeder that takes batches of ids from it and a reader that turns the
/// output into blobs; the scanner's workers match them. cat-file inflates on one core, so several
/// processes over disjoint batches put every core to work, and listing runs ahead of inflation
/// (the exact total is known early).
enum GitBlobStream {
    /// cat-file processes by default: one per core (inflating is much of a history scan's work), at
    /// most 8 — each keeps its own delta cache and pack windows, and on 2 cores a third gained 3%.
    static let defaultProcesses = min(ProcessInfo.processInfo.activeProcessorCount, 8)
    /// Requests the listing may run ahead of inflation (a few megabytes), in batches of `batchSize`.
    static let backlog = 16_384
    static let batchSize = 64

    /// Starts streaming in the background. `produce` is called on its own thread and emits
    /// requests in order; the returned box holds the first error, if any, once the queue closes.
    /// `revisions` are what the requests come from; in a partial clone, blobs they reach that are
    /// not in the object database are skipped (and counted) instead of being asked of cat-file,
    /// which would try to fetch them from the promisor remote — a network access the hardening
    /// forbids, and whose failure kills cat-file part-way.
    static func start(
        repository: GitRepository, maxSize: Int, into queue: TargetQueue, revisions: [String]? = nil,
        processes: Int = defaultProcesses, produce: @escaping @Sendable (_ emit: (BlobRequest) -> Void) throws -> Void
    ) -> LockedBox<InputError?> {
        let failure = LockedBox<InputError?>(nil)
        @Sendable func record(_ error: Error) {
            failure.update { if $0 == nil { $0 = (error as? InputError) ?? InputError("git: \(error)") } }
        }
        var gits: [GitProcess] = []
        do {
            for _ in 0..<max(1, processes) { gits.append(try GitProcess(["cat-file", "--batch"], in: repository.root)) }
        } catch {
            record(error)
            gits.forEach { $0.terminate() }
            queue.close()
            return failure
        }
        let batches = BlockingQueue<[BlobRequest]>(capacity: backlog / batchSize)
        let missing = revisions.map { repository.missingObjects(reachableFrom: $0) } ?? []
        Thread {
            var batch: [BlobRequest] = []
            var count = 0
            do {
                try produce { request in
                    if missing.contains(request.id) {
                        queue.put(
                            .skipped(
                                Skip(
                                    path: request.provenance.path, reason: .missing,
                                    detail: "git object \(request.id) is not in this partial clone (not fetched)")))
                        return
                    }
                    count += 1
                    batch.append(request)
                    if batch.count == batchSize {
                        batches.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                record(error)
            }
            if !batch.isEmpty { batches.put(batch) }
            queue.setTotal(count)
            batches.close()
        }.start()
        let running = LockedBox(gits.count)
        for git in gits {
            let pending = BlockingQueue<BlobRequest>()
            Thread { feed(git, from: batches, pending: pending) }.start()
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
                    while pending.next() != nil {}  // let the feeder finish
                }
                if running.update({
                    $0 -= 1; return $0
                }) == 0 {
                    queue.close()
                }
            }.start()
        }
        return failure
    }

    /// Writes the ids of each batch it takes to `git`, in order, and hands the requests to its
    /// reader. When git has died it keeps taking batches (and drops them), so the producer never
    /// waits on a dead process; the reader reports why it died.
    private static func feed(_ git: GitProcess, from batches: BlockingQueue<[BlobRequest]>, pending: BlockingQueue<BlobRequest>) {
        var alive = true
        var ids: [UInt8] = []
        while let batch = batches.next() {
            guard alive else { continue }
            ids.removeAll(keepingCapacity: true)
            for request in batch {
                pending.put(request)
                ids += request.id.utf8
                ids.append(0x0A)
            }
            alive = git.write(ids)
        }
        git.closeInput()
        pending.close()
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
