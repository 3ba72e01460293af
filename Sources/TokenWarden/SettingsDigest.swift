/// One hash of everything besides the input that decides a scan's findings: the rules, the
/// config's allow lists and blocking policy, the size, decoding and archive limits, the
/// fingerprint key's id and the token store. Shards scanned with different settings would merge
/// into a report no single run could have produced, so `merge` refuses them.
extension ScanRequest {
    public var settingsDigest: String {
        var parts = ["rules"]
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            // Field by field: a Set's order (lowIn) differs from process to process.
            parts += [
                rule.id, rule.aliases.joined(separator: ","), rule.service, rule.keywords.joined(separator: ","), rule.regex,
                rule.entropy.map { "\($0.hex) \($0.alphanumeric) \($0.base64)" } ?? "", rule.checksum ?? "", rule.keyCheck ?? "",
                rule.confidence.rawValue, rule.path ?? "", "\(rule.kind)", "\(rule.generic)", rule.valueFilter?.rawValue ?? "",
                rule.lowIn.map { "\($0)" }.sorted().joined(separator: ","), rule.window.map(String.init) ?? "",
            ]
        }
        parts += ["config"] + config.excludePaths + ["allow"] + config.allowFingerprints + ["secrets"] + config.allowSecretPatterns
        parts += [
            "fail_on", config.failOn.minimumConfidence.rawValue,
            config.failOn.statuses.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "all",
            "limits", "\(maxFileSize)", "\(decoding.depth) \(decoding.maxBytes)",
            "\(archives.depth) \(archives.maxRatio) \(archives.ratioFloor) \(archives.maxTotalBytes) \(archives.maxEntries)",
            "key", fingerprintKey?.id ?? "none",
            "store", store.map { $0.tokens.map { "\($0.id) \($0.fingerprint.hex)" }.sorted().joined(separator: ",") } ?? "none",
            "showSecrets \(showSecrets)",
        ]
        // Verified and unverified shards would merge into findings no one run reported.
        // (Appended only when set, so digests of scans without them stay as they were.)
        if let verification { parts += verification.digestParts + ["onlyVerified \(onlyVerified)"] }
        if let blocking = config.failOn.verifications { parts += ["fail_on verification"] + blocking.map(\.rawValue).sorted() }
        return InputIdentity.digest(parts)
    }
}
