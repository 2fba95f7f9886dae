import GeoKit

/// 1 亩 = 10000/15 m².
public let squareMetresPerMu = 10_000.0 / 15.0

/// One block (连片区块) with every figure SPEC gives it.
public struct Block: Sendable {
    /// `B0001` …, deterministic (SPEC semantics 10).
    public var id: String
    /// Indices into `Survey.parcels`, ascending.
    public var parcelIndices: [Int]
    public var town: String?
    public var townClass: TownSizeClass
    /// The union of its parcels, as coordinates (`land.geometry()` for GEOS).
    public var land: FlatPolygons
    /// The land closed by gap/2, as coordinates.
    public var outline: FlatPolygons
    public var landM2: Double
    public var outlineM2: Double
    public var insideShare: Double
    public var lineStatus: LineStatus
    public var cdShare: Double?
    public var far: Double?
    public var taxPerMu: Double?
    public var cdAreaM2: Double
    public var isCluster10ha: Bool
    public var renovationCandidate: Bool
    public var category: Category
    /// A Chinese sentence naming the deciding rule and its figures.
    public var reasons: String
    /// How the parcels hold together: joins by touching, joins across a gap, the widest gap.
    public var touchingJoins: Int
    public var gapJoins: Int
    public var widestGapM: Double

    public var landHa: Double { landM2 / 10_000 }
    public var landMu: Double { landM2 / squareMetresPerMu }
    public var smallestParcelID: String = ""

    package init(id: String, parcelIndices: [Int], town: String? = nil, townClass: TownSizeClass, land: FlatPolygons, outline: FlatPolygons, landM2: Double, outlineM2: Double, insideShare: Double, lineStatus: LineStatus, cdShare: Double? = nil, far: Double? = nil, taxPerMu: Double? = nil, cdAreaM2: Double, isCluster10ha: Bool, renovationCandidate: Bool, category: Category, reasons: String, touchingJoins: Int, gapJoins: Int, widestGapM: Double, smallestParcelID: String = "") {
        self.id = id
        self.parcelIndices = parcelIndices
        self.town = town
        self.townClass = townClass
        self.land = land
        self.outline = outline
        self.landM2 = landM2
        self.outlineM2 = outlineM2
        self.insideShare = insideShare
        self.lineStatus = lineStatus
        self.cdShare = cdShare
        self.far = far
        self.taxPerMu = taxPerMu
        self.cdAreaM2 = cdAreaM2
        self.isCluster10ha = isCluster10ha
        self.renovationCandidate = renovationCandidate
        self.category = category
        self.reasons = reasons
        self.touchingJoins = touchingJoins
        self.gapJoins = gapJoins
        self.widestGapM = widestGapM
        self.smallestParcelID = smallestParcelID
    }
}
