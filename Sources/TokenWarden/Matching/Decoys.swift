/// Known non-secrets that look like secrets. Every rule gets the placeholder checks; generic
/// (`key = value`) rules also get the structural ones, since a specific format already rules
/// out UUIDs, hashes and identifiers by its shape.
enum Decoys {
    private static let placeholderWords: [[UInt8]] = [
        "xxxx", "example", "placeholder", "changeme", "change_me", "your_", "your-", "yourtoken", "yourkey",
        "redacted", "dummy", "sample", "****", "....", "<", ">", "${", "{{", "12345678", "abcdefgh", "token_here",
        "insert", "replace_me", "replaceme", "not_a_real", "notreal", "fake_",
    ].map { Array($0.utf8) }

    /// Famous example values from vendor documentation (lower-cased, matched as substrings).
    private static let documentationSecrets: [[UInt8]] = [
        "sflkxwrjsmekkf2qt4fwpmejf36pok6yjv_adqssw5c",  // jwt.io's example signature
        "akiaiosfodnn7", "wjalrxutnfemi/k7mdeng",  // AWS documentation key pair
        "yanz5tf+lxxjte14tji3zlmnq+hd2ryuigjbgb3fbmk",  // wg(8)'s example PrivateKey
    ].map { Array($0.utf8) }

    /// Words near a generic assignment that say the value is a digest, an id or a per-session form
    /// token (Rails' `authenticity_token`, CSRF tokens), not a credential.
    private static let digestContextWords: [[UInt8]] = [
        "sha", "hash", "commit", "digest", "checksum", "integrity", "uuid", "guid", "fingerprint", "etag",
        "revision", "nonce", "_id\"", "_id'", "_id ", "_id=", "_id:", "-id", "public", "authenticity", "csrf", "xsrf",
    ].map { Array($0.utf8) }

    /// Whole values (compared case-insensitively) that a key-anchored credential rule never reports:
    /// dummy and default passwords, type names, empty and boolean values, the key's own name. The
    /// one list behind every `value_filter` rule: passwords, URL passwords, connection strings.
    static let dummyValues: Set<String> = [
        // the key's own words and other stand-ins
        "password", "passwd", "pass", "pwd", "passphrase", "secret", "secrets", "pw", "passw0rd", "p@ssw0rd", "p@ssword",
        "changeme", "change_me", "change-me", "s3cr3t", "s3cret", "secr3t", "changeit", "changethis", "replaceme", "replace_me", "redacted",
        "masked", "tiger",  // scott/tiger: the sample credential of database documentation since Oracle's
        "hidden", "secure", "private", "confidential", "unknown", "notset", "not_set", "unset", "tbd", "todo", "fixme",
        "required", "optional", "default", "value", "somevalue", "something", "anything", "whatever", "sample", "example",
        "test", "testing", "tests", "demo", "dev", "local", "guest", "user", "username", "login", "admin", "administrator",
        "root", "toor", "qwerty", "letmein", "welcome", "foobar", "foo", "bar", "baz", "dummy", "fake", "mock",
        "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbitmq", "oracle", "sa",
        "123456", "1234567", "123456789", "1234567890", "654321", "111111", "000000",
        // type names (annotations, schemas)
        "string", "str", "int", "integer", "bool", "boolean", "number", "text", "char", "varchar", "bytes", "any",
        "object", "secretstr", "securestring", "optional[str]", "str|none",
        // empty, null, boolean
        "null", "none", "nil", "undefined", "empty", "true", "false", "yes", "no", "on", "off", "blank",
        // the word "password" in other languages (i18n files label their fields with it)
        "passwort", "kennwort", "contraseña", "contrasena", "clave", "mot de passe", "senha", "wachtwoord", "parola",
        "lösenord", "losenord", "hasło", "haslo", "heslo", "jelszó", "salasana", "adgangskode", "passord", "şifre",
        "sifre", "пароль", "パスワード", "密码", "密碼", "비밀번호", "كلمة المرور", "סיסמה", "mật khẩu", "kata sandi",
    ]

    /// Sample credentials: reported, but not with the confidence of a real one. A value that is one
    /// of these words with `my`/`your`/`test`/… before it and digits or `!` after it (`mypass`,
    /// `secret123`, `test_password1`).
    static let sampleStems: [String] = [
        "password", "passwd", "pass", "pwd", "pw", "secret", "passphrase", "admin", "root", "test", "user", "qwerty",
        "letmein", "welcome", "changeme", "dbpass", "dbpassword", "p@ssw0rd", "passw0rd", "p@ssword", "pa55word", "demo",
        "guest", "abc", "foo", "s3cr3t",
    ]
    static let samplePrefixes: [String] = ["my", "your", "some", "test", "demo", "dev", "local", "db", "app", "super", "the", "new", "old"]
    /// User names of sample URLs (`myuser:…@localhost`).
    static let sampleUsers: Set<String> = [
        "user", "username", "myuser", "myusername", "dbuser", "testuser", "test", "demo", "admin", "root", "foo", "me",
        "john", "jane", "johndoe", "alice", "bob", "someone", "example", "postgres", "mysql", "sa", "guest", "login",
    ]
    /// Hosts of sample URLs.
    static let sampleHosts: [String] = [
        "localhost", "127.0.0.1", "0.0.0.0", "[::1]", "example.", "host", "hostname", "server", "db", "database",
    ]

    /// Why `secret` (found inside `match`) is not reported, or nil when it should be.
    static func reason(secret: UnsafeRawBufferPointer, match: UnsafeRawBufferPointer, generic: Bool) -> String? {
        // In long secrets (key blocks, session tokens) a short placeholder word inside kilobytes of
        // base64 is more likely chance than a decoy; words of 7+ letters ("example") still count.
        if let word = placeholderWords.first(where: { (secret.count < 256 || $0.count >= 7) && contains(secret, $0) }) {
            return "placeholder '\(String(decoding: word, as: UTF8.self))'"
        }
        if secret.count < 128, longestRun(secret) >= 8 { return "repeated character" }
        if documentationSecrets.contains(where: { contains(secret, $0) }) { return "published documentation example" }
        guard generic else { return nil }
        if isUUID(secret) { return "UUID" }
        if isIdentifierPath(secret) { return "identifier or property path" }
        if isComparison(secret) { return "comparison (`x===0`): code" }
        if isConstantName(secret) { return "constant name" }
        if contains(secret, Array("/aws4_request".utf8)) { return "AWS Signature V4 credential scope" }
        if startsWithDigestPrefix(secret) { return "integrity hash" }
        if !hasDigitAndLetter(secret) { return "no digit or no letter" }
        let context = UnsafeRawBufferPointer(rebasing: match[0..<max(0, min(match.count, secretOffset(secret, in: match)))])
        if let word = digestContextWords.first(where: { contains(context, $0) }) {
            return "digest context '\(String(decoding: word, as: UTF8.self))'"
        }
        return nil
    }

    private static func secretOffset(_ secret: UnsafeRawBufferPointer, in match: UnsafeRawBufferPointer) -> Int {
        guard let s = secret.baseAddress, let m = match.baseAddress else { return 0 }
        return m.distance(to: s)
    }

    /// Case-insensitive substring test (needles are lower-case ASCII).
    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, haystack.count >= n else { return false }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - n {
            if KeywordAutomaton.fold(haystack[i]) == first {
                var j = 1
                while j < n && KeywordAutomaton.fold(haystack[i + j]) == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    static func longestRun(_ bytes: UnsafeRawBufferPointer) -> Int {
        var best = 0, run = 0
        var previous: UInt8? = nil
        for b in bytes {
            run = (b == previous) ? run + 1 : 1
            previous = b
            best = max(best, run)
        }
        return best
    }

    static func isUUID(_ b: UnsafeRawBufferPointer) -> Bool {
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !isHexDigit(c) {
                return false
            }
        }
        return true
    }

    /// `process.env.GITHUB_TOKEN`, `settings.SECRET_KEY`, `self.config.api_key`: code, not a value.
    static func isIdentifierPath(_ b: UnsafeRawBufferPointer) -> Bool {
        var dots = 0
        var atSegmentStart = true
        for c in b {
            if c == UInt8(ascii: ".") {
                if atSegmentStart { return false }
                dots += 1
                atSegmentStart = true
            } else if isLetter(c) || c == UInt8(ascii: "_") {
                atSegmentStart = false
            } else if isDigit(c) && !atSegmentStart {
                continue
            } else {
                return false
            }
        }
        return dots > 0 && !atSegmentStart
    }

    /// `this.lineCharOffset===0`: `==` inside the value (base64 pads only at the end) is code.
    static func isComparison(_ b: UnsafeRawBufferPointer) -> Bool {
        guard b.count > 2 else { return false }
        for i in 0..<(b.count - 2) where b[i] == UInt8(ascii: "=") && b[i + 1] == UInt8(ascii: "=") && b[i + 2] != UInt8(ascii: "=") {
            return true
        }
        return false
    }

    /// `PKCS11_DEFAULT_PROMPT`, `FORBIDDEN_VALUE2`: SCREAMING_SNAKE words name a constant; a token is
    /// not two or more upper-case words joined by `_`.
    static func isConstantName(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let first = b.first, isUpper(first) else { return false }
        guard b.allSatisfy({ isUpper($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) else { return false }
        let words = b.split(separator: UInt8(ascii: "_")).filter { $0.prefix(3).allSatisfy(isUpper) && $0.count >= 3 }
        return words.count >= 2
    }

    private static func startsWithDigestPrefix(_ b: UnsafeRawBufferPointer) -> Bool {
        for prefix in ["sha1-", "sha256-", "sha384-", "sha512-", "md5-"] where b.starts(with: prefix.utf8) { return true }
        return false
    }

    private static func hasDigitAndLetter(_ b: UnsafeRawBufferPointer) -> Bool {
        var digit = false, letter = false
        for c in b {
            if isDigit(c) { digit = true } else if isLetter(c) { letter = true }
            if digit && letter { return true }
        }
        return false
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }
}
