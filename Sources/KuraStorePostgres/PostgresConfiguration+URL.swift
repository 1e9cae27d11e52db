extension PostgresConfiguration {
    /// Parses a `postgres://` URL strictly (see ``PostgresConfiguration``).
    ///
    /// - Throws: ``PostgresConfigurationError``; the error never contains the password or a value.
    public init(url: String) throws(PostgresConfigurationError) {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { throw .unsupportedScheme }
        let scheme = url[..<colon].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else { throw .unsupportedScheme }
        var rest = url[url.index(colon, offsetBy: 3)...]
        guard !rest.contains("#") else { throw .invalid("fragment") }

        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw .missing("database") }
        let authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]

        let atSigns = authority.filter { $0 == "@" }.count
        guard atSigns == 1, let at = authority.firstIndex(of: "@") else {
            throw atSigns == 0 ? .missing("user") : .invalid("user")
        }
        let userInfo = authority[..<at]
        let hostAndPort = authority[authority.index(after: at)...]

        let username: String
        var password: String?
        if let colon = userInfo.firstIndex(of: ":") {
            username = try Self.decode(userInfo[..<colon], part: "user")
            password = try Self.decode(userInfo[userInfo.index(after: colon)...], part: "password")
        } else {
            username = try Self.decode(userInfo, part: "user")
        }
        guard !username.isEmpty else { throw .missing("user") }

        let (host, port) = try Self.parseHost(hostAndPort)
        let database = try Self.decode(path, part: "database")
        guard !database.isEmpty else { throw .missing("database") }
        guard !database.contains("/") else { throw .invalid("database") }

        let options = try Self.parseOptions(query)
        var tlsMode = TLSMode.require
        if let mode = options["sslmode"] {
            guard let parsed = TLSMode(rawValue: mode) else { throw .invalidOptionValue("sslmode") }
            tlsMode = parsed
        }
        let rootCertificatePath = options["sslrootcert"]
        if rootCertificatePath != nil && tlsMode == .disable { throw .invalidOptionValue("sslrootcert") }

        self.init(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tlsMode: tlsMode,
            rootCertificatePath: rootCertificatePath
        )
    }

    /// Splits `host[:port]` or `[ipv6][:port]`.
    private static func parseHost(_ text: Substring) throws(PostgresConfigurationError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .invalid("host") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalid("host") }
                portText = after.dropFirst()
            }
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw .invalid("host") }
        } else {
            host = text
            if let colon = text.firstIndex(of: ":") {
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            }
            let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }
            guard host.allSatisfy(allowed) else { throw .invalid("host") }
        }
        guard !host.isEmpty else { throw .missing("host") }
        var port = 5432
        if let portText {
            guard portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(portText), (1...65_535).contains(value)
            else { throw .invalid("port") }
            port = value
        }
        return (String(host), port)
    }

    /// Parses `name=value&…`, refusing unknown, repeated and empty options.
    private static func parseOptions(_ query: Substring) throws(PostgresConfigurationError) -> [String: String] {
        var options: [String: String] = [:]
        guard !query.isEmpty else { return options }
        for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
            let equals = pair.firstIndex(of: "=") ?? pair.endIndex
            let name = String(pair[..<equals])
            guard name == "sslmode" || name == "sslrootcert" else { throw .unknownOption(Self.safeName(name[...])) }
            guard options[name] == nil else { throw .repeatedOption(name) }
            guard equals < pair.endIndex else { throw .invalidOptionValue(name) }
            let value = try decode(pair[pair.index(after: equals)...], part: name)
            guard !value.isEmpty else { throw .invalidOptionValue(name) }
            options[name] = value
        }
        return options
    }

    /// An option name fit for an error message: short lower-case words only, else "?".
    private static func safeName(_ name: Substring) -> String {
        let plain = !name.isEmpty && name.count <= 32 && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "_") }
        return plain ? String(name) : "?"
    }

    /// Percent-decodes (RFC 3986 section 2.1) into UTF-8, refusing bad escapes and NUL.
    private static func decode(_ text: Substring, part: String) throws(PostgresConfigurationError) -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .invalid(part)
            }
            bytes.append(high << 4 | low)
        }
        guard !bytes.contains(0), let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .invalid(part)
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
