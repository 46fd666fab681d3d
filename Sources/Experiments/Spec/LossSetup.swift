import NeuralNet

/// The loss a run minimises: a registered loss, encoded by its name.
public struct LossSetup: Sendable, Equatable, Codable {
    /// The registered loss.
    public let kind: any ConfigurableLoss.Type

    /// The loss `kind`.
    public init(_ kind: any ConfigurableLoss.Type) { self.kind = kind }

    /// The loss object.
    public func makeLoss(reduction: Reduction) -> any Loss { kind.make(reduction: reduction) }

    /// How outputs become class labels for accuracy; nil for values on a regression task.
    public func decision(isClassification: Bool) -> Decision? { kind.target.decision(isClassification: isClassification) }

    /// The name files use.
    public var name: String { kind.name }

    /// How the report names it.
    public var title: String { kind.title }

    public static func == (left: LossSetup, right: LossSetup) -> Bool { left.kind.name == right.kind.name }

    /// Encoded as its name.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(kind.name)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let kind = Registry.loss(named: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no loss is named \(name)")
        }
        self.kind = kind
    }
}
