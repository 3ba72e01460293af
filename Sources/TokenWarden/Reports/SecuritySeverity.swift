/// GitHub code scanning's `security-severity`: a CVSS-like score that ranks alerts as critical
/// (over 9.0), high (7.0–8.9), medium (4.0–6.9) or low (up to 3.9). tokenwarden's mapping:
/// a leaked registered token (store status `leaked`) is critical — it is known to be real and
/// whose it is — and so is a secret its service verified as valid (`scan --verify`): it works now;
/// otherwise the finding's confidence decides (high → high, medium → medium, low → low).
enum SecuritySeverity: Int, Comparable {
    case low, medium, high, critical

    static func of(_ f: Finding) -> SecuritySeverity {
        f.status == .leaked || f.verification == .valid ? .critical : of(f.confidence)
    }

    static func of(_ confidence: Confidence) -> SecuritySeverity {
        switch confidence {
        case .high: .high
        case .medium: .medium
        case .low: .low
        }
    }

    /// The score GitHub reads, as the string it expects; the middle of each band.
    var score: String {
        switch self {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "2.0"
        }
    }

    static func < (a: SecuritySeverity, b: SecuritySeverity) -> Bool { a.rawValue < b.rawValue }
}
