import Foundation

/// The one JSON form of a value that the store digests and writes: keys sorted, names in
/// snake_case, no escaped slashes, non-finite numbers as strings. Numbers are written in their
/// shortest form that reads back to the same `Double`, so the same value always gives the same bytes.
enum CanonicalJSON {
    /// An encoder of the canonical form; `userInfo` is passed on to the values encoded.
    static func encoder(userInfo: [CodingUserInfoKey: any Sendable] = [:]) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        encoder.userInfo = userInfo
        return encoder
    }

    /// A decoder of what `encoder` writes.
    static func decoder(userInfo: [CodingUserInfoKey: any Sendable] = [:]) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        decoder.userInfo = userInfo
        return decoder
    }
}
