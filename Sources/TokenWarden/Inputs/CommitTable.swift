/// The commits of a history scan, one compact record per commit by log position (newest first):
/// ids as 20 bytes, authors and emails interned, dates in one byte arena. Blob origins name a
/// commit by its position, so the millions of blobs of a long history share these records
/// instead of each holding four strings.
struct CommitTable: Sendable {
    private struct Record: Sendable {
        /// Nil for ids that are not SHA-1 (their text is in the arena, before the date).
        var id: ObjectID?
        var author: UInt32
        var email: UInt32
        var dateStart: UInt32
        var end: UInt32
    }

    private var records: [Record] = []
    private var people = StringTable()
    private var text: [UInt8] = []

    var count: Int { records.count }

    /// Adds `commit` as the next (older) commit of the log and returns its position.
    mutating func append(_ commit: CommitRef) -> UInt32 {
        let id = ObjectID(commit.id)
        if id == nil { text += commit.id.utf8 }
        let dateStart = UInt32(text.count)
        text += commit.date.utf8
        records.append(
            Record(
                id: id, author: people.intern(commit.author), email: people.intern(commit.email), dateStart: dateStart,
                end: UInt32(text.count)))
        return UInt32(records.count - 1)
    }

    /// The commit at log position `index`, as reports carry it.
    subscript(index: UInt32) -> CommitRef {
        let i = Int(index)
        let record = records[i]
        let start = i == 0 ? 0 : Int(records[i - 1].end)
        let id = record.id?.hex ?? String(decoding: text[start..<Int(record.dateStart)], as: UTF8.self)
        return CommitRef(
            id: id, author: people[record.author], email: people[record.email],
            date: String(decoding: text[Int(record.dateStart)..<Int(record.end)], as: UTF8.self), index: i)
    }
}
