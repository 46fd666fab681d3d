import Foundation

extension Experiment {
    /// Keys every kind of experiment accepts.
    public static let commonKeys = ["$schema", "name", "title", "description", "notebook", "kind", "seed",
                             "figures", "questions", "notes", "variants", "sweep"]
    /// Keys that variants and sweeps may not override: they describe the experiment, not a run.
    static let fixedKeys: Set<String> = ["$schema", "name", "title", "description", "notebook", "kind", "figures",
                                         "questions", "notes", "variants", "sweep"]

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
        guard let data = FileManager.default.contents(atPath: path), let root = try? SpecReader(parsing: data, file: path),
              let name = try? root.optional("name")?.string(), isSafeName(name) else { return nil }
        return name
    }

    /// Validates an experiment document; `file` names it in errors and anchors relative data paths.
    public init(json: Data, file: String) throws(SpecError) {
        let root = try SpecReader(parsing: json, file: file)
        let kindName = try root.optional("kind")?.choice(Kind.allCases.map(\.rawValue)) ?? Kind.training.rawValue
        let kind = Kind(rawValue: kindName)!
        let specific = switch kind {
        case .training: TrainingSetup.keys
        case .minimize: MinimizeSetup.keys
        case .gradientCheck: GradientCheckSetup.keys
        }
        let allowed = Experiment.commonKeys + specific
        let members = try root.keys(allowed: allowed)

        let nameReader = try root.required("name")
        let name = try nameReader.string()
        guard Experiment.isSafeName(name) else {
            throw nameReader.expected("a folder name of lowercase letters, digits and dashes (such as \"moons-mlp\")")
        }
        let seed = try members["seed"]?.seed() ?? 0
        var figures: [FigureRequest] = []
        if let list = members["figures"] {
            for (index, element) in try list.array().enumerated() {
                let figure = try FigureRequest(element, index: index)
                guard !figures.contains(where: { $0.type == figure.type }) else { throw element.error("the \(figure.type) figure is listed twice") }
                figures.append(figure)
            }
        }
        var questions: [Question] = []
        for element in try members["questions"]?.array() ?? [] { questions.append(try Question(element)) }
        let notes = try members["notes"]?.strings() ?? []

        let expansion = try RunExpansion(variants: members["variants"], sweep: members["sweep"])
        let (asWritten, runs) = try expansion.runs(of: root) { document throws(SpecError) -> RunSetup in
            // Checked for every run, since a variant may set a key the file itself does not have.
            _ = try document.keys(allowed: allowed)
            return switch kind {
            case .training: .training(try TrainingSetup(document, seed: seed))
            case .minimize: .minimize(try MinimizeSetup(document, besides: Experiment.commonKeys))
            case .gradientCheck: .gradientCheck(try GradientCheckSetup(document, besides: Experiment.commonKeys, seed: seed))
            }
        }

        self.init(file: file, displayPath: ExperimentFiles.displayPath(of: file), name: name, title: try members["title"]?.string() ?? name,
                  description: try members["description"]?.string() ?? "", notebook: try members["notebook"]?.string(),
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
