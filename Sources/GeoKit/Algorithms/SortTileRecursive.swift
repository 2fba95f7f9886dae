/// The Sort-Tile-Recursive packing order for R-trees (Leutenegger, Edgington and López): the
/// one place where both `STRtree` and the GeoPackage's SQLite R-tree decide which boxes share
/// a node.
///
/// ```swift
/// var boxes: [Envelope] = …
/// let nodes = SortTileRecursive.sort(&boxes, nodeCapacity: 16, centre: \.center, tieBreak: { _ in 0 })
/// // boxes[nodes[0]] are the first leaf's boxes, and so on.
/// ```
public enum SortTileRecursive {
    /// Sorts `items` into STR order for nodes of `nodeCapacity` items, and returns each node's
    /// range of them.
    ///
    /// The items are sorted by centre x and cut into ⌈√(node count)⌉ vertical slices of that
    /// many full nodes, each slice is sorted by centre y, and the nodes are consecutive runs of
    /// `nodeCapacity` items (the last one possibly shorter). Equal centres are ordered by
    /// `tieBreak`, so the order is the same whatever the sort does with ties. Items are moved,
    /// not copied: a million boxes are held once.
    @inlinable
    public static func sort<Item>(
        _ items: inout [Item], nodeCapacity: Int, centre: (Item) -> Point2D, tieBreak: (Item) -> Int64
    ) -> [Range<Int>] {
        precondition(nodeCapacity >= 1, "a node holds at least one item")
        let count = items.count
        guard count > 0 else { return [] }
        let nodeCount = (count + nodeCapacity - 1) / nodeCapacity
        let sliceCount = Int(Double(nodeCount).squareRoot().rounded(.up))
        let sliceSize = sliceCount * nodeCapacity
        items.sort { (centre($0).x, tieBreak($0)) < (centre($1).x, tieBreak($1)) }
        for sliceStart in stride(from: 0, to: count, by: sliceSize) {
            items[sliceStart..<min(sliceStart + sliceSize, count)].sort {
                (centre($0).y, tieBreak($0)) < (centre($1).y, tieBreak($1))
            }
        }
        return stride(from: 0, to: count, by: nodeCapacity).map { $0..<min($0 + nodeCapacity, count) }
    }
}
