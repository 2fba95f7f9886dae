/// A static R-tree over envelopes, packed in `SortTileRecursive` order.
///
/// Built once, then queried by any number of threads at the same time (it is a value with no
/// lazy state, unlike GEOS's tree, which builds itself on the first query and cannot be shared).
/// Items are identified by their index in the array the tree was built from.
///
/// ```swift
/// let tree = STRtree(envelopes: parcels.map { $0.envelope })  // nil for an empty shape
/// for neighbour in tree.query(box.expanded(by: 30)) where neighbour != index {
///     // every parcel whose box comes within 30 m of this one, by ascending index
/// }
/// ```
public struct STRtree: Sendable {
    private struct Node: Sendable {
        var envelope: Envelope
        /// Range of children in the level below, or of `itemOrder` for a leaf.
        var start: Int32
        var count: Int32
    }

    /// The number of items the tree was built from, those without an envelope included.
    public let count: Int
    private let itemEnvelopes: [Envelope]
    /// Item indices in leaf order.
    private let itemOrder: [Int32]
    /// Every level's nodes in one array: the leaves first, the root level last.
    private let nodes: [Node]
    /// Where each level starts in `nodes`, with the end as a last entry.
    private let levelStarts: [Int]
    private let nodeCapacity: Int

    /// Packs the tree.
    /// - Parameters:
    ///   - envelopes: one per item; nil for an item that has none (an empty geometry), which no
    ///     query returns.
    ///   - nodeCapacity: children per node.
    public init(envelopes: [Envelope?], nodeCapacity: Int = 16) {
        precondition(nodeCapacity >= 2, "an STRtree node needs room for two children")
        count = envelopes.count
        self.nodeCapacity = nodeCapacity
        let boxes = envelopes.map { $0 ?? Envelope(minX: .nan, minY: .nan, maxX: .nan, maxY: .nan) }
        itemEnvelopes = boxes
        var items = envelopes.indices.compactMap { index in
            envelopes[index].map { Placed(centre: $0.center, index: Int32(index)) }
        }
        let leaves = SortTileRecursive.sort(&items, nodeCapacity: nodeCapacity)
        itemOrder = items.map(\.index)

        var levels: [[Node]] = []
        var current = STRtree.makeNodes(leaves, envelopes: items.map { boxes[Int($0.index)] })
        while !current.isEmpty {
            levels.append(current)
            if current.count <= nodeCapacity { break }
            // Reorder this level's nodes by tiles, then group them into parents.
            var placed = current.indices.map { Placed(centre: current[$0].envelope.center, index: Int32($0)) }
            let parents = SortTileRecursive.sort(&placed, nodeCapacity: nodeCapacity)
            current = placed.map { current[Int($0.index)] }
            levels[levels.count - 1] = current
            current = STRtree.makeNodes(parents, envelopes: current.map(\.envelope))
        }
        var starts = [0]
        for level in levels { starts.append(starts.last! + level.count) }
        levelStarts = starts
        nodes = levels.flatMap { $0 }
    }

    /// Calls `visit` with the index of every item whose envelope intersects `envelope`, in the
    /// tree's order (not by index).
    public func query(_ envelope: Envelope, _ visit: (Int) throws -> Void) rethrows {
        let levelCount = levelStarts.count - 1
        guard levelCount > 0 else { return }
        // Depth first, at most a node's children per level below the root level, on the stack.
        let capacity = (levelStarts[levelCount] - levelStarts[levelCount - 1]) + levelCount * nodeCapacity
        try withUnsafeTemporaryAllocation(of: (level: Int, node: Int).self, capacity: capacity) { stack in
            try nodes.withUnsafeBufferPointer { nodes in
                try itemEnvelopes.withUnsafeBufferPointer { itemEnvelopes in
                    var depth = 0
                    let roots = levelStarts[levelCount - 1]..<levelStarts[levelCount]
                    for index in roots where nodes[index].envelope.intersects(envelope) {
                        stack[depth] = (levelCount - 1, index)
                        depth += 1
                    }
                    while depth > 0 {
                        depth -= 1
                        let (level, index) = stack[depth]
                        let node = nodes[index]
                        let range = Int(node.start)..<Int(node.start + node.count)
                        if level == 0 {
                            for slot in range {
                                let item = Int(itemOrder[slot])
                                if itemEnvelopes[item].intersects(envelope) { try visit(item) }
                            }
                        } else {
                            let below = levelStarts[level - 1]
                            for child in range where nodes[below + child].envelope.intersects(envelope) {
                                stack[depth] = (level - 1, below + child)
                                depth += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Indices of the items whose envelopes intersect `envelope`, ascending.
    public func query(_ envelope: Envelope) -> [Int] {
        var found: [Int] = []
        query(envelope) { found.append($0) }
        return found.sorted()
    }

    /// The envelope item `item` was given, nil when it had none.
    public func envelope(of item: Int) -> Envelope? {
        let box = itemEnvelopes[item]
        return box.minX.isNaN ? nil : box
    }

    /// An item or node as `SortTileRecursive` orders it: its centre, and its index to break ties.
    private struct Placed: SortTileRecursive.Item {
        var centre: Point2D
        var index: Int32

        var tieBreak: Int64 { Int64(index) }
    }

    /// One node per range of `envelopes`, each with the union of its range's envelopes.
    private static func makeNodes(_ ranges: [Range<Int>], envelopes: [Envelope]) -> [Node] {
        ranges.map { range in
            var box = envelopes[range.lowerBound]
            for index in range.dropFirst() { box = box.union(envelopes[index]) }
            return Node(envelope: box, start: Int32(range.lowerBound), count: Int32(range.count))
        }
    }
}
