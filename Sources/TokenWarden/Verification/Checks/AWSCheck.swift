import Foundation

/// AWS: STS `GetCallerIdentity` (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html),
/// which any valid key may call (no IAM permission governs it) and which changes nothing. The key id
/// and the secret access key are separate findings, paired here: the subject's companions give the
/// other half (and the session token of a temporary ASIA key); a key id not matched as a finding is
/// read from the context window, a secret never is.
struct AWSCheck: ServiceCheck {
    static let keyID: Set<String> = ["aws-access-key-id"]
    static let secretKey: Set<String> = ["aws-secret-access-key", "aws-secret-access-key-paired"]
    static let sessionToken: Set<String> = ["aws-session-token"]
    static let body = Array("Action=GetCallerIdentity&Version=2011-06-15".utf8)

    let service = "aws"
    var rules: Set<String> { Self.keyID.union(Self.secretKey).union(Self.sessionToken) }
    let missingReason =
        "needs the access key id and the secret access key found in the same file (and a temporary ASIA key its session token)"

    func hosts(for subject: VerificationSubject) -> [ServiceHost] { [.fixed("https://sts.amazonaws.com")] }

    func credentials(for subject: VerificationSubject) -> AWSSignatureV4.Credentials? {
        guard let own = subject.headerSafeSecret else { return nil }
        let keyID = Self.keyID.contains(subject.rule) ? own : subject.nearestCompanion(Self.keyID, before: true) ?? contextKeyID(subject)
        let secret =
            Self.secretKey.contains(subject.rule)
            ? own : subject.nearestCompanion(Self.secretKey, before: !Self.keyID.contains(subject.rule))
        let token = Self.sessionToken.contains(subject.rule) ? own : subject.nearestCompanion(Self.sessionToken, before: false)
        guard let keyID, let secret else { return nil }
        // STS rejects a temporary key without its token: sending it would only prove nothing.
        if keyID.hasPrefix("ASIA"), token == nil { return nil }
        return AWSSignatureV4.Credentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
    }

    func contextKeyID(_ subject: VerificationSubject) -> String? {
        subject.contextIdentifier(
            prefixes: ["AKIA", "ASIA"], body: { (0x41...0x5A).contains($0) || (0x32...0x37).contains($0) }, length: 16)
    }

    func request(for subject: VerificationSubject, on host: ServiceHost, now: Date) -> HTTPRequest? {
        guard let credentials = credentials(for: subject) else { return nil }
        let url = CheckSupport.url(host, "/")
        let headers: [(name: String, value: String)] = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        // The global endpoint signs for us-east-1.
        let signer = AWSSignatureV4(credentials: credentials, region: "us-east-1", service: "sts")
        let signed = signer.signingHeaders(method: "POST", url: url, headers: headers, body: Self.body, date: now)
        return HTTPRequest(method: "POST", url: url, headers: headers + signed, body: Self.body)
    }

    func interpret(_ response: HTTPResponse, for subject: VerificationSubject) -> VerificationOutcome {
        if (200...299).contains(response.status) {
            guard let arn = StatusReading.xmlElement("Arn", in: response) else { return StatusReading.validUnread(response) }
            return VerificationOutcome(.valid, "HTTP \(response.status)", facts: LiveFacts(identity: arn))
        }
        let code = StatusReading.xmlElement("Code", in: response)
        switch code {
        // Unknown key id, wrong secret, expired or malformed session token: the documented rejections.
        case "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "UnrecognizedClientException":
            return VerificationOutcome(.invalid, "HTTP \(response.status) \(code!)")
        case "Throttling", "ThrottlingException", "RequestLimitExceeded":
            return VerificationOutcome(.error, "rate limited (\(code!))")
        default:
            return StatusReading.common(response)
        }
    }
}
