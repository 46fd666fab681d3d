extension Int {
    /// The number in subscript digits, for names such as x₁ and ‖W₁₂‖: 12 → "₁₂".
    var subscriptText: String {
        String(String(self).map { digit in digit.wholeNumberValue.map { Character(UnicodeScalar(0x2080 + UInt32($0))!) } ?? digit })
    }
}
