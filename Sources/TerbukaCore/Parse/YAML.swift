import Yams

/// A parsed YAML tree that remembers where every value stood in its file. Validators
/// read content through it, so each diagnostic can point at the exact key or value.
public indirect enum YAMLValue: Sendable {
    case null(SourceLocation)
    /// `quoted` is true when the scalar was written in quotes: `"true"` is text, not a boolean.
    case scalar(String, quoted: Bool, SourceLocation)
    case sequence([YAMLValue], SourceLocation)
    case mapping(YAMLMapping)

    public var location: SourceLocation {
        switch self {
        case .null(let location), .scalar(_, _, let location), .sequence(_, let location): location
        case .mapping(let mapping): mapping.location
        }
    }
}

public struct YAMLEntry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue
}

public struct YAMLMapping: Sendable {
    public var entries: [YAMLEntry]
    public var location: SourceLocation

    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    public func entry(_ key: String) -> YAMLEntry? {
        entries.first { $0.key == key }
    }
}

public enum YAMLParser {
    /// Made once: Yams' defaults build a new constructor's tables and read the environment
    /// (YAMS_DEFAULT_ENCODING) on every call, which perf showed on 10,000 notices. The
    /// constructor is a class whose tables are never changed after it is made.
    private static let resolver = Resolver.default
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Parses `text`, whose first line is line `firstLine` of the file at `path`.
    /// An empty document is an empty mapping.
    public static func parse(_ text: String, path: String, firstLine: Int = 1, into diagnostics: inout Diagnostics)
        -> YAMLValue?
    {
        let offset = firstLine - 1
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: (mark?.line ?? 1) + offset, column: mark?.column ?? 1)
        }
        do {
            guard let node = try Yams.compose(yaml: text, resolver, constructor, .utf8) else {
                return .mapping(YAMLMapping(entries: [], location: SourceLocation(path: path, line: firstLine)))
            }
            var budget = Limits(nodesLeft: maxNodes)
            let value = convert(node, location: location, depth: 0, budget: &budget, diagnostics: &diagnostics)
            if let exceeded = budget.exceeded {
                diagnostics.error(exceeded, at: SourceLocation(path: path, line: firstLine))
                return nil
            }
            return value
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                // libyaml names its own C functions in some messages; say what they mean.
                diagnostics.error(
                    problem.contains("nesting level") ? .yamlTooDeep(maxDepth) : .invalidYAML(problem),
                    at: location(mark))
            case .duplicatedKeysInMapping(let duplicates, let context):
                diagnostics.error(.duplicateKey(duplicates), at: location(context.mark))
            case .reader(let problem, _, _, _):
                diagnostics.error(.invalidYAML(problem), at: SourceLocation(path: path, line: firstLine))
            default:
                diagnostics.error(.invalidYAML("\(error)"), at: SourceLocation(path: path, line: firstLine))
            }
            return nil
        } catch {
            diagnostics.error(.invalidYAML("\(error)"), at: SourceLocation(path: path, line: firstLine))
            return nil
        }
    }

    /// Limits on one document, so that aliases expanded by the YAML reader (eight levels of
    /// nine aliases are 43 million values) or deep nesting cannot exhaust memory or stack.
    static let maxNodes = 100_000
    static let maxDepth = 64

    struct Limits {
        var nodesLeft: Int
        var exceeded: Message?
    }

    private static func convert(
        _ node: Node, location: (Mark?) -> SourceLocation, depth: Int, budget: inout Limits,
        diagnostics: inout Diagnostics
    ) -> YAMLValue {
        budget.nodesLeft -= 1
        if budget.exceeded == nil, budget.nodesLeft < 0 {
            budget.exceeded = .yamlTooLarge(maxNodes)
        }
        if budget.exceeded == nil, depth > maxDepth {
            budget.exceeded = .yamlTooDeep(maxDepth)
        }
        if budget.exceeded != nil { return .null(location(nil)) }
        switch node {
        case .scalar(let scalar):
            let quoted =
                scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .null(location(scalar.mark))
            }
            // The file's own characters were checked (SourceText); a double-quoted value's
            // escapes can still write a control character: refused here, and replaced so that
            // nothing after trips on it.
            if let found = ControlCharacters.first(in: scalar.string) {
                diagnostics.error(
                    .escapedControlCharacter(ControlCharacters.name(found.scalar)), at: location(scalar.mark))
                return .scalar(ControlCharacters.replaced(scalar.string), quoted: quoted, location(scalar.mark))
            }
            return .scalar(scalar.string, quoted: quoted, location(scalar.mark))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                items.append(
                    convert(item, location: location, depth: depth + 1, budget: &budget, diagnostics: &diagnostics))
                if budget.exceeded != nil { break }
            }
            return .sequence(items, location(sequence.mark))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? ""
                if key.scalar == nil {
                    diagnostics.error(.keyNotAWord, at: location(key.mark))
                    continue
                }
                if let found = ControlCharacters.first(in: keyText) {
                    diagnostics.error(
                        .escapedControlCharacter(ControlCharacters.name(found.scalar)), at: location(key.mark))
                    continue
                }
                entries.append(
                    YAMLEntry(
                        key: keyText, keyLocation: location(key.mark),
                        value: convert(
                            value, location: location, depth: depth + 1, budget: &budget, diagnostics: &diagnostics)))
                if budget.exceeded != nil { break }
            }
            return .mapping(YAMLMapping(entries: entries, location: location(mapping.mark)))
        case .alias(let alias):
            diagnostics.error(.yamlAlias, at: location(alias.mark))
            return .null(location(alias.mark))
        }
    }
}
