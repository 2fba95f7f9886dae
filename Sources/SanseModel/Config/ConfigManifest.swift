/// The effective config as run.json records it (and the run's fingerprint hashes it): each
/// value where `ConfigSchema.entries` places it. An optional member that is unset is left out,
/// an unset value inside an object is null, as run.json has always had them.
public struct ConfigManifest: Encodable, Sendable {
    private var members: [String: ManifestValue] = [:]
    private var objects: [String: [String: ManifestValue]] = [:]

    public init(_ config: Config) {
        for entry in ConfigSchema.entries {
            let value = entry.value.manifest(config)
            switch entry.manifestLocation {
            case .member(let name):
                members[name] = value
            case .inObject(let object, let key, let numbersAsText):
                objects[object, default: [:]][key] = numbersAsText ? value.numberAsText : value
            case nil:
                continue
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MemberName.self)
        for (name, value) in members.sorted(by: { $0.key < $1.key }) where value != .null {
            try container.encode(value, forKey: MemberName(name))
        }
        for (name, values) in objects.sorted(by: { $0.key < $1.key }) {
            var object = container.nestedContainer(keyedBy: MemberName.self, forKey: MemberName(name))
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                try object.encode(value, forKey: MemberName(key))
            }
        }
    }

    private struct MemberName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension ManifestValue {
    /// `10.0` rather than `10`: `sizing` has always written its numbers so.
    var numberAsText: ManifestValue {
        if case .number(let number) = self { return .text("\(number)") }
        return self
    }
}
