/// The value filters of key-anchored credential rules (`value_filter: password | url`): a value
/// found only because of the key it is assigned to must look like a literal credential, not a
/// variable reference, code, a label, a type name or a dummy word. The word lists are `Decoys`'.
extension Decoys {
    public enum CredentialVerdict: Equatable, Sendable {
        /// Not a credential: not reported.
        case decoy
        /// A sample credential (`mypass`, `myuser:…@localhost`): reported at low confidence.
        case sample
        /// A credential for a local or example host (`…@localhost`, `…@db.example.com`): low in
        /// comments, documentation and tests, where it is a set-up example.
        case localExample
        case credential
    }

    static func credentialVerdict(_ filter: ValueFilter, secret: UnsafeRawBufferPointer, match: UnsafeRawBufferPointer) -> CredentialVerdict
    {
        let value = String(decoding: secret, as: UTF8.self)
        let lower = value.lowercased()
        if dummyValues.contains(lower) { return .decoy }
        // Schema types marked required or optional: `password: String!` (GraphQL), `String?` (Swift/Kotlin).
        if let mark = lower.last, mark == "!" || mark == "?", dummyValues.contains(String(lower.dropLast())) { return .decoy }
        switch filter {
        case .password:
            if passwordDecoyReason(value, lower: lower) != nil { return .decoy }
            return isSamplePassword(lower) ? .sample : .credential
        case .url:
            if isSamplePassword(lower) { return .sample }
            let (user, host) = urlParts(secret: secret, match: match)
            // `postgres:airflow@postgres/airflow`: a password that repeats the host or the database is a local default.
            if let host, lower == host.lowercased() || lower == databaseName(after: secret, in: match)?.lowercased() { return .sample }
            guard let host, isSampleHost(host.lowercased()) else { return .credential }
            if let user, isSampleUser(user.lowercased()) { return .sample }
            return .localExample
        }
    }

    /// Why a password-like value is not one, or nil when it may be.
    static func passwordDecoyReason(_ value: String, lower: String) -> String? {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, let last = bytes.last else { return "empty" }
        // Variable references and template expressions: $X ${X} $(cmd) %X% {{ x }} <%= x %> #{x} @{x} !Ref X
        if first == UInt8(ascii: "$") || isYAMLTag(bytes) { return "reference" }
        // (`%(name)s` is Python configparser interpolation.)
        for marker in ["${", "$(", "{{", "}}", "<%", "#{", "@{", "{%", "[[", "]]", "%("] where value.contains(marker) { return "template" }
        if first == UInt8(ascii: "%") && last == UInt8(ascii: "%") { return "reference" }
        if first == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return "placeholder" }
        if first == UInt8(ascii: "[") && last == UInt8(ascii: "]") || first == UInt8(ascii: "(") && last == UInt8(ascii: ")") {
            return "placeholder"
        }
        // A password hash (`pbkdf2_sha256$…`, `argon2$…`) is the password-hash rules' finding, not a password.
        for prefix in ["pbkdf2_", "argon2$", "bcrypt$", "bcrypt_sha256$", "scrypt$", "sha1$", "md5$"] where lower.hasPrefix(prefix) {
            return "password hash"
        }
        // Code: calls, subscripts, attribute access, environment look-ups.
        for marker in ["getenv", "environ", "process.env", "env(", "env[", "env.", "env:", "secrets.", "vars.", "config(", "settings."]
        where lower.contains(marker) { return "environment look-up" }
        if isCall(bytes) { return "code" }
        if bytes.withUnsafeBytes({ isIdentifierPath($0) }), isWordlikePath(bytes) { return "identifier path" }
        // SCREAMING_SNAKE names: another variable's name (`password: DB_PASSWORD`).
        if bytes.contains(UInt8(ascii: "_")), bytes.allSatisfy({ isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }), isUpper(first) {
            return "constant name"
        }
        // An identifier naming the key itself: `password: db_password`, `secret = secret_value`.
        if bytes.allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }),
            ["password", "passwd", "secret", "pass_", "_pass", "pwd", "passphrase"].contains(where: { lower.contains($0) })
        {
            return "names the key"
        }
        // File paths (`*_file` keys, Docker secrets): /run/secrets/db, ./secrets/pw.txt, ~/.pgpass, C:\keys
        if first == UInt8(ascii: "/") || value.hasPrefix("./") || value.hasPrefix("../") || value.hasPrefix("~/")
            || value.hasPrefix("file:")
            || (bytes.count > 2 && isLetter(first) && bytes[1] == UInt8(ascii: ":") && bytes[2] == UInt8(ascii: "\\"))
        {
            return "file path"
        }
        // Labels and prompts: words and spaces only ("Enter your password", "Mot de passe").
        if bytes.contains(UInt8(ascii: " ")),
            bytes.allSatisfy({ isLetter($0) || $0 >= 0x80 || Array(" '.,:;!?-()/".utf8).contains($0) })
        {
            return "label"
        }
        // A word in another script ("Κωδικός", "पासवर्ड"): a translated label; passwords are rarely non-ASCII.
        if bytes.contains(where: { $0 >= 0x80 }), !bytes.contains(where: isDigit),
            bytes.allSatisfy({ isLetter($0) || $0 >= 0x80 || $0 == UInt8(ascii: " ") })
        {
            return "label"
        }
        if last == UInt8(ascii: ":") || last == UInt8(ascii: "?") { return "prompt" }
        // A few distinct characters cannot be a set password: "aaaaaa", "ababab", "------".
        if Set(bytes).count < 3 { return "too few distinct characters" }
        return nil
    }

    /// `!Ref`, `!vault`, `!GetAtt`, `!secret`: a YAML tag, whose value is another thing's name.
    /// `!lJ_eqDzjqRk6SYf` (a quoted password that starts with `!`) is not: tags are words.
    static func isYAMLTag(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 1, bytes.count <= 17, bytes[0] == UInt8(ascii: "!") else { return false }
        let name = bytes.dropFirst()
        return isLetter(name.first!) && name.allSatisfy { isLetter($0) || $0 == UInt8(ascii: "_") } && name.filter(isUpper).count <= 3
    }

    /// `self.password`, `config.db.pass`, `settings.DB_PASSWORD`: every segment a word (lower case,
    /// camelCase with a few humps, or SCREAMING_SNAKE). `eMyJTVQmey7WuA.P` is a password with a dot.
    static func isWordlikePath(_ bytes: [UInt8]) -> Bool {
        bytes.split(separator: UInt8(ascii: ".")).allSatisfy { segment in
            let letters = segment.filter(isLetter)
            let upper = letters.filter(isUpper).count
            return upper == letters.count || upper <= 3 && segment.filter(isDigit).count <= 2
        }
    }

    /// Whether the match starting at `start` sits inside a template expression on its line
    /// (`{{ lookup('hashi_vault', 'secret=kv/db:password') }}`, `{% … %}`): an argument, not a value.
    static func isInsideTemplate(_ bytes: UnsafeRawBufferPointer, before start: Int) -> Bool {
        var i = start
        while i > 1 && bytes[i - 1] != 0x0A {
            let pair = (bytes[i - 2], bytes[i - 1])
            if pair == (UInt8(ascii: "}"), UInt8(ascii: "}")) || pair == (UInt8(ascii: "%"), UInt8(ascii: "}")) { return false }
            if pair == (UInt8(ascii: "{"), UInt8(ascii: "{")) || pair == (UInt8(ascii: "{"), UInt8(ascii: "%")) { return true }
            i -= 1
        }
        return false
    }

    /// `GetToken(sid)`, `secret_from_vault()`, `params[:password]`, `obj.method(...)`: an identifier
    /// path directly followed by `(` or `[`.
    static func isCall(_ bytes: [UInt8]) -> Bool {
        guard let open = bytes.firstIndex(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }), open > 0 else { return false }
        let name = bytes[..<open]
        guard let first = name.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return name.allSatisfy {
            isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":")
        }
    }

    /// `mypass`, `secret123`, `Test_Password1!`, `p@ssw0rd`: a stem word with a sample prefix or
    /// trailing digits.
    static func isSamplePassword(_ lower: String) -> Bool {
        var core = Substring(lower)
        while let c = core.last, c.isNumber || c == "!" || c == "." { core.removeLast() }
        let trailing = core.count < lower.count
        var prefixed = false
        for prefix in samplePrefixes where core.hasPrefix(prefix) && core.count > prefix.count {
            let rest = core.dropFirst(prefix.count)
            let stripped = rest.first == "_" || rest.first == "-" ? rest.dropFirst() : rest
            if sampleStems.contains(String(stripped)) {
                prefixed = true
                break
            }
        }
        if prefixed { return true }
        if trailing, sampleStems.contains(String(core)) { return true }
        if core.isEmpty { return lower.count <= 10 }  // all digits: 1234567, 2024!
        return false
    }

    /// The `user` and `host` around a URL's password in a match `scheme://user:PASSWORD@host…`.
    static func urlParts(secret: UnsafeRawBufferPointer, match: UnsafeRawBufferPointer) -> (user: String?, host: String?) {
        guard let s = secret.baseAddress, let m = match.baseAddress else { return (nil, nil) }
        let start = m.distance(to: s), end = start + secret.count
        let bytes = Array(match)
        guard start > 0, bytes[start - 1] == UInt8(ascii: ":"), end < bytes.count, bytes[end] == UInt8(ascii: "@") else {
            return (nil, nil)
        }
        var u = start - 1
        while u > 0 && bytes[u - 1] != UInt8(ascii: "/") { u -= 1 }
        var h = end + 1
        while h < bytes.count, ![UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?")].contains(bytes[h]) { h += 1 }
        return (String(decoding: bytes[u..<(start - 1)], as: UTF8.self), String(decoding: bytes[(end + 1)..<h], as: UTF8.self))
    }

    static func isSampleHost(_ host: String) -> Bool {
        let bare = withoutSamplePrefix(host)
        return sampleHosts.contains { $0.hasSuffix(".") ? host.hasPrefix($0) || host.contains(".\($0)") : host == $0 || bare == $0 }
            || host.hasSuffix(".example") || host.hasSuffix(".local") || host.hasSuffix(".test")
    }

    /// `myuser`, `my-login`, `your_user`: a sample user name, with or without a `my`/`your` prefix.
    static func isSampleUser(_ user: String) -> Bool {
        sampleUsers.contains(user) || sampleUsers.contains(withoutSamplePrefix(user))
    }

    /// `my-host` → `host`, `your_db` → `db`.
    private static func withoutSamplePrefix(_ word: String) -> String {
        for prefix in ["my-", "my_", "your-", "your_", "my", "your"] where word.hasPrefix(prefix) && word.count > prefix.count {
            return String(word.dropFirst(prefix.count))
        }
        return word
    }

    /// The first path segment after the host of `scheme://user:PASSWORD@host[:port]/name`, if the match has one.
    static func databaseName(after secret: UnsafeRawBufferPointer, in match: UnsafeRawBufferPointer) -> String? {
        guard let s = secret.baseAddress, let m = match.baseAddress else { return nil }
        let bytes = Array(match)
        var i = m.distance(to: s) + secret.count
        while i < bytes.count && bytes[i] != UInt8(ascii: "/") { i += 1 }
        guard i < bytes.count else { return nil }
        let name = bytes[(i + 1)...].prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "/") }
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }

}
