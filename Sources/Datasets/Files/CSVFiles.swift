import Foundation
import NeuralNet

/// Reading labelled data from CSV files with a header row.
public enum CSVFiles {
    /// Reads `path`: the columns named in `features` (all but the label when nil) become the inputs,
    /// the column `label` the targets. Every value must be a number.
    public static func read(at path: String, features: [String]? = nil, label: String) throws(DataFileError) -> LabeledData {
        try readTable(at: path, features: features, label: label).data
    }

    /// The rows of a CSV file and the names of its feature columns; a gzipped file (`.csv.gz`) is
    /// read the same.
    public static func readTable(at path: String, features: [String]? = nil, label: String) throws(DataFileError) -> (data: LabeledData, features: [String]) {
        let data = try Gzip.contents(try NumPyFiles.contents(of: path), file: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, problem: "is not UTF-8 text")
        }
        return try parseTable(text, file: path, features: features, label: label)
    }

    /// Parses CSV text; `file` names it in errors.
    public static func parse(_ text: String, file: String, features: [String]? = nil, label: String) throws(DataFileError) -> LabeledData {
        try parseTable(text, file: file, features: features, label: label).data
    }

    /// Parses CSV text into rows and the names of the feature columns.
    static func parseTable(_ text: String, file: String, features: [String]?, label: String) throws(DataFileError) -> (data: LabeledData, features: [String]) {
        func fail(_ problem: String) -> DataFileError { DataFileError(file: file, problem: problem) }
        let records = try records(in: text, file: file)
        guard let header = records.first?.fields else { throw fail("is empty: expected a header row") }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let available = columns.map { "'\($0)'" }.joined(separator: ", ")
        guard let labelIndex = columns.firstIndex(of: label) else {
            throw fail("has no column '\(label)' for the label (columns: \(available))")
        }
        let featureIndices: [Int]
        if let features {
            featureIndices = try features.map { name throws(DataFileError) in
                guard let index = columns.firstIndex(of: name) else { throw fail("has no column '\(name)' (columns: \(available))") }
                return index
            }
        } else {
            featureIndices = columns.indices.filter { $0 != labelIndex }
        }
        guard !featureIndices.isEmpty else { throw fail("has no feature columns besides the label '\(label)'") }
        guard records.count > 1 else { throw fail("has a header but no data rows") }
        var inputs: [Double] = [], targets: [Double] = []
        for record in records.dropFirst() {
            let line = record.line
            guard record.fields.count == columns.count else {
                throw fail("line \(line) has \(record.fields.count) fields, the header has \(columns.count)")
            }
            func number(_ index: Int) throws(DataFileError) -> Double {
                let field = record.fields[index].trimmingCharacters(in: .whitespaces)
                guard !field.isEmpty else { throw fail("line \(line), column '\(columns[index])' is empty; every cell must hold a number") }
                guard let value = Double(field), value.isFinite else {
                    throw fail("line \(line), column '\(columns[index])': '\(field)' is not a finite number")
                }
                return value
            }
            for index in featureIndices { inputs.append(try number(index)) }
            targets.append(try number(labelIndex))
        }
        return (LabeledData(inputs: Matrix(rows: targets.count, columns: featureIndices.count, elements: inputs), targets: .column(targets)),
                featureIndices.map { columns[$0] })
    }

    /// The records of CSV text, each with the line it starts on: fields split at commas, RFC 4180
    /// quoting ("a, b" and "" for a quote), lines ending in \n or \r\n, blank lines skipped.
    static func records(in text: String, file: String) throws(DataFileError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].trimmingCharacters(in: .whitespaces).isEmpty) { records.append((recordLine, record)) }
            record = []
            field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case ",": record.append(field); field = ""
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        if quoted { throw DataFileError(file: file, problem: "line \(quoteLine): a quoted field opens here and is never closed") }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
