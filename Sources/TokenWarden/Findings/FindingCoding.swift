/// A finding in JSON is one flat object (README: "JSON report"), whatever the stages' types are;
/// decoding (for `tokenwarden merge`) rebuilds the parts, without the secret's bytes.
extension Finding: Codable {
    enum CodingKeys: String, CodingKey {
        case rule, kind, service, description, path, line, column
        case endLine = "end_line", endColumn = "end_column"
        case secret, redacted, fingerprint, length, entropy, confidence, checksum, blocking
        case commit, author, email, date, blob, commitIndex = "commit_index", remediation, status
        case tokenID = "token_id", owner, scopes, overScoped = "over_scoped", excessScopes = "excess_scopes", expiry
        case fingerprintKind = "fingerprint_kind", keyProtection = "key_protection", decoded, source
        case utf16Column = "column_utf16", utf16EndColumn = "end_column_utf16", lineHash = "line_hash", disabledRule = "disabled_rule"
        case verification, verificationReason = "verification_reason", verifiedIdentity = "verified_identity", verifiedHost =
            "verified_host"
    }

    /// `source` in JSON: present only for objects no ref or reflog reaches (`--all-objects`).
    static let unreachableSource = "unreachable"

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(kind, forKey: .kind)
        try c.encode(service, forKey: .service)
        try c.encode(description, forKey: .description)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(decoded, forKey: .decoded)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(endLine, forKey: .endLine)
        try c.encode(endColumn, forKey: .endColumn)
        try c.encodeIfPresent(span.utf16Column, forKey: .utf16Column)
        try c.encodeIfPresent(span.utf16EndColumn, forKey: .utf16EndColumn)
        try c.encodeIfPresent(secret, forKey: .secret)
        try c.encode(redacted, forKey: .redacted)
        try c.encode(fingerprint, forKey: .fingerprint)
        try c.encode(length, forKey: .length)
        try c.encode(entropy, forKey: .entropy)
        try c.encode(confidence, forKey: .confidence)
        try c.encodeIfPresent(checksum, forKey: .checksum)
        try c.encodeIfPresent(keyProtection, forKey: .keyProtection)
        try c.encode(blocking, forKey: .blocking)
        try c.encodeIfPresent(commit, forKey: .commit)
        try c.encodeIfPresent(author, forKey: .author)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(blob, forKey: .blob)
        if isUnreachable { try c.encode(Finding.unreachableSource, forKey: .source) }
        try c.encodeIfPresent(commitIndex, forKey: .commitIndex)
        try c.encodeIfPresent(remediation, forKey: .remediation)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(tokenID, forKey: .tokenID)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encodeIfPresent(scopes, forKey: .scopes)
        try c.encodeIfPresent(overScoped, forKey: .overScoped)
        try c.encodeIfPresent(excessScopes, forKey: .excessScopes)
        try c.encodeIfPresent(expiry, forKey: .expiry)
        try c.encodeIfPresent(fingerprintKind, forKey: .fingerprintKind)
        try c.encodeIfPresent(lineHash, forKey: .lineHash)
        try c.encodeIfPresent(disabledRule, forKey: .disabledRule)
        try c.encodeIfPresent(verification, forKey: .verification)
        try c.encodeIfPresent(verificationReason, forKey: .verificationReason)
        try c.encodeIfPresent(verifiedIdentity, forKey: .verifiedIdentity)
        try c.encodeIfPresent(verifiedHost, forKey: .verifiedHost)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let secret = try c.decodeIfPresent(String.self, forKey: .secret)
        let span = SourceSpan(
            line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column),
            endLine: try c.decode(Int.self, forKey: .endLine), endColumn: try c.decode(Int.self, forKey: .endColumn),
            utf16Column: try c.decodeIfPresent(Int.self, forKey: .utf16Column),
            utf16EndColumn: try c.decodeIfPresent(Int.self, forKey: .utf16EndColumn))
        let match = Match(
            rule: try c.decode(String.self, forKey: .rule), span: span, secret: secret.map { Array($0.utf8) } ?? [],
            entropy: try c.decode(Double.self, forKey: .entropy), checksum: try c.decodeIfPresent(ChecksumStatus.self, forKey: .checksum),
            keyProtection: try c.decodeIfPresent(KeyProtection.self, forKey: .keyProtection),
            disabledRule: try c.decodeIfPresent(String.self, forKey: .disabledRule))
        let path = try c.decode(String.self, forKey: .path)
        let blob = try c.decodeIfPresent(String.self, forKey: .blob)
        var commit: CommitRef?
        if let id = try c.decodeIfPresent(String.self, forKey: .commit) {
            commit = CommitRef(
                id: id, author: try c.decodeIfPresent(String.self, forKey: .author) ?? "",
                email: try c.decodeIfPresent(String.self, forKey: .email) ?? "",
                date: try c.decodeIfPresent(String.self, forKey: .date) ?? "",
                index: try c.decodeIfPresent(Int.self, forKey: .commitIndex))
        }
        let source: Provenance.Source
        if let blob {
            source = .history(commit, blob: blob)
        } else if let commit {
            source = .change(commit, blob: "")
        } else {
            source = .file
        }
        var provenance = Provenance(path: path, source: source)
        provenance.isUnreachable = try c.decodeIfPresent(String.self, forKey: .source) == Finding.unreachableSource
        for layer in try c.decodeIfPresent(String.self, forKey: .decoded)?.split(separator: ">") ?? [] {
            provenance = provenance.decoded(String(layer))
        }
        var store: StoreVerdict?
        if let id = try c.decodeIfPresent(String.self, forKey: .tokenID) {
            store = StoreVerdict(
                tokenID: id, owner: try c.decodeIfPresent(String.self, forKey: .owner),
                scopes: try c.decodeIfPresent([String].self, forKey: .scopes),
                overScoped: try c.decodeIfPresent(Bool.self, forKey: .overScoped),
                excessScopes: try c.decodeIfPresent([String].self, forKey: .excessScopes),
                expiry: try c.decodeIfPresent(ExpiryVerdict.self, forKey: .expiry))
        }
        var live: LiveVerdict?
        if let status = try c.decodeIfPresent(VerificationStatus.self, forKey: .verification) {
            // Scopes without a token id came from the service (a valid secret not in the store).
            let scopes = store == nil ? try c.decodeIfPresent([String].self, forKey: .scopes) : nil
            let identity = try c.decodeIfPresent(String.self, forKey: .verifiedIdentity)
            live = LiveVerdict(
                status: status, reason: try c.decodeIfPresent(String.self, forKey: .verificationReason) ?? "",
                host: try c.decodeIfPresent(String.self, forKey: .verifiedHost),
                facts: identity == nil && scopes == nil ? nil : LiveFacts(identity: identity, scopes: scopes),
                overScoped: store == nil ? try c.decodeIfPresent(Bool.self, forKey: .overScoped) : nil,
                excessScopes: store == nil ? try c.decodeIfPresent([String].self, forKey: .excessScopes) : nil)
        }
        self.init(
            match: match, provenance: provenance,
            about: RuleFacts(
                kind: try c.decodeIfPresent(SecretKind.self, forKey: .kind) ?? .token,
                service: try c.decode(String.self, forKey: .service), description: try c.decode(String.self, forKey: .description),
                remediation: try c.decodeIfPresent(String.self, forKey: .remediation)),
            published: PublishedSecret(
                shown: secret, redacted: try c.decode(String.self, forKey: .redacted),
                fingerprint: try c.decode(String.self, forKey: .fingerprint),
                kind: try c.decodeIfPresent(FingerprintKind.self, forKey: .fingerprintKind),
                length: try c.decode(Int.self, forKey: .length), lineHash: try c.decodeIfPresent(String.self, forKey: .lineHash)),
            verdict: Verdict(
                confidence: try c.decode(Confidence.self, forKey: .confidence),
                status: try c.decodeIfPresent(FindingStatus.self, forKey: .status), store: store, live: live,
                blocking: try c.decode(Bool.self, forKey: .blocking)))
    }
}
