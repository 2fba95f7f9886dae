/// The layer's fields from every chunk's properties, named, typed and ordered exactly as
/// GDAL 3.6's GeoJSON reader does.
struct GeoJSONSchema {
    struct Field {
        var name: [UInt8]
        var evidence = PropertyEvidence()
        /// Whether a run's first non-null value has been taken as the field's first.
        var typed = false
    }

    private(set) var fields: [Field] = []
    private var indexByName: [[UInt8]: Int] = [:]
    /// Distinct key orders in the layer's order of first appearance, as field indices.
    private var keyOrders: [[Int]] = []
    private var knownKeyOrders: Set<[Int]> = []
    private var membersOfNullProperties: Set<[UInt8]> = []

    /// Adds one chunk's findings (chunks in file order); returns the field index of each of
    /// the chunk's columns.
    mutating func add(
        names: [[UInt8]], evidence: [PropertyEvidence], keyOrders chunkOrders: [[Int]],
        membersOfNullProperties members: Set<[UInt8]>
    ) -> [Int] {
        let mapping = names.indices.map { column -> Int in
            let name = names[column]
            let index: Int
            if let known = indexByName[name] {
                index = known
            } else {
                index = fields.count
                fields.append(Field(name: name))
                indexByName[name] = index
            }
            let found = evidence[column]
            var field = fields[index]
            field.evidence.hasText = field.evidence.hasText || found.hasText
            field.evidence.hasNumber = field.evidence.hasNumber || found.hasNumber
            field.evidence.hasReal = field.evidence.hasReal || found.hasReal
            field.evidence.hasWideInteger = field.evidence.hasWideInteger || found.hasWideInteger
            if !field.typed, let first = found.firstIsText {
                field.typed = true
                field.evidence.firstIsText = first
                field.evidence.firstTextIsDate = found.firstTextIsDate
            }
            fields[index] = field
            return index
        }
        for order in chunkOrders {
            let global = order.map { mapping[$0] }
            if !knownKeyOrders.contains(global) {
                knownKeyOrders.insert(global)
                keyOrders.append(global)
            }
        }
        membersOfNullProperties.formUnion(members)
        return mapping
    }

    /// The fields in layer order (as indices into `fields`) with their types, or why GDAL
    /// would read them differently.
    func layerFields() throws(GeoJSONUnsupported) -> [(index: Int, definition: FieldDefinition)] {
        var seenNames = Set<[UInt8]>()
        for field in fields {
            let evidence = field.evidence
            let name = String(decoding: field.name, as: UTF8.self)
            // A field of text and numbers turns numbers into json-c's text for them; a first
            // value that reads as a date makes a date field.
            if evidence.hasText && evidence.hasNumber {
                throw GeoJSONUnsupported("property \(name) mixes text and numbers", at: 0)
            }
            if evidence.firstIsText == true && evidence.firstTextIsDate {
                throw GeoJSONUnsupported("property \(name) looks like a date", at: 0)
            }
            if membersOfNullProperties.contains(field.name) {
                throw GeoJSONUnsupported("a feature with null properties has a member named like a field", at: 0)
            }
            // An integer "id" property becomes GDAL's feature id.
            if field.name == Array("id".utf8) && evidence.hasNumber {
                throw GeoJSONUnsupported("integer id property", at: 0)
            }
            let folded = field.name.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            if !seenNames.insert(folded).inserted {
                throw GeoJSONUnsupported("two properties differ only in case", at: 0)
            }
        }
        return try order().map { index in
            let evidence = fields[index].evidence
            let type: FieldType = !evidence.hasNumber ? .string
                : evidence.hasReal ? .real : evidence.hasWideInteger ? .integer64 : .integer
            return (index, FieldDefinition(name: String(decoding: fields[index].name, as: UTF8.self), type: type))
        }
    }

    /// GDAL's order: a graph with an edge between consecutive properties of each feature
    /// (an edge that would close a cycle is left out), sorted topologically, ties broken by
    /// name (bytewise).
    private func order() throws(GeoJSONUnsupported) -> [Int] {
        var graph = FieldGraph(count: fields.count)
        for order in keyOrders {
            var previous: Int?
            for index in order {
                if let previous { graph.addEdge(previous, index) }
                previous = index
            }
        }
        return graph.topologicalOrder { fields[$0].name.lexicographicallyPrecedes(fields[$1].name) }
    }
}

/// The directed acyclic graph of GDAL's `DirectedAcyclicGraph`, over field indices.
struct FieldGraph {
    private var outgoing: [Set<Int>]
    private var incoming: [Set<Int>]

    init(count: Int) {
        outgoing = Array(repeating: [], count: count)
        incoming = Array(repeating: [], count: count)
    }

    mutating func addEdge(_ from: Int, _ to: Int) {
        guard from != to, !outgoing[from].contains(to), !hasPath(from: to, to: from) else { return }
        outgoing[from].insert(to)
        incoming[to].insert(from)
    }

    private func hasPath(from start: Int, to goal: Int) -> Bool {
        var stack = [start]
        var planned: Set<Int> = [start]
        while let node = stack.popLast() {
            if node == goal { return true }
            for next in outgoing[node] where planned.insert(next).inserted {
                stack.append(next)
            }
        }
        return false
    }

    /// Kahn's algorithm, always taking the first ready node by `precedes`.
    func topologicalOrder(by precedes: (Int, Int) -> Bool) -> [Int] {
        var incoming = incoming
        var ready = incoming.indices.filter { incoming[$0].isEmpty }
        var result: [Int] = []
        while !ready.isEmpty {
            let best = ready.indices.min { precedes(ready[$0], ready[$1]) }!
            let node = ready.remove(at: best)
            result.append(node)
            for next in outgoing[node] {
                incoming[next].remove(node)
                if incoming[next].isEmpty { ready.append(next) }
            }
        }
        return result
    }
}
