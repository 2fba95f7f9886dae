import GeoKit
import SanseModel

/// Step 1 of the analysis: each parcel's area, its share inside the control area C, its
/// distance to C and its town (SPEC semantics 6, 7).
struct ParcelLineCheck: Sendable {
    var line: LineMeasure
    var towns: TownAssignment.TownShare
    /// By the towns layer, else the parcel's own town field.
    var town: String?

    /// One check per parcel, in the parcels' order.
    ///
    /// In small pieces handed out one at a time: parcels straddling the line cost many times
    /// the others, and a few big contiguous chunks would leave one worker alone at the end.
    static func run(_ parcels: [Parcel], control: ControlArea, towns: TownAssignment, workers: Int) throws -> [ParcelLineCheck] {
        let pieceSize = 2048
        let pieces = (parcels.count + pieceSize - 1) / pieceSize
        return try Parallel.map(order: Array(0..<pieces), workers: workers,
                                worker: { (ControlArea.Worker(control), TownAssignment.Worker(towns)) }) { worker, piece in
            try (piece * pieceSize..<min(parcels.count, (piece + 1) * pieceSize)).map { index -> ParcelLineCheck in
                let geometry = try parcels[index].shape.geometry()
                let line = try worker.0.measure(geometry, area: try geometry.area())
                let share = try worker.1.share(of: geometry)
                return ParcelLineCheck(line: line, towns: share, town: towns.name(of: share) ?? parcels[index].town)
            }
        }.flatMap { $0 }
    }
}
