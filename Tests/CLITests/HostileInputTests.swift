import Foundation
import Testing

/// The hostile-input suite: one experiment file per mistake a user can make (`Hostile/*.json`,
/// with the data files in `Hostile/data`), each run through the built binary. Every case must end
/// with exit status 1, the one error `Hostile/expected.json` gives for it (file, line, column,
/// JSON path, what was expected), nothing written, and no file changed.
@Suite("Hostile inputs")
struct HostileInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    static let expected: [String: String] = {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("expected.json").path),
              let table = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return table
    }()

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "expected.json" }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test("The suite has a file and an expected message for every case, at least 60")
    func suiteIsComplete() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases) == Set(Self.expected.keys))
    }

    @Test("Each hostile file gives its exact error and changes nothing", arguments: cases)
    func hostileFile(_ name: String) throws {
        let scratch = try ScratchFolder()
        for entry in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where entry != "expected.json" {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(entry), to: scratch.url.appendingPathComponent(entry))
        }
        let before = scratch.snapshot()
        let outcome = try ReportProcess.run(["\(name).json", "--out", "out"], in: scratch.url)
        #expect(outcome.status == 1 && !outcome.signalled, "\(name): exit status \(outcome.status)")
        let message = Self.errorMessage(in: outcome.standardError)
        let expected = try #require(Self.expected[name])
        #expect(Self.matches(message, expected), "\(name):\n got      \(message ?? "no error")\n expected \(expected)")
        #expect(scratch.snapshot() == before, "\(name): files changed")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }

    /// The error under "1 experiment file will not run:", its continuation lines included.
    static func errorMessage(in standardError: String) -> String? {
        let lines = standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let heading = lines.firstIndex(of: "1 experiment file will not run:") else { return nil }
        let body = lines[(heading + 1)...].prefix { $0.hasPrefix("  ") }
        return body.map { String($0.dropFirst(2)) }.joined(separator: "\n")
    }

    /// Whether `message` is `expected`, where each "…" in `expected` stands for any text (the
    /// memory this machine has available).
    static func matches(_ message: String?, _ expected: String) -> Bool {
        guard let message else { return false }
        let pieces = expected.components(separatedBy: "…")
        guard pieces.count > 1 else { return message == expected }
        guard message.hasPrefix(pieces[0]), message.hasSuffix(pieces[pieces.count - 1]),
              message.count >= pieces[0].count + pieces[pieces.count - 1].count else { return false }
        var rest = message.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
