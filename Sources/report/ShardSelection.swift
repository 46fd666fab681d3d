import ArgumentParser

/// Which shard of a sweep this process trains: `--shard I/N`, or the index and count that an array
/// job's engine hands each worker in its environment.
struct ShardSelection: Equatable {
    /// The shard, from 0 (the engines' own numbering).
    let index: Int
    /// How many shards there are.
    let count: Int
    /// Where the numbers came from ("--shard", "SLURM_ARRAY_TASK_ID=3 …").
    let origin: String

    /// `I/N` as `--shard` takes it.
    static func parse(_ text: String) throws -> ShardSelection {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ValidationError("--shard \(text): expected I/N, the shard's index from 0 and the number of shards (--shard 0/4)")
        }
        return try checked(index: index, count: count, origin: "--shard \(text)")
    }

    /// The shard an array job's environment names, or nil outside one. Slurm's task IDs are
    /// renumbered from 0 by `SLURM_ARRAY_TASK_MIN` and `_STEP`; a Kubernetes Indexed Job gives only
    /// the index, so its count comes from `--shard-count`.
    static func fromEnvironment(_ environment: [String: String], shardCount: Int?) throws -> ShardSelection? {
        func number(_ name: String) throws -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(name)=\(text): expected a whole number")
            }
            return value
        }
        if let id = try number("SLURM_ARRAY_TASK_ID") {
            let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            let step = max(try number("SLURM_ARRAY_TASK_STEP") ?? 1, 1)
            guard let count = try number("SLURM_ARRAY_TASK_COUNT") ?? shardCount else {
                throw ValidationError("SLURM_ARRAY_TASK_ID=\(id) is set but SLURM_ARRAY_TASK_COUNT is not; give --shard-count N or --shard I/N")
            }
            guard (id - minimum) % step == 0 else {
                throw ValidationError("SLURM_ARRAY_TASK_ID=\(id) is not on the array's range (min \(minimum), step \(step)); submit the array as --array=0-\(count - 1) or give --shard I/N")
            }
            return try checked(index: (id - minimum) / step, count: count,
                               origin: "SLURM_ARRAY_TASK_ID=\(id) of \(count) (min \(minimum), step \(step))")
        }
        if let index = try number("JOB_COMPLETION_INDEX") {
            guard let shardCount else {
                throw ValidationError("JOB_COMPLETION_INDEX=\(index) is set (a Kubernetes Indexed Job), which gives no count; give --shard-count with the Job's completions")
            }
            return try checked(index: index, count: shardCount, origin: "JOB_COMPLETION_INDEX=\(index) of --shard-count \(shardCount)")
        }
        for (indexName, countName) in [("AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"), ("CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT")] {
            guard let index = try number(indexName) else { continue }
            guard let count = try number(countName) ?? shardCount else {
                throw ValidationError("\(indexName)=\(index) is set but \(countName) is not; give --shard-count N")
            }
            return try checked(index: index, count: count, origin: "\(indexName)=\(index) of \(countName)=\(count)")
        }
        if let shardCount {
            throw ValidationError("--shard-count \(shardCount) needs a shard index: --shard I/\(shardCount), or an array job's index in the environment (JOB_COMPLETION_INDEX)")
        }
        return nil
    }

    private static func checked(index: Int, count: Int, origin: String) throws -> ShardSelection {
        guard count >= 1 else { throw ValidationError("\(origin): the number of shards must be at least 1") }
        guard (0..<count).contains(index) else {
            throw ValidationError("\(origin): shard \(index) is not one of 0 to \(count - 1)")
        }
        return ShardSelection(index: index, count: count, origin: origin)
    }

    /// "2/4".
    var label: String { "\(index)/\(count)" }
}
