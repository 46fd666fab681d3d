import Foundation

/// What a finished shard leaves in the store: `shards/<plan>/<I>-of-<N>.json`, the plan's digest,
/// its index and count and the keys it was given. `--no-train` reads them to say which shard a
/// missing run belongs to.
public struct ShardManifest: Codable, Sendable, Equatable {
    /// The digest of the plan the shard was cut from (`SweepPlan.digest`).
    public var plan: String
    /// The shard's index, from 0.
    public var shard: Int
    /// How many shards the plan was cut into.
    public var count: Int
    /// The keys of the runs it was given, sorted.
    public var keys: [String]

    /// The manifest of shard `shard` of `count` of `plan`, given `keys`.
    public init(plan: String, shard: Int, count: Int, keys: [String]) {
        (self.plan, self.shard, self.count, self.keys) = (plan, shard, count, keys.sorted())
    }
}

extension RunStore {
    /// Records that shard `manifest.shard` of `manifest.count` has finished, in the first folder.
    public func save(_ manifest: ShardManifest) throws(StoreError) {
        let url = shardsFolder(of: manifest.plan, in: folders[0]).appendingPathComponent("\(manifest.shard)-of-\(manifest.count).json")
        try Self.createFolder(url.deletingLastPathComponent())
        let bytes: Data
        do { bytes = try CanonicalJSON.encoder().encode(manifest) } catch { throw StoreError("cannot encode \(url.path): \(error)") }
        try Self.write(bytes, to: url, replacing: true)
    }

    /// The manifests of every finished shard of `plan`, from every folder, and a line for each
    /// file that is there but cannot be read as one (it counts as a shard that did not finish).
    public func shardManifests(of plan: String) -> (manifests: [ShardManifest], unreadable: [String]) {
        var manifests: [ShardManifest] = []
        var unreadable: [String] = []
        for folder in folders {
            let directory = shardsFolder(of: plan, in: folder)
            // No folder yet is no finished shard; only what is there and cannot be read is reported.
            guard FileManager.default.fileExists(atPath: directory.path) else { continue }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted() } catch {
                unreadable.append("\(directory.path): \(error.localizedDescription)")
                continue
            }
            for name in names {
                let url = directory.appendingPathComponent(name)
                let manifest: ShardManifest
                do { manifest = try CanonicalJSON.decoder().decode(ShardManifest.self, from: Data(contentsOf: url)) } catch {
                    unreadable.append("\(url.path): not a shard manifest (\(error.localizedDescription))")
                    continue
                }
                if manifest.plan == plan, !manifests.contains(manifest) { manifests.append(manifest) }
            }
        }
        return (manifests, unreadable)
    }

    private func shardsFolder(of plan: String, in folder: URL) -> URL {
        folder.appendingPathComponent("shards").appendingPathComponent(String(plan.prefix(16)))
    }
}
