import Foundation
import GeoKit
import SanseAnalysis
import SanseModel
import SanseOutput
import SanseSurvey

/// Writes a diff as a table (diff.md, diff.csv), a GeoJSON of the changed blocks and an SVG
/// layer of the changes.
public enum DiffOutput {
    public static func write(_ diff: SurveyDiff, old: String, new: String, to folder: String) throws {
        let target = URL(fileURLWithPath: folder)
        let output = try OutputFolder(destination: target, inputs: [old + "/blocks.csv", new + "/blocks.csv"], marker: "diff.md")
        defer { output.discard() }
        try markdown(diff, old: old, new: new).write(toFile: output.path("diff.md"), atomically: false, encoding: .utf8)
        var csv = Tables.byteOrderMark + Tables.csvRow(["block_id", "old_block_id", "town", "old_category", "new_category", "land_mu"])
        for change in diff.colourChanges {
            csv += Tables.csvRow([change.newBlockID, change.oldBlockID, change.town, change.oldCategory.rawValue, change.newCategory.rawValue,
                                  Tables.fixed(change.landMu, 2)])
        }
        try csv.write(toFile: output.path("diff.csv"), atomically: false, encoding: .utf8)
        let shapes = try changedShapes(diff, new: new)
        try writeGeoJSON(shapes, to: output.path("diff.geojson"))
        try DiffMap.svg(shapes).write(toFile: output.path("diff.svg"), atomically: false, encoding: .utf8)
        try output.commit()
    }

    static func markdown(_ diff: SurveyDiff, old: String, new: String) -> String {
        var text = "# 三色变化 \(DatasetName.publicForm(old)) → \(DatasetName.publicForm(new))\n\n"
        text += "- 变色区块 \(diff.colourChanges.count) 个；新增区块 \(diff.newBlocks.count) 个；消失区块 \(diff.removedBlocks.count) 个\n"
        text += "- 新增宗地 \(diff.addedParcels.count) 宗；删除宗地 \(diff.removedParcels.count) 宗\n\n"
        text += "| 镇街 | " + Category.allCases.map { "\($0.chinese)(亩) 前 → 后" }.joined(separator: " | ") + " |\n"
        text += "|---|" + Category.allCases.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for town in diff.towns {
            let cells = Category.allCases.map { category -> String in
                let before = town.before[category] ?? 0, after = town.after[category] ?? 0
                let change = after - before
                return "\(Tables.fixed(before, 1)) → \(Tables.fixed(after, 1)) (\(change >= 0 ? "+" : "")\(Tables.fixed(change, 1)))"
            }
            text += "| \(town.town) | " + cells.joined(separator: " | ") + " |\n"
        }
        if !diff.colourChanges.isEmpty {
            text += "\n| 区块 | 原区块 | 镇街 | 原类别 | 现类别 | 面积(亩) |\n|---|---|---|---|---|---:|\n"
            for change in diff.colourChanges {
                text += "| \(change.newBlockID) | \(change.oldBlockID) | \(change.town) | \(change.oldCategory.chinese) | \(change.newCategory.chinese) | \(Tables.fixed(change.landMu, 1)) |\n"
            }
        }
        return text
    }

    /// A changed or new block with its lon/lat rings, from the new run's blocks.geojson.
    struct Shape {
        var id: String
        var oldCategory: Category?
        var newCategory: Category
        var geometry: Geometry
    }

    static func changedShapes(_ diff: SurveyDiff, new: String) throws -> [Shape] {
        let wanted = Dictionary(uniqueKeysWithValues: diff.colourChanges.map { ($0.newBlockID, $0) })
        let fresh = Set(diff.newBlocks)
        let dataset = try VectorDataset(path: new + "/blocks.geojson")
        guard let layer = dataset.layer(at: 0) else { return [] }
        let fields = layer.fields.map(\.name)
        guard let idColumn = fields.firstIndex(of: "block_id"), let categoryColumn = fields.firstIndex(of: "category") else { return [] }
        return try layer.readAll().compactMap { feature in
            guard case .string(let id) = feature.values[idColumn], wanted[id] != nil || fresh.contains(id),
                  case .string(let text) = feature.values[categoryColumn], let category = Category(rawValue: text),
                  let wkb = feature.wkb else { return nil }
            return Shape(id: id, oldCategory: wanted[id]?.oldCategory, newCategory: category, geometry: try Geometry(wkb: wkb))
        }
    }

    static func writeGeoJSON(_ shapes: [Shape], to path: String) throws {
        try WebGeoJSONWriter.write(to: path, count: shapes.count, analysisCRS: "EPSG:4326", webCRS: .wgs84, workers: 1) { index in
            let shape = shapes[index]
            return ([
                ("block_id", .string(shape.id)),
                ("change", .string(shape.oldCategory == nil ? "new" : "colour")),
                ("old_category", shape.oldCategory.map { .string($0.rawValue) } ?? .null),
                ("new_category", .string(shape.newCategory.rawValue)),
                ("fill", .string(shape.newCategory.fillColour)),
                ("stroke", .string(shape.oldCategory?.fillColour ?? "#333333")),
                ("stroke-width", .number(3, decimals: 0)),
                ("title", .string("\(shape.id) \(shape.oldCategory?.chinese ?? "新增") → \(shape.newCategory.chinese)")),
            ], try shape.geometry.polygonalPart().map(FlatPolygons.init))
        }
    }
}
