import Foundation

/// Typed reads of YAML values with diagnostics: each reader reports what was wrong
/// where it stands, and returns nil so that validation can go on to the next key.
extension YAMLMapping {
    /// Reports unknown keys (with the nearest known one as a hint) and missing required keys.
    func checkKeys(known: [String], required: [String], in place: KeyPlace, into diagnostics: inout Diagnostics) {
        for entry in entries where !known.contains(entry.key) {
            diagnostics.error(.unknownKey(entry.key, in: place, known: known), at: entry.keyLocation)
        }
        for key in required where self[key] == nil || self[key]!.isNull {
            diagnostics.error(.missingKey(key, in: place), at: location)
        }
    }

    func text(_ key: String, into diagnostics: inout Diagnostics) -> Located<String>? {
        guard let value = self[key], !value.isNull else { return nil }
        return value.text(key: key, into: &diagnostics)
    }

    func bool(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        guard let value = self[key], !value.isNull else { return nil }
        guard case .scalar(let raw, false, _) = value,
            let result = ["true": true, "false": false, "ya": true, "tidak": false][raw.lowercased()]
        else {
            diagnostics.error(.notABool(key), at: value.location)
            return nil
        }
        return result
    }

    func integer(_ key: String, into diagnostics: inout Diagnostics) -> Located<Int>? {
        guard let value = self[key], !value.isNull else { return nil }
        guard case .scalar(let raw, _, let location) = value, let number = Int(raw.trimmingSpaces) else {
            diagnostics.error(.notAWholeNumber(key), at: value.location)
            return nil
        }
        return Located(number, at: location)
    }

    func list(_ key: String, into diagnostics: inout Diagnostics) -> [YAMLValue]? {
        guard let value = self[key], !value.isNull else { return nil }
        guard case .sequence(let items, _) = value else {
            diagnostics.error(.notAList(key), at: value.location)
            return nil
        }
        return items
    }

    func mapping(_ key: String, into diagnostics: inout Diagnostics) -> YAMLMapping? {
        guard let value = self[key], !value.isNull else { return nil }
        guard case .mapping(let mapping) = value else {
            diagnostics.error(.notAMapping(key, found: value), at: value.location)
            return nil
        }
        return mapping
    }

    func date(_ key: String, zone: SiteTimeZone, into diagnostics: inout Diagnostics) -> Located<ContentDate>? {
        guard let text = text(key, into: &diagnostics) else { return nil }
        switch ContentDate.parse(text.value, siteZone: zone) {
        case .success(let date):
            return Located(date, at: text.location)
        case .failure(let error):
            var location = text.location
            location.column += error.offset
            diagnostics.error(.badDate(key, error.problem), at: location)
            return nil
        }
    }
}

extension YAMLValue {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    func text(key: String, into diagnostics: inout Diagnostics) -> Located<String>? {
        guard case .scalar(let raw, _, let location) = self else {
            diagnostics.error(.notText(key, found: self), at: self.location)
            return nil
        }
        return Located(raw, at: location)
    }

    func mapping(what: KeyPlace, into diagnostics: inout Diagnostics) -> YAMLMapping? {
        guard case .mapping(let mapping) = self else {
            diagnostics.error(.entryNotAMapping(what, found: self), at: location)
            return nil
        }
        return mapping
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}

extension String {
    /// Without leading and trailing white space (including the no-break space that
    /// spreadsheets leave). Most fields have none, so that case returns at once: this runs
    /// for every cell of every table.
    var trimmingSpaces: String {
        let text = self
        let utf8 = text.utf8
        guard !utf8.isEmpty else { return text }
        let first = utf8[utf8.startIndex]
        let last = utf8[utf8.index(before: utf8.endIndex)]
        func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        if plain(first), plain(last) { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
