import Foundation

/// A day, as the store writes dates (`2026-11-25`); times are not needed for expiry.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(parsing text: String) {
        // The form the store writes, read from the bytes: a big store holds two dates per token.
        let u = Array(text.utf8.prefix(10))
        func digits(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r { guard (0x30...0x39).contains(u[i]) else { return nil }; n = n * 10 + Int(u[i] - 0x30) }
            return n
        }
        if u.count == 10, u[4] == 0x2D, u[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) {
            guard (1...12).contains(m), (1...Day.daysIn(m, y)).contains(d) else { return nil }
            (year, month, day) = (y, m, d)
            return
        }
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts[0].count == 4, (1...12).contains(m), (1...Day.daysIn(m, y)).contains(d)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (c.year!, c.month!, c.day!)
    }

    public static var today: Day { Day(Date()) }

    static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (civil calendar), for differences.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public func adding(days: Int) -> Day {
        var z = ordinal + days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        z = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Day(parsing: String(format: "%04d-%02d-%02d", z, m, d))!
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

/// One token a team has issued, as the store records it: never the token itself.
public struct StoredToken: Sendable, Equatable {
    public enum Refresh: String, Sendable { case hard, auto }

    public var id: String
    public var service: String
    public var fingerprint: StoredFingerprint
    public var length: Int
    public var charset: TokenCharset
    public var owner: String
    /// What it was granted.
    public var scopes: [String]
    /// What its job needs; nil when not declared.
    public var needs: [String]?
    public var created: Day
    /// nil: never expires.
    public var expires: Day?
    public var refresh: Refresh?
    /// Where it is deployed: `env:NAME`, `file:PATH`, `azure-pipelines:VAR`, ...
    public var storedIn: [String]
    public var note: String?

    public init(
        id: String, service: String, fingerprint: StoredFingerprint, length: Int, charset: TokenCharset,
        owner: String, scopes: [String], needs: [String]?, created: Day, expires: Day?,
        refresh: Refresh? = nil, storedIn: [String] = [], note: String? = nil
    ) {
        self.id = id
        self.service = service
        self.fingerprint = fingerprint
        self.length = length
        self.charset = charset
        self.owner = owner
        self.scopes = scopes
        self.needs = needs
        self.created = created
        self.expires = expires
        self.refresh = refresh
        self.storedIn = storedIn
        self.note = note
    }
}
