import Configuration
import Testing

/// A part's settings as one struct of typed keys: the declarations come from its properties, and
/// `Settings` refuses what does not fit them before anything reads a value.
@Suite("Typed settings")
struct SettingsTests {
    struct Keys: SettingDeclarations {
        let rate: SettingKey<Double> = .number("rate", .positive, default: 0.1, label: "rate", "a step size")
        let steps: SettingKey<Int> = .integer("steps", minimum: 1, "how many steps")
        let shuffle: SettingKey<Bool?> = .flag("shuffle", "whether to shuffle")
        let betas: SettingKey<[Double]> = .numbers("betas", .decay, count: 2, default: [0.9, 0.999], "two decay rates")
        let range: SettingKey<ClosedRange<Double>?> = .interval("range", "an interval")
        let mode: SettingKey<Mode> = .choice("mode", default: .fast, "how")
        init() {}
    }

    enum Mode: String, SettingChoice { case fast, careful }

    @Test("The declarations are the key properties, in the order they are written, each required only without a default")
    func declarations() {
        let settings = Keys.declarations
        #expect(settings.map(\.key) == ["rate", "steps", "shuffle", "betas", "range", "mode"])
        #expect(settings.map(\.isRequired) == [false, true, false, false, false, false])
        #expect(settings[0].defaultValue == .number(0.1))
        #expect(settings[5].kind == .choice(["fast", "careful"]))
        #expect(Keys.key(\.betas) == "betas")
    }

    @Test("Values read back with their types; defaults fill what is left out; an absent optional is nil")
    func typedReads() throws {
        let settings = try Settings<Keys>(SettingValues(["steps": .integer(3), "range": .numbers([-1, 2])]))
        #expect(settings.rate == 0.1)
        #expect(settings.steps == 3)
        #expect(settings.shuffle == nil)
        #expect(settings.betas == [0.9, 0.999])
        #expect(settings.range == -1...2)
        #expect(settings.mode == .fast)
    }

    @Test("A whole number given for a number setting is kept as the number the reader would have made")
    func canonicalForm() throws {
        let settings = try Settings<Keys>(SettingValues(["steps": .integer(3), "rate": .integer(1)]))
        #expect(settings.values["rate"] == .number(1))
        #expect(settings.rate == 1)
    }

    @Test("A missing required key, an unknown key, a value of the wrong kind and one out of bounds are refused, naming the key",
          arguments: [
              (["rate": SettingValue.number(1)], "steps", "missing required key \"steps\""),
              (["steps": .integer(2), "stepz": .integer(1)], "stepz", "unknown key \"stepz\""),
              (["steps": .text("two")], "steps", "expected an integer of at least 1"),
              (["steps": .integer(0)], "steps", "expected an integer of at least 1"),
              (["steps": .integer(1), "rate": .number(-1)], "rate", "expected a positive number"),
              (["steps": .integer(1), "betas": .numbers([0.9])], "betas", "expected 2 numbers, each number from 0 up to, not including, 1"),
              (["steps": .integer(1), "betas": .numbers([0.9, 1])], "betas", "expected 2 numbers, each number from 0 up to, not including, 1"),
              (["steps": .integer(1), "mode": .text("slow")], "mode", "expected one of \"fast\", \"careful\""),
              (["steps": .integer(1), "range": .numbers([2, 1])], "range", "expected [low, high] with low < high"),
          ] as [([String: SettingValue], String, String)])
    func refusals(values: [String: SettingValue], key: String, message: String) {
        #expect(throws: SettingError(key: key, message)) { try Settings<Keys>(SettingValues(values)) }
    }

    @Test("A part's error names the key its property declares")
    func errorsAtKeys() throws {
        let settings = try Settings<Keys>(SettingValues(["steps": .integer(1)]))
        #expect(settings.error(\.betas, "wrong") == SettingError(key: "betas", "wrong"))
    }

    @Test("Non-default labelled values describe themselves for tables")
    func description() throws {
        let settings = try Settings<Keys>(SettingValues(["steps": .integer(1), "rate": .number(0.25)]))
        #expect(settings.values.describe(Keys.declarations) == ["rate 0.25"])
    }
}
