import CPCRE2

/// A PCRE2 failure: a pattern that does not compile, or a match that hit a resource limit.
public struct PatternError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Per-thread PCRE2 state: match data, a match context with limits, and a JIT stack.
/// PCRE2 objects are not safe to share between concurrent matches, so each worker owns one.
public final class MatchScratch {
    let matchData: OpaquePointer
    let context: OpaquePointer
    let jitStack: OpaquePointer?

    /// `matchLimit` bounds backtracking, so a pathological user regex fails fast instead of hanging.
    public init(matchLimit: UInt32 = 5_000_000, depthLimit: UInt32 = 100_000) {
        matchData = pcre2_match_data_create_8(64, nil)
        context = pcre2_match_context_create_8(nil)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 2 * 1024 * 1024, nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}

/// A compiled PCRE2 pattern (JIT where available) over raw bytes, not UTF-8:
/// input may be any bytes, and rules are ASCII.
public final class PCRE2Pattern: @unchecked Sendable {
    // The pattern is immutable after init and pcre2_match only reads it.
    private let code: OpaquePointer
    /// Capture group holding the secret: named `secret`, else 1, else 0 (the whole match).
    public let secretGroup: Int
    public let source: String

    public init(_ source: String, caseless: Bool = false) throws {
        self.source = source
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options: UInt32 = caseless ? PCRE2_CASELESS : 0
        let compiled = source.withCString { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) {
                pcre2_compile_8($0, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(description: "\(PCRE2Pattern.message(errorCode)) at offset \(errorOffset)")
        }
        code = compiled
        let code = compiled
        // JIT failure (e.g. an unsupported platform) is not fatal: the interpreter still works.
        _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        let named = "secret".withCString { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: 7) { pcre2_substring_number_from_name_8(code, $0) }
        }
        secretGroup = named > 0 ? Int(named) : (captures > 0 ? 1 : 0)
    }

    deinit { pcre2_code_free_8(code) }

    static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }

    /// A match: the whole span and the secret group's span (byte offsets into the subject).
    public struct Match: Sendable {
        public var whole: Range<Int>
        public var secret: Range<Int>
    }

    /// What to do after a match.
    public enum Next {
        /// Go on after this match (it was used).
        case continueAfter
        /// The match was rejected (a decoy, low entropy): search again from just inside its secret,
        /// so a real secret later in the same span is not hidden by it.
        case retryInside
        case stop
    }

    /// Whether the pattern occurs anywhere in `subject` (false when PCRE2 hits a limit: an allow
    /// list that cannot decide allows nothing).
    public func occurs(in subject: UnsafeRawBufferPointer, scratch: MatchScratch) -> Bool {
        var hit = false
        try? forEachMatch(in: subject, scratch: scratch) { _ in
            hit = true
            return .stop
        }
        return hit
    }

    public func occurs(in text: String, scratch: MatchScratch) -> Bool {
        Array(text.utf8).withUnsafeBytes { occurs(in: $0, scratch: scratch) }
    }

    /// Calls `body` for each match in `subject`, resuming where `body` says.
    /// Throws when PCRE2 hits its match or depth limit.
    /// Searching starts at `from`; bytes before it are still visible to lookbehinds.
    public func forEachMatch(
        in subject: UnsafeRawBufferPointer, from: Int = 0, scratch: MatchScratch, _ body: (Match) -> Next
    ) throws {
        guard let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var start = from
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        while start <= subject.count {
            let rc = pcre2_match_8(code, base, subject.count, start, 0, scratch.matchData, scratch.context)
            if rc == PCRE2_ERROR_NOMATCH { return }
            if rc < 0 { throw PatternError(description: PCRE2Pattern.message(rc)) }
            let whole = Int(ovector[0])..<Int(ovector[1])
            var secret = whole
            if secretGroup > 0, Int(rc) > secretGroup {
                let s = ovector[2 * secretGroup], e = ovector[2 * secretGroup + 1]
                if s != unsetOffset { secret = Int(s)..<Int(e) } else { secret = whole.upperBound..<whole.upperBound }
            } else if secretGroup > 0 {
                secret = whole.upperBound..<whole.upperBound
            }
            switch body(Match(whole: whole, secret: secret)) {
            case .stop: return
            case .continueAfter: start = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
            case .retryInside: start = max(whole.lowerBound, secret.lowerBound) + 1
            }
        }
    }
}

/// PCRE2_UNSET (`~(size_t)0`) as Swift imports `size_t`.
private let unsetOffset = ~0

/// A pattern compiled on first use: most rules never see their keyword in a scan,
/// so compiling all of them up front would only slow start-up.
public final class LazyPattern: Sendable {
    public let source: String
    // A pthread-backed lock (not Synchronization.Mutex) so ThreadSanitizer sees the ordering.
    private let state = LockedBox<Result<PCRE2Pattern, PatternError>?>(nil)

    public init(_ source: String) { self.source = source }

    public func get() -> Result<PCRE2Pattern, PatternError> {
        state.update { cached in
            if let cached { return cached }
            let result: Result<PCRE2Pattern, PatternError>
            do { result = .success(try PCRE2Pattern(source)) } catch let e as PatternError { result = .failure(e) } catch {
                result = .failure(PatternError(description: "\(error)"))
            }
            cached = result
            return result
        }
    }
}
