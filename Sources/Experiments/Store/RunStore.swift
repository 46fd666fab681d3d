import Foundation

/// Folders of run records, read by key: `runs/<first two digits>/<key>.record`, with the key's
/// material (`.key.json`) and the run's wall times (`.timing.json`) beside it.
///
/// Records are written once and never changed: into a temporary file, then linked to their name,
/// which fails harmlessly when another writer got there first (its bytes are the same, since the
/// key determines them). Many processes can share one folder, on one machine or a network file
/// system. The store writes only these names and never deletes anything; a record that does not
/// read back (a damaged file) counts as missing and is replaced when the run is trained again.
///
/// Records are read from every folder given, in order, and written to the first: merging the
/// stores of several shards is copying their files into one folder, or naming each folder.
public struct RunStore: Sendable {
    /// The folders read, the first also written.
    public let folders: [URL]

    /// What a lookup found.
    public enum Lookup: Sendable {
        case found(RunRecord)
        case missing
        /// A file of that key is there but does not read back.
        case damaged(path: String, reason: String)
    }

    /// Opens the stores at `paths`; the first is created when the first record is saved, the
    /// others must exist.
    public init(paths: [String]) throws(StoreError) {
        precondition(!paths.isEmpty, "a run store needs a folder")
        folders = paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var isFolder: ObjCBool = false
        for (index, folder) in folders.enumerated() {
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw StoreError("--store \(paths[index]): a file of that name is in the way; name a folder") }
            } else if index > 0 {
                throw StoreError("--store \(paths[index]): no such folder; stores to read from must exist")
            }
        }
    }

    /// The record of `key` from the first folder that has it.
    public func record(_ key: RunKey) -> Lookup {
        var damage: Lookup = .missing
        for folder in folders {
            let url = recordURL(key, in: folder)
            // No record in this folder (the usual case for all but one): the next folder is asked.
            guard let bytes = try? Data(contentsOf: url) else { continue }
            // Wall times are not part of the result: a missing or damaged timing file leaves the page without them.
            let timing = (try? Data(contentsOf: timingURL(key, in: folder))).flatMap { try? CanonicalJSON.decoder().decode(RunTiming.self, from: $0) }
            do { return .found(try RunRecord(decoding: bytes, timing: timing)) } catch {
                if case .missing = damage { damage = .damaged(path: url.path, reason: error.description) }
            }
        }
        return damage
    }

    /// The bytes of the wall times stored beside `key`'s record, from the first folder that has the record.
    public func timing(_ key: RunKey) -> Data? {
        for folder in folders where FileManager.default.fileExists(atPath: recordURL(key, in: folder).path) {
            // A record without its timing file has no wall times; the render key then says "none".
            return try? Data(contentsOf: timingURL(key, in: folder))
        }
        return nil
    }

    /// Whether any folder has a record of `key` (without reading it).
    public func contains(_ key: RunKey) -> Bool { contains(digest: key.digest) }

    /// Whether any folder has a record of the key `digest` (without reading it).
    public func contains(digest: String) -> Bool {
        folders.contains { FileManager.default.fileExists(atPath: entryURL(digest, in: $0, suffix: ".record").path) }
    }

    /// Stores `record` under `key` in the first folder, with the key's material and the run's times.
    public func save(_ record: RunRecord, key: RunKey) throws(StoreError) {
        let folder = folders[0]
        try Self.createFolder(recordURL(key, in: folder).deletingLastPathComponent())
        let bytes: Data
        do { bytes = try record.encoded() } catch { throw StoreError("cannot encode the record of \(key.short): \(error)") }
        try Self.writeOnce(key.material, to: materialURL(key, in: folder))
        try Self.writeOnce(bytes, to: recordURL(key, in: folder))
        let timing: Data
        do { timing = try CanonicalJSON.encoder().encode(record.timing) } catch { throw StoreError("cannot encode the wall times of \(key.short): \(error)") }
        // Wall times differ from one computation to the next, so the latest replaces the one there.
        try Self.write(timing, to: timingURL(key, in: folder), replacing: true)
    }

    /// The material of every stored key whose digest starts with `prefix`, from every folder.
    public func materials(withPrefix prefix: String) -> [(digest: String, material: Data)] {
        var found: [String: Data] = [:]
        for folder in folders {
            let runs = folder.appendingPathComponent("runs")
            // A folder with no runs yet, or a bucket not made yet, holds no keys.
            let buckets = prefix.count >= 2 ? [String(prefix.prefix(2))] : ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [])
            for bucket in buckets {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: runs.appendingPathComponent(bucket).path)) ?? []
                for name in names where name.hasSuffix(".key.json") && name.hasPrefix(prefix) {
                    let digest = String(name.dropLast(".key.json".count))
                    // A key file that vanished since the listing (another writer's) is simply not found.
                    if found[digest] == nil, let data = try? Data(contentsOf: runs.appendingPathComponent(bucket).appendingPathComponent(name)) {
                        found[digest] = data
                    }
                }
            }
        }
        return found.keys.sorted().map { ($0, found[$0]!) }
    }

    /// Every stored key's material (for finding the closest one to a key that is missing).
    public func allMaterials() -> [(digest: String, material: Data)] { materials(withPrefix: "") }

    // MARK: Files

    func recordURL(_ key: RunKey, in folder: URL) -> URL { entryURL(key, in: folder, suffix: ".record") }
    func materialURL(_ key: RunKey, in folder: URL) -> URL { entryURL(key, in: folder, suffix: ".key.json") }
    func timingURL(_ key: RunKey, in folder: URL) -> URL { entryURL(key, in: folder, suffix: ".timing.json") }

    private func entryURL(_ key: RunKey, in folder: URL, suffix: String) -> URL { entryURL(key.digest, in: folder, suffix: suffix) }

    private func entryURL(_ digest: String, in folder: URL, suffix: String) -> URL {
        folder.appendingPathComponent("runs").appendingPathComponent(String(digest.prefix(2))).appendingPathComponent(digest + suffix)
    }

    /// Creates `folder` and its missing parents, failing with the reason in words: a file in the
    /// way, or the system's reason (permission denied, no space left).
    static func createFolder(_ folder: URL) throws(StoreError) {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: current.path, isDirectory: &isFolder), current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        guard isFolder.boolValue else {
            throw StoreError("cannot create \(folder.path): \(current.path) is a file, not a folder; give --store a folder")
        }
        for url in missing.reversed() where mkdir(url.path, 0o755) != 0 && errno != EEXIST {
            throw StoreError("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `bytes` at `url` unless the file there already holds them (another writer's: a key
    /// determines its bytes); a file with other bytes there (damaged, truncated) is replaced.
    static func writeOnce(_ bytes: Data, to url: URL) throws(StoreError) {
        // No file there yet reads as different bytes: it is written.
        if (try? Data(contentsOf: url)) == bytes { return }
        try write(bytes, to: url, replacing: false)
        if (try? Data(contentsOf: url)) != bytes { try write(bytes, to: url, replacing: true) }
    }

    /// Writes `bytes` to a temporary file beside `url`, then gives it `url`'s name: by a hard link
    /// when not `replacing` (an existing file wins), by a rename otherwise. Readers never see half a file.
    static func write(_ bytes: Data, to url: URL, replacing: Bool) throws(StoreError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())-\(UUID().uuidString.prefix(8))")
        do { try bytes.write(to: temporary) } catch {
            throw StoreError("cannot write \(url.path): \(error.localizedDescription)")
        }
        defer { unlink(temporary.path) }
        if !replacing {
            if link(temporary.path, url.path) == 0 || errno == EEXIST { return }
            // A file system without hard links: a rename, which may replace a record of the same bytes.
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw StoreError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}

/// A run store that cannot be opened or written.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
