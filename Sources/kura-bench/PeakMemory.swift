import Foundation

/// The process's peak resident memory, read from Linux's `/proc/self/status`.
enum PeakMemory {
    /// `VmHWM` (the resident set's high-water mark) in bytes, or nil where procfs is missing.
    static func highWaterMark() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            // "VmHWM:    123456 kB"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}

extension PeakMemory {
    /// Resets `VmHWM` to the current resident set (Linux ≥ 4.0: writing 5 to
    /// `/proc/self/clear_refs`), so that the next reading covers only what follows; false where
    /// that is not possible.
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}
