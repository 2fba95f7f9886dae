import GeoKit

/// One parcel's checks and its block.
///
/// Packed (48 bytes, not 64): one per parcel of a million-parcel survey.
public struct ParcelResult: Sendable {
    public var town: String?
    public var areaM2: Double
    public var insideShare: Double
    /// NaN for none.
    private var storedDistance: Double
    private var storedBlockIndex: Int32
    public var lineStatus: LineStatus
    public var category: Category

    public init(blockIndex: Int, town: String?, areaM2: Double, insideShare: Double, lineStatus: LineStatus, distanceToLineM: Double?, category: Category) {
        self.town = town
        self.areaM2 = areaM2
        self.insideShare = insideShare
        storedDistance = distanceToLineM ?? .nan
        storedBlockIndex = Int32(blockIndex)
        self.lineStatus = lineStatus
        self.category = category
    }

    /// Index into `AnalysisResult.blocks`.
    public var blockIndex: Int {
        get { Int(storedBlockIndex) }
        set { storedBlockIndex = Int32(newValue) }
    }

    /// Distance to the control area; nil for parcels inside it.
    public var distanceToLineM: Double? {
        get { storedDistance.isNaN ? nil : storedDistance }
        set { storedDistance = newValue ?? .nan }
    }

    public var areaMu: Double { areaM2 / squareMetresPerMu }
}
