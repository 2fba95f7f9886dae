import Foundation
import SanseModel

/// `web/data/county.js`: everything the viewer needs before its data: titles, the colours and
/// names of the legend, the layers in drawing order with their styles, the towns with their
/// parcels scripts and extents, and what each popup shows. The page holds no such knowledge
/// of its own, so a new layer (zones, the work plan's years) is an entry here and a data script.
struct ViewerManifest: Encodable {
    struct Category: Encodable {
        var key: String
        var name: String
        var english: String
        var fill: String
        var stroke: String
    }

    struct Named: Encodable {
        var key: String
        var name: String
        var english: String
    }

    struct Town: Encodable {
        var name: String
        var file: String
        var parcels: Int
        var blocks: Int
        /// Of its parcels, in microdegrees: [min lon, min lat, max lon, max lat].
        var extent: [Int]?
    }

    /// One layer, in drawing order. `kind` says how the page draws it:
    /// `categoryFill` (blocks and outlines, coloured by the blocks' category), `line`
    /// (boundaries), `fill` (one colour, e.g. a zone) or `parcels` (per town, on demand).
    struct Layer: Encodable {
        var id: String
        var name: String
        var english: String
        var kind: String
        /// The data script in the data folder; nil for parcels (one per town).
        var file: String?
        var visible: Bool
        var fillOpacity: Double?
        var stroke: String?
        var strokeWidth: Double?
        var strokeOpacity: Double?
        var dash: [Double]?
        /// Whose categories, ids and popups its features share, by position (outlines: blocks).
        var featuresOf: String?
        /// Lowest zoom at which it is drawn without a town picked.
        var minZoom: Int?
        /// Draw each feature's `name` column at its middle.
        var labels: Bool?
        var clickable: Bool
        /// A script of more columns for the popups, loaded after the first draw (the county
        /// view needs only the ids, towns, colours and 亩).
        var details: String? = nil
    }

    /// One popup row: the column, its label, and how to show the value. Formats: `text`,
    /// `mu`, `percent`, `fixed1`, `fixed2`, `metres`, `integer`, `yesNo`, or `lookup:<list>`
    /// (`towns`, `categories`, `lineStatuses`, `blocks`, or a table of the data script).
    struct PopupRow: Encodable {
        var key: String
        var label: String
        var format: String
    }

    struct BaseMap: Encodable {
        var url: String
        var crs: String
        var attribution: String
        var subdomains: String
    }

    var title: String
    var subtitle: String
    var sourceNote: String
    var crs: String
    /// The lon/lat systems with data folders (`wgs84` → web/data/, `gcj02` → web/data-gcj02/).
    var systems: [String]
    var origin: [Int]
    /// What the page fits at first, in microdegrees.
    var extent: [Int]
    var deepestZoom: Int
    var categories: [Category]
    var lineStatuses: [Named]
    var towns: [Town]
    var layers: [Layer]
    var popups: [String: [PopupRow]]
    var searchFile: String
    var baseMap: BaseMap?
    var parcelCount: Int
    var blockCount: Int

    /// `sanseViewer.receive("county",{…});`, keys sorted so the bytes are the same every run.
    func script() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array("sanseViewer.receive(\"county\",".utf8) + Array(try encoder.encode(self)) + Array(");\n".utf8)
    }
}
