import Crypto
import Foundation
import KuraCore

#if canImport(Glibc)
    // MemberImportVisibility attributes `stat` to whichever module imported it first; on
    // Linux that can be CoreFoundation (through Foundation), so name it too.
    import CoreFoundation
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The snapshot folder's layout and its file operations (REC-3): one folder per JST day,
/// `<destination>/<YYYY-MM-DD>/`, holding `index.html` and `<patient id>.html`. File names are
/// opaque ids; everything that names a patient is inside the encrypted pages.
///
/// A day is written into a hidden staging folder next to the days (`.kura-emergency-…`, same
/// file system) and renamed into place once every file is written and fsynced, so a reader
/// never sees half a day. The files are 0644: they are encrypted, and in an outage whoever
/// opens them on another machine must be able to read them.
struct EmergencySnapshotFolder {
    /// The prefix of staging and replaced folders.
    static let workPrefix = ".kura-emergency-"

    /// The configured destination.
    let destination: String

    /// The page's file name for a patient id: the id itself (Kura's ids are `pat_` and base32),
    /// or for an id with other characters, which a path or the page's link check would not
    /// take, `pat-` and the SHA-256 of the id in hex.
    static func fileName(for patientID: String) -> String {
        let safe = patientID.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F
                || $0 == 0x2D
        }
        if safe && (1...64).contains(patientID.utf8.count) { return "\(patientID).html" }
        return "pat-\(LogHash(SHA256.hash(data: Array(patientID.utf8))).hex).html"
    }

    /// The day's folder.
    func dayFolder(_ date: CivilDate) -> String {
        "\(destination)/\(date)"
    }

    /// Whether the day's folder exists.
    func hasDay(_ date: CivilDate) -> Bool {
        var status = stat()
        return stat(dayFolder(date), &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Makes a fresh staging folder; the destination must exist.
    func makeStaging(suffix: String) throws(EmergencySnapshotError) -> String {
        var status = stat()
        guard stat(destination, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .destinationMissing(path: destination)
        }
        let staging = "\(destination)/\(Self.workPrefix)\(suffix)"
        guard mkdir(staging, 0o755) == 0 else { throw .file(operation: "mkdir", path: staging, errno: errno) }
        // mkdir applied the umask (kura runs with 077); the folder must be readable like its files.
        guard chmod(staging, 0o755) == 0 else { throw .file(operation: "chmod", path: staging, errno: errno) }
        return staging
    }

    /// Writes `text` as a new file `name` in `folder`, mode 0644, fsynced.
    func write(_ text: String, named name: String, in folder: String) throws(EmergencySnapshotError) {
        let path = "\(folder)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw .file(operation: "create", path: path, errno: errno) }
        defer { close(fd) }
        guard fchmod(fd, 0o644) == 0 else { throw .file(operation: "chmod", path: path, errno: errno) }
        var failure: Int32 = 0
        text.utf8CString.withUnsafeBufferPointer { buffer in
            // The C string's buffer ends with a NUL that is not written.
            var offset = 0
            let count = buffer.count - 1
            while offset < count {
                let written = systemWrite(fd, buffer.baseAddress.map { $0 + offset }, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        guard failure == 0 else { throw .file(operation: "write", path: path, errno: failure) }
        guard fsync(fd) == 0 else { throw .file(operation: "fsync", path: path, errno: errno) }
    }

    /// Moves the staging folder to the day's name, replacing an earlier run of the same day
    /// (moved aside first, then removed), and fsyncs the destination.
    func publish(_ staging: String, as date: CivilDate, suffix: String) throws(EmergencySnapshotError) {
        let day = dayFolder(date)
        try sync(staging)
        var replaced: String?
        if hasDay(date) {
            let aside = "\(destination)/\(Self.workPrefix)replaced-\(suffix)"
            guard rename(day, aside) == 0 else { throw .file(operation: "rename", path: day, errno: errno) }
            replaced = aside
        }
        guard rename(staging, day) == 0 else { throw .file(operation: "rename", path: staging, errno: errno) }
        try sync(destination)
        if let replaced { try? FileManager.default.removeItem(atPath: replaced) }
    }

    /// Removes every day folder but the newest `keep` and never `current`, and staging folders
    /// older than a day (left by a run that died); returns the days removed, oldest first.
    func prune(keeping keep: Int, current: CivilDate, now: Date) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
        let days = names.compactMap { name -> CivilDate? in
            guard name.count == 10, let date = try? CivilDate(parsing: name), date.description == name else {
                return nil
            }
            return date
        }
        .sorted(by: >)
        var removed: [String] = []
        for date in days.dropFirst(keep).reversed() where date != current {
            if (try? FileManager.default.removeItem(atPath: dayFolder(date))) != nil {
                removed.append(date.description)
            }
        }
        for name in names where name.hasPrefix(Self.workPrefix) {
            let path = "\(destination)/\(name)"
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, now.timeIntervalSince(modified) > 86_400 {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        return removed
    }

    /// Removes a staging folder after a failed run.
    func discard(_ staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func sync(_ folder: String) throws(EmergencySnapshotError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .file(operation: "open", path: folder, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .file(operation: "fsync", path: folder, errno: errno) }
    }
}

// File scope: inside the type, the member `write(_:named:in:)` would shadow the C function.
private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<CChar>?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
