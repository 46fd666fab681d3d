import Datasets
import Foundation

extension Experiment {
    /// The top-level keys every kind of experiment accepts, declared once for the reader, the
    /// expansion of variants and the JSON Schema.
    public enum CommonKey: String, CaseIterable, Sendable {
        case schema = "$schema", name, title, description, notebook, kind, seed, figures, questions, notes, variants, sweep

        /// Whether it describes the experiment rather than a run, so a variant or a sweep may not change it.
        public var isFixed: Bool { self != .seed }

        /// What it means, in one line.
        public var summary: String {
            switch self {
            case .schema: "the schema, for editors: \"./schema.json\""
            case .name: "the report folder's name: lowercase letters, digits, - and _"
            case .title: "the page title (default: the name)"
            case .description: "Markdown under the title"
            case .notebook: "the seed notebook it comes from (\"000\" … \"004\")"
            case .kind: "what the experiment does: " + Kind.allCases.map(\.rawValue).joined(separator: ", ") + " (default training)"
            case .seed: "the seed every stream not fixed by seeds is derived from"
            case .figures: "the figures to draw: a name, or {\"type\": name, ...options}"
            case .questions: "the notebook's questions, each with an answer in Markdown with {{fact}} placeholders"
            case .notes: "Markdown items for \"Where this differs from the notebook\""
            case .variants: "named runs, each a set of \"path\": value overrides"
            case .sweep: "\"path\": values (a list, {\"linspace\": [start, stop, count]} or {\"logspace\": [...]}); every combination is a run"
            }
        }
    }

    /// Keys every kind of experiment accepts.
    public static var commonKeys: [String] { CommonKey.allCases.map(\.rawValue) }
    /// Keys that variants and sweeps may not override: they describe the experiment, not a run.
    static var fixedKeys: Set<String> { Set(CommonKey.allCases.filter(\.isFixed).map(\.rawValue)) }

    /// The keys of a question.
    public enum QuestionKey: String, CaseIterable, Sendable {
        case question, answer
    }

    /// Reads and validates the experiment file at `path`.
    public static func load(path: String) throws(SpecError) -> Experiment {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(file: path, path: "", message: "cannot be read (missing, or not a readable file)")
        }
        return try Experiment(json: data, file: path)
    }

    /// The name a file gives, when it is JSON with a valid `name` even though something else in it
    /// is wrong: so that a failed file's previous page can be found and kept.
    public static func nameIfReadable(path: String) -> String? {
        // Only to find an earlier page to keep: the file's own error is reported by `load`.
        guard let data = FileManager.default.contents(atPath: path), let root = try? SpecReader(parsing: data, file: path),
              let name = try? root.optional(CommonKey.name.rawValue)?.string(), isSafeName(name) else { return nil }
        return name
    }

    /// Validates an experiment document; `file` names it in errors and anchors relative data paths.
    public init(json: Data, file: String) throws(SpecError) {
        let root = try SpecReader(parsing: json, file: file)
        let kindName = try root.optional(CommonKey.kind.rawValue)?.choice(Kind.allCases.map(\.rawValue)) ?? Kind.training.rawValue
        let kind = Kind(rawValue: kindName)!
        let specific = switch kind {
        case .training: TrainingSetup.keys
        case .minimize: MinimizeSetup.keys
        case .gradientCheck: GradientCheckSetup.keys
        }
        let allowed = Experiment.commonKeys + specific
        let members = try root.keys(allowed: allowed)

        let nameReader = try root.required(CommonKey.name.rawValue)
        let name = try nameReader.string()
        guard Experiment.isSafeName(name) else {
            throw nameReader.expected("a folder name of lowercase letters, digits and dashes (such as \"moons-mlp\")")
        }
        let seed = try members[CommonKey.seed.rawValue]?.seed() ?? 0
        var figures: [FigureRequest] = []
        if let list = members[CommonKey.figures.rawValue] {
            for (index, element) in try list.array().enumerated() {
                let figure = try FigureRequest(element, index: index)
                guard !figures.contains(where: { $0.type == figure.type }) else { throw element.error("the \(figure.type) figure is listed twice") }
                figures.append(figure)
            }
        }
        var questions: [Question] = []
        for element in try members[CommonKey.questions.rawValue]?.array() ?? [] { questions.append(try Question(element)) }
        let notes = try members[CommonKey.notes.rawValue]?.strings() ?? []

        let expansion = try RunExpansion(variants: members[CommonKey.variants.rawValue], sweep: members[CommonKey.sweep.rawValue])
        let (asWritten, runs) = try expansion.runs(of: root) { document throws(SpecError) -> RunSetup in
            // Checked for every run, since a variant may set a key the file itself does not have.
            _ = try document.keys(allowed: allowed)
            return switch kind {
            case .training: .training(try TrainingSetup(document, seed: seed))
            case .minimize: .minimize(try MinimizeSetup(document, besides: Experiment.commonKeys))
            case .gradientCheck: .gradientCheck(try GradientCheckSetup(document, besides: Experiment.commonKeys, seed: seed))
            }
        }

        self.init(file: file, displayPath: ExperimentFiles.displayPath(of: file), fileDigest: SHA256.hex(of: json), name: name, title: try members[CommonKey.title.rawValue]?.string() ?? name,
                  description: try members[CommonKey.description.rawValue]?.string() ?? "", notebook: try members[CommonKey.notebook.rawValue]?.string(),
                  kind: kind, seed: seed, runs: runs, figures: figures, questions: questions, notes: notes,
                  sweepPaths: expansion.sweepPaths, setupAsWritten: asWritten, locations: root.locations)
    }

    /// Whether `name` can be a folder inside the output folder and nothing else: no separators, no dots.
    static func isSafeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 80 else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-_")
        return CharacterSet.lowercaseLetters.union(.decimalDigits).contains(first)
            && name.unicodeScalars.allSatisfy { allowed.contains($0) }
    }
}
