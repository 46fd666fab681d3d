import Foundation

/// One writer per report folder: a POSIX lock on `<out>/.report.lock`, held from before the first
/// run until the report is in place. A second process on the same folder is refused with the
/// first one's process id. The kernel drops the lock when its process dies, however it dies, so a
/// crashed run never blocks the next.
public final class OutputLock: @unchecked Sendable {
    /// The lock file's name in the report folder.
    static let fileName = ".report.lock"

    private let descriptor: Int32
    private let url: URL
    private var released = false

    /// Takes the lock of `folder` (which must exist), or fails naming the process that holds it.
    public init(_ folder: OutputFolder) throws(ReportError) {
        let url = folder.url.appendingPathComponent(OutputLock.fileName)
        while true {
            let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let code = errno
                throw FileOperations.failure("create the lock file", url, code: code)
            }
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            if fcntl(descriptor, F_SETLK, &lock) != 0 {
                var holder = flock()
                holder.l_type = Int16(F_WRLCK)
                holder.l_whence = Int16(SEEK_SET)
                let pid = fcntl(descriptor, F_GETLK, &holder) == 0 && holder.l_type != Int16(F_UNLCK) ? " (process \(holder.l_pid))" : ""
                close(descriptor)
                throw ReportError("--out \(folder.path): another report run\(pid) is writing this folder; wait for it to finish, or stop it")
            }
            // The holder before us may have deleted the file after we opened it: then our lock is
            // on a file nobody else will open, and we start again on the new one.
            var opened = stat(), current = stat()
            if fstat(descriptor, &opened) == 0, stat(url.path, &current) == 0,
               opened.st_ino == current.st_ino, opened.st_dev == current.st_dev {
                let text = "\(getpid())\n"
                _ = ftruncate(descriptor, 0)
                _ = text.withCString { write(descriptor, $0, strlen($0)) }
                self.descriptor = descriptor
                self.url = url
                return
            }
            close(descriptor)
        }
    }

    /// Deletes the lock file and releases the lock (idempotent; also safe from a signal's cleanup).
    public func release() {
        guard !released else { return }
        released = true
        unlink(url.path)
        close(descriptor)
    }

    deinit { release() }
}
