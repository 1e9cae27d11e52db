import Dispatch
import Foundation

#if canImport(Glibc)
    // MemberImportVisibility attributes a C declaration to whichever module imported it
    // first; on Linux that can be CoreFoundation (through Foundation), so name it too.
    import CoreFoundation
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The permission bits of the file at `path`, or nil if it cannot be stat'ed.
///
/// Through FileManager rather than `stat(2)`: MemberImportVisibility attributes the C `stat`
/// struct to whichever module of the test target imported it first, which changes as files
/// are added.
func permissionBits(_ path: String) -> UInt32? {
    guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int else {
        return nil
    }
    return UInt32(mode) & 0o777
}

/// The names in a folder, without `.` and `..`.
func folderEntries(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// Reads a whole file (test files are small).
func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        out += buffer[..<count]
    }
    return out
}

/// Writes a whole file with the given mode (replacing any existing one).
@discardableResult
func writeFile(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) -> Bool {
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    return written == bytes.count && fchmod(fd, mode) == 0
}
