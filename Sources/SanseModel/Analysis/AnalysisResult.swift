import GeoKit

/// Everything the analysis found, ready for the outputs.
public struct AnalysisResult: Sendable {
    /// In the order of `Survey.parcels`.
    public var parcels: [ParcelResult]
    /// In block-id order.
    public var blocks: [Block]
    /// C, the union of the control polygons.
    public var controlArea: Geometry
    /// One row per town, then the county total.
    public var towns: [TownStatistics]
    /// Overlaps found while building blocks.
    public var issues: IssueLog
    public var timings: StageTimings

    package init(parcels: [ParcelResult], blocks: [Block], controlArea: Geometry, towns: [TownStatistics], issues: IssueLog, timings: StageTimings) {
        self.parcels = parcels
        self.blocks = blocks
        self.controlArea = controlArea
        self.towns = towns
        self.issues = issues
        self.timings = timings
    }
}
