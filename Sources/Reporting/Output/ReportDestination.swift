import Foundation

/// An output folder made ready for one process to write: created if missing, marked as the
/// tool's, and locked. If the process is interrupted, or ends having written nothing, the folder
/// is returned to how it was: what this run created is deleted, the lock released.
public final class ReportDestination: @unchecked Sendable {
    /// The checked folder.
    public let folder: OutputFolder
    private let lock: OutputLock
    private let createdFolders: [URL]
    private let createdManifest: Bool
    private var cleanup: Interruption.Token?
    private var wroteReport = false

    /// Creates (if needed), marks and locks `folder`.
    public init(_ folder: OutputFolder) throws(ReportError) {
        createdFolders = try FileOperations.createFolder(folder.url, shownAs: folder.path)
        let manifestURL = folder.url.appendingPathComponent(ReportManifest.fileName)
        let lock: OutputLock
        do { lock = try OutputLock(folder) } catch {
            ReportDestination.undo(createdFolders)
            throw error
        }
        self.lock = lock
        ReportDestination.removeLeftovers(in: folder.url)
        // Marked from the first moment, so that a run killed before it wrote anything leaves a
        // folder the next run recognises as the tool's.
        createdManifest = !FileOperations.exists(manifestURL)
        if createdManifest {
            do { try FileOperations.write(try (folder.previous ?? ReportManifest(files: [], sources: [:])).encoded(), to: manifestURL) } catch {
                lock.release()
                ReportDestination.undo(createdFolders)
                throw error
            }
        }
        self.folder = folder
        cleanup = Interruption.shared.onInterrupt { [self] in abandon() }
    }

    /// Records that a report was written, so that `finish` keeps the folder.
    public func reportWritten() { wroteReport = true }

    /// Releases the folder: kept if a report was written in it, else put back as it was.
    public func finish() {
        if let cleanup { Interruption.shared.remove(cleanup) }
        cleanup = nil
        if wroteReport { lock.release() } else { abandon() }
    }

    /// Undoes what this run did to the folder before writing a report in it.
    private func abandon() {
        if createdManifest && !wroteReport {
            unlink(folder.url.appendingPathComponent(ReportManifest.fileName).path)
        }
        lock.release()
        if !wroteReport { ReportDestination.undo(createdFolders) }
    }

    /// Deletes what an earlier run that was killed (and so could not clean up) left: staging
    /// folders and half-written files, all named by the tool. Only a process holding the lock
    /// calls it, so none of them is in use.
    private static func removeLeftovers(in folder: URL) {
        // Tidying only: a leftover that cannot be listed or removed stays until a later run can.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in entries where name != ReportManifest.fileName && name != OutputLock.fileName && OutputFolder.isWorkingFile(name) {
            try? FileOperations.removeTree(folder.appendingPathComponent(name))
        }
    }

    /// Deletes `folders` (outermost first) if they are empty.
    private static func undo(_ folders: [URL]) {
        for folder in folders.reversed() { rmdir(folder.path) }
    }
}
