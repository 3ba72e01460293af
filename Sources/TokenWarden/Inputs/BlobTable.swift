/// The unique blobs of a history and a value for each (where it was introduced): ids and values in
/// two dense arrays, found through an open-addressing table of 32-bit slots (linear probing, at
/// most half full). About 36 bytes a blob, a third of a `Dictionary` of the same at its worst
/// moment (doubling), and growing the slots copies 4 bytes a blob, not 28.
struct BlobTable<Value: Sendable>: Sendable {
    private var ids: [ObjectID] = []
    private var values: [Value] = []
    /// 0: empty; else the dense index + 1.
    private var slots = [UInt32](repeating: 0, count: 1024)

    var count: Int { ids.count }

    subscript(id: ObjectID) -> Value? {
        let slot = find(id)
        return slots[slot] == 0 ? nil : values[Int(slots[slot]) - 1]
    }

    /// Sets `id`'s value; true when the id is new.
    @discardableResult
    mutating func update(_ value: Value, for id: ObjectID) -> Bool {
        let slot = find(id)
        if slots[slot] != 0 {
            values[Int(slots[slot]) - 1] = value
            return false
        }
        ids.append(id)
        values.append(value)
        slots[slot] = UInt32(ids.count)
        if 2 * ids.count > slots.count { grow() }
        return true
    }

    /// The slot holding `id`, or the empty slot where it would go.
    private func find(_ id: ObjectID) -> Int {
        let mask = slots.count - 1
        var slot = id.hashValue & mask
        while slots[slot] != 0 && ids[Int(slots[slot]) - 1] != id { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (i, id) in ids.enumerated() {
            var slot = id.hashValue & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(i + 1)
        }
    }
}
