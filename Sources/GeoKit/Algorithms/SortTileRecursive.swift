/// The Sort-Tile-Recursive packing order for R-trees (Leutenegger, Edgington and López): the
/// one place where both `STRtree` and the GeoPackage's SQLite R-tree decide which boxes share
/// a node.
///
/// ```swift
/// struct Box: SortTileRecursive.Item {
///     var envelope: Envelope
///     var id: Int64
///     var centre: Point2D { envelope.center }
///     var tieBreak: Int64 { id }
/// }
/// var boxes: [Box] = …
/// let nodes = SortTileRecursive.sort(&boxes, nodeCapacity: 16)
/// // boxes[nodes[0]] are the first leaf's boxes, and so on.
/// ```
public enum SortTileRecursive {
    /// What the order reads of an item: the centre of its box, and a key that orders items
    /// with equal centres. Kept with the item, so that the sort compares stored values.
    public protocol Item {
        /// The centre of the item's box.
        var centre: Point2D { get }
        /// Orders items whose centres are equal; unique per item, so the order is the same
        /// whatever the sort does with ties.
        var tieBreak: Int64 { get }
    }

    /// Sorts `items` into STR order for nodes of `nodeCapacity` items, and returns each node's
    /// range of them.
    ///
    /// The items are sorted by centre x and cut into ⌈√(node count)⌉ vertical slices of that
    /// many full nodes, each slice is sorted by centre y, and the nodes are consecutive runs of
    /// `nodeCapacity` items (the last one possibly shorter). Equal centres are ordered by
    /// `tieBreak`. Items are moved, not copied: a million boxes are held once.
    @inlinable
    public static func sort<T: Item>(_ items: inout [T], nodeCapacity: Int) -> [Range<Int>] {
        precondition(nodeCapacity >= 1, "a node holds at least one item")
        let count = items.count
        guard count > 0 else { return [] }
        let nodeCount = (count + nodeCapacity - 1) / nodeCapacity
        let sliceCount = Int(Double(nodeCount).squareRoot().rounded(.up))
        let sliceSize = sliceCount * nodeCapacity
        items.sort { ($0.centre.x, $0.tieBreak) < ($1.centre.x, $1.tieBreak) }
        for sliceStart in stride(from: 0, to: count, by: sliceSize) {
            items[sliceStart..<min(sliceStart + sliceSize, count)].sort {
                ($0.centre.y, $0.tieBreak) < ($1.centre.y, $1.tieBreak)
            }
        }
        return stride(from: 0, to: count, by: nodeCapacity).map { $0..<min($0 + nodeCapacity, count) }
    }
}
