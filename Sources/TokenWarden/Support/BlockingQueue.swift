import Foundation

/// A first-in first-out queue between threads: `put` blocks while the queue is full (by count,
/// or by the summed `weight` of its items — bytes, for blobs), `next` blocks while it is empty
/// and open, and returns nil once it is closed and drained. The one queue every stage shares.
final class BlockingQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var weight = 0
    private var closed = false
    private let capacity: Int
    private let maxWeight: Int
    private let weigh: (Element) -> Int

    init(capacity: Int = .max, maxWeight: Int = .max, weight: @escaping (Element) -> Int = { _ in 0 }) {
        self.capacity = capacity
        self.maxWeight = maxWeight
        self.weigh = weight
    }

    /// Blocks while the queue is full (but always admits one item into an empty queue).
    func put(_ item: Element) {
        let w = weigh(item)
        condition.lock()
        while items.count - head >= capacity || (weight > 0 && weight + w > maxWeight) { condition.wait() }
        items.append(item)
        weight += w
        condition.broadcast()
        condition.unlock()
    }

    /// No more items: takers drain what is left, then get nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func next() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        weight -= weigh(item)
        if head > 1024 { items.removeFirst(head); head = 0 }
        // A producer may be waiting for room.
        condition.broadcast()
        return item
    }
}
