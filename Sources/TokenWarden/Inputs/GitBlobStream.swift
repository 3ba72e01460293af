import Foundation

/// A blob to fetch from git and where it came from.
struct BlobRequest: Sendable {
    var id: String
    var provenance: Provenance
    /// For diffs: the added lines; findings elsewhere in the blob are dropped.
    var addedLines: Set<Int>?
}

/// Fetches blobs through one `git cat-file --batch` process and feeds them to a `TargetQueue`
/// as they arrive: ids go in on one thread, contents come out on another, workers scan meanwhile.
enum GitBlobStream {
    /// Starts streaming on a background thread; the returned box holds git's error, if any, once the queue closes.
    static func start(_ requests: [BlobRequest], repository: GitRepository, maxSize: Int, into queue: TargetQueue) -> LockedBox<InputError?> {
        let failure = LockedBox<InputError?>(nil)
        let thread = Thread {
            do {
                try stream(requests, repository: repository, maxSize: maxSize, into: queue)
            } catch let error as InputError {
                failure.value = error
            } catch {
                failure.value = InputError("git cat-file: \(error)")
            }
            queue.close()
        }
        thread.stackSize = 1 << 20
        thread.start()
        return failure
    }

    private static func stream(_ requests: [BlobRequest], repository: GitRepository, maxSize: Int, into queue: TargetQueue) throws {
        guard !requests.isEmpty else { return }
        let git = try GitProcess(["cat-file", "--batch"], in: repository.root)
        let writer = Thread {
            var chunk: [UInt8] = []
            for request in requests {
                chunk += request.id.utf8
                chunk.append(0x0A)
                if chunk.count >= 1 << 16 {
                    guard git.write(chunk) else { break }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            git.write(chunk)
            git.closeInput()
        }
        writer.start()
        for request in requests {
            guard let header = git.output.read(until: 0x0A) else {
                throw InputError("git cat-file: output ended early")
            }
            let fields = header.split(separator: UInt8(ascii: " "))
            let path = request.provenance.path
            if fields.count == 2, fields[1].elementsEqual("missing".utf8) {
                queue.put(.skipped(Skip(path: path, reason: .missing, detail: "blob \(request.id) missing (corrupt or partial clone?)")))
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
            queue.put(.blob(Blob(bytes: bytes, provenance: request.provenance, addedLines: request.addedLines)))
        }
        try git.finish()
    }
}
