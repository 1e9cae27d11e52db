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

/// POSIX file operations for secrets: create without clobbering, durably, and read with a mode check.
///
/// Used for the key file and the TLS private key. Foundation's file APIs cannot create a file with a
/// given mode atomically or refuse to overwrite, so this calls open(2), fsync(2) and link(2) directly.
enum PrivateFile {
    /// Why an operation failed; the callers add the path and map it to their own error type.
    enum Failure: Error, Equatable {
        case missing
        case insecureMode(UInt32)
        case notRegular
        case tooLarge
        case system(operation: String, errno: Int32)
    }

    /// Creates `path` holding `contents` with exactly `mode`, unless it exists; returns false if it did.
    ///
    /// Crash-safe and race-safe: the bytes go to a temporary file in the same folder (O_CREAT|O_EXCL,
    /// created with `mode`, so it is never readable by others even for a moment), are fsynced, then
    /// link(2) gives them the final name — which, unlike rename(2), fails if the name exists, so two
    /// servers starting at once cannot overwrite each other's key. The temporary name is removed and
    /// the folder fsynced so the new entry survives a power cut.
    static func createExclusively(
        at path: String,
        contents: [UInt8],
        mode: mode_t,
        random: some RandomBytesSource
    ) throws(Failure) -> Bool {
        let folder = parentFolder(of: path)
        let suffix = random.bytes(count: 8).map { String($0, radix: 16) }.joined()
        let temporary = folder + "/.kura-tmp-" + suffix
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw .system(operation: "open", errno: errno) }
        defer { unlink(temporary) }
        let written = Result { () throws(Failure) in
            // fchmod: the umask may have cleared bits of `mode` (for the certificate's 0644).
            guard fchmod(fd, mode) == 0 else { throw .system(operation: "fchmod", errno: errno) }
            try writeAll(contents, to: fd)
            guard fsync(fd) == 0 else { throw .system(operation: "fsync", errno: errno) }
        }
        close(fd)
        try written.get()
        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { return false }
            throw .system(operation: "link", errno: code)
        }
        unlink(temporary)
        try syncFolder(folder)
        return true
    }

    /// Reads a regular file of at most `maxBytes`; with `forbiddenModeBits`, refuses a file that has any.
    ///
    /// The mode is checked on the opened descriptor (fstat), so a swap between check and read cannot slip
    /// through; symbolic links are followed, since mounted secrets (e.g. Kubernetes) are links.
    static func read(at path: String, maxBytes: Int, forbiddenModeBits: mode_t = 0) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO placed at the path must not hang the server.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT ? .missing : .system(operation: "open", errno: code)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .system(operation: "fstat", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        guard status.st_mode & forbiddenModeBits == 0 else { throw .insecureMode(UInt32(status.st_mode)) }
        guard Int(status.st_size) <= maxBytes else { throw .tooLarge }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "read", errno: errno)
            }
            if count == 0 { break }
            contents += buffer[..<count]
            guard contents.count <= maxBytes else { throw .tooLarge }
        }
        return contents
    }

    /// Creates the folder with `mode` if it does not exist (one level; its parent must exist).
    static func makeFolder(at path: String, mode: mode_t) throws(Failure) {
        if mkdir(path, mode) == 0 {
            try syncFolder(parentFolder(of: path))
            return
        }
        let code = errno
        var status = stat()
        guard code == EEXIST, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .system(operation: "mkdir", errno: code)
        }
    }

    /// Whether something exists at `path` (without following a final symbolic link).
    static func exists(at path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    private static func writeAll(_ contents: [UInt8], to fd: Int32) throws(Failure) {
        var offset = 0
        while offset < contents.count {
            let written = contents[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "write", errno: errno)
            }
            offset += written
        }
    }

    private static func syncFolder(_ folder: String) throws(Failure) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(operation: "open folder", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .system(operation: "fsync folder", errno: errno) }
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

// File-scope wrappers: inside `PrivateFile` the member `read(at:…)` would shadow the C function `read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
