import ArgumentParser
import Foundation
import Hummingbird
import KuraServer
import Logging

/// `kura serve`: runs the server (HTTPS by default) until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Kura. The first start creates the data folder, keys and a self-signed certificate."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to bind (default 127.0.0.1: only this machine).")
    var host = "127.0.0.1"

    @Option(help: "The port to bind.")
    var port = 8443

    @Flag(help: "Serve plain HTTP instead of HTTPS (allowed only on a loopback address).")
    var insecureHTTP = false

    @Option(help: "The log's origin for a new data folder, e.g. clinic.example.jp/main (kept for good afterwards).")
    var origin: String?

    @Flag(inversion: .prefixedNo, help: "Serve log tiles and entry bundles publicly (they reveal nothing).")
    var publishTiles = true

    @Option(help: "A key file shared by several servers (env KURA_KEY_FILE); default: the data folder's own.")
    var keyFile: String?

    @Option(help: "A PEM certificate chain to serve instead of the self-signed certificate.")
    var tlsCertificate: String?

    @Option(help: "The PEM private key of --tls-certificate.")
    var tlsKey: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = ServerConfiguration(
            dataDirectory: database.resolvedDataDirectory,
            databaseURL: database.resolvedDatabaseURL,
            host: host,
            port: port,
            insecureHTTP: insecureHTTP,
            origin: origin,
            publishTiles: publishTiles,
            keyFile: keyFile ?? environment["KURA_KEY_FILE"],
            keyPassphrase: environment["KURA_KEY_PASSPHRASE"],
            tlsCertificate: tlsCertificate,
            tlsKey: tlsKey
        )
        var logger = Logger(label: "kura")
        logger.logLevel = logLevel
        let (application, startup, _) = try await buildApplication(
            configuration: configuration,
            logger: logger,
            onServerRunning: { channel in
                // The bound port matters when --port 0 asked the system to choose one.
                let port = channel.localAddress?.port ?? 0
                FileHandle.standardOutput.write(Data("Kura is serving on port \(port).\n".utf8))
            }
        )
        FileHandle.standardOutput.write(Data((StartupText.render(startup) + "\n").utf8))
        try await application.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
