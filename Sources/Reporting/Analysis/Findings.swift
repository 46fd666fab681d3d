import Experiments

/// What a fact is about (a run, a variant, a start, a learning rate), with what a collision of its
/// names is a mistake in: the key of the file that names it and the rule that makes its name.
public struct FactOwner: Sendable, Equatable {
    /// How messages name it ("start 1.00001 with lr 0.1", "a b").
    public var name: String
    /// The JSON path of the key whose values name it (`starts`, `variants`).
    public var path: String
    /// How its facts' names are made from it, and so how to keep them apart.
    public var rule: String

    /// An owner named `name`, at `path`, whose names follow `rule`.
    public init(_ name: String, at path: String, rule: String) {
        self.name = name
        self.path = path
        self.rule = rule
    }

    /// A run of `experiment` (a variant's, or a sweep value's), named after its name.
    static func run(_ name: String, in experiment: Experiment) -> FactOwner {
        let key = experiment.runs.contains { $0.variant != nil } ? Experiment.CommonKey.variants : .sweep
        return FactOwner(name, at: key.rawValue, rule: runRule)
    }

    /// A variant, named after its name.
    static func variant(_ name: String) -> FactOwner { FactOwner(name, at: Experiment.CommonKey.variants.rawValue, rule: runRule) }

    private static let runRule = "fact and figure names keep only the letters, digits, dots and underscores of a run's name; "
        + "give the runs names that differ in those"
}

/// Two runs whose facts would share a name.
public struct FactCollision: Sendable, Equatable {
    /// The fact name both produce.
    public var name: String
    /// The two owners, in the order the experiment lists them.
    public var owners: [FactOwner]
}

/// What the results say, in two forms: named facts that a file's answers quote with `{{name}}`,
/// and sentences for the report's findings list.
public struct Findings: Sendable {
    /// Fact name → its value and text.
    public var facts: [String: Fact] = [:]
    /// Markdown sentences, in order.
    public var sentences: [String] = []
    /// Facts that two runs (or variants) both wanted under one name, since names are made from
    /// run names with punctuation folded ("a b" and "a-b"): each a mistake in the file.
    public var collisions: [FactCollision] = []

    /// Sets fact `name` for `owner` (a run's or a variant's name), unless another owner set it
    /// first: then the first value stays and the collision is recorded.
    mutating func set(_ name: String, to value: Fact, by owner: FactOwner) {
        if let first = owners[name], first.name != owner.name {
            if !collisions.contains(where: { $0.owners == [first, owner] }) {
                collisions.append(FactCollision(name: name, owners: [first, owner]))
            }
            return
        }
        owners[name] = owner
        facts[name] = value
    }

    private var owners: [String: FactOwner] = [:]

    /// Findings holding `facts` and no sentences.
    public init(facts: [String: Fact] = [:]) { self.facts = facts }

    /// Fills the `{{name}}` placeholders of `text`; returns the names that have no fact.
    ///
    /// A fact without a value reads as a phrase that carries its own unit ("not reached in the 500
    /// epochs"), so the unit a template writes after it ("{{epochs_to_target}} epochs") is dropped.
    public func fill(_ text: String) -> (text: String, unknown: [String]) {
        var result = ""
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            guard let fact = facts[name] else {
                unknown.append(name)
                result += "{{\(name)}}"
                continue
            }
            result += fact.text
            if case .missing = fact.value { rest = Self.droppingUnit(rest) }
        }
        return (result + rest, unknown)
    }

    /// Words a template puts after a count or an epoch.
    private static let unitWords: Set<String> = ["epoch", "epochs", "step", "steps", "update", "updates", "iteration", "iterations"]

    /// `rest` without a leading " epochs" (or another unit word), when it has one.
    private static func droppingUnit(_ rest: Substring) -> Substring {
        guard rest.first == " " else { return rest }
        let word = rest.dropFirst().prefix { $0.isLetter }
        guard unitWords.contains(word.lowercased()) else { return rest }
        return rest.dropFirst(1 + word.count)
    }
}
