import ArgumentParser
import Configuration
import Foundation
import Hummingbird
import KuraServer
import Logging

/// `kura serve`: runs the server (HTTPS by default) until SIGINT or SIGTERM.
///
/// The options are the top layer of the configuration (STYLE 11): each one the user gives
/// overrides the environment (`KURA_…`) and the JSON file, which override the defaults;
/// `ServerConfiguration.Key` lists every key. The options have no defaults here for that reason;
/// `--help` names the defaults.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Kura. The first start creates the data folder, keys and a self-signed certificate.",
        discussion: """
            Settings come from the options, then KURA_… environment variables, then a JSON file \
            (--config, or kura.json in the data folder), then the defaults. See README "Configuration".
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .customLong("config"),
        help: "A JSON configuration file (default: kura.json in the data folder, if any)."
    )
    var configFile: String?

    @Option(help: "The address to bind (default 127.0.0.1: only this machine; env KURA_HTTP_HOST).")
    var host: String?

    @Option(help: "The port to bind (default 8443; 0 picks a free one; env KURA_HTTP_PORT).")
    var port: Int?

    @Flag(help: "Serve plain HTTP instead of HTTPS (allowed only on a loopback address; env KURA_HTTP_INSECURE).")
    var insecureHTTP = false

    @Option(help: "The log's origin for a new data folder, e.g. clinic.example.jp/main (kept for good afterwards).")
    var origin: String?

    @Flag(inversion: .prefixedNo, help: "Serve log tiles and entry bundles publicly (default on: they reveal nothing).")
    var publishTiles: Bool?

    @Option(
        name: .customLong("checkpoint-interval-ms"),
        help: "The shortest time between two checkpoints in milliseconds (default 1000; 0…86400000)."
    )
    var checkpointInterval: Int?

    @Option(help: "A PEM certificate chain to serve instead of the self-signed certificate.")
    var tlsCertificate: String?

    @Option(help: "The PEM private key of --tls-certificate.")
    var tlsKey: String?

    @Option(help: "Log level (default info; env KURA_LOGGING_LEVEL).")
    var logLevel: Logger.Level?

    /// The options the user gave, by configuration key; a flag counts only when given.
    var configurationValues: [ServerConfiguration.Key: ConfigContent] {
        var values = database.configurationValues
        values[.host] = host.map(ConfigContent.string)
        values[.port] = port.map(ConfigContent.int)
        values[.insecureHTTP] = insecureHTTP ? .bool(true) : nil
        values[.origin] = origin.map(ConfigContent.string)
        values[.publishTiles] = publishTiles.map(ConfigContent.bool)
        values[.checkpointInterval] = checkpointInterval.map(ConfigContent.int)
        values[.tlsCertificate] = tlsCertificate.map(ConfigContent.string)
        values[.tlsKey] = tlsKey.map(ConfigContent.string)
        values[.logLevel] = logLevel.map { .string($0.rawValue) }
        return values
    }

    func run() async throws {
        let configuration = try await ServerConfiguration.load(
            commandLine: configurationValues,
            environment: ProcessInfo.processInfo.environment,
            configFile: configFile
        )
        var logger = Logger(label: "kura")
        logger.logLevel = configuration.logLevel
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
