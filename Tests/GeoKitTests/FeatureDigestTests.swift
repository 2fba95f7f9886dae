import Testing

@testable import GeoKit

/// The digest that stands for a database table's content: the rows, not how they were chunked.
@Suite("Feature digest")
struct FeatureDigestTests {
    static let fields = [
        FieldDefinition(name: "宗地编号", type: .string),
        FieldDefinition(name: "亩均税收", type: .real),
    ]

    static func chunk(_ rows: [(fid: Int64, wkb: [UInt8], values: [FieldValue])]) -> FeatureChunk {
        var builder = FeatureChunkBuilder(columnCount: fields.count)
        for row in rows {
            for (column, value) in row.values.enumerated() { builder.attributes.append(value, column: column) }
            builder.appendWKB(row.wkb)
            builder.finishFeature(fid: row.fid)
        }
        return builder.build()
    }

    static let rows: [(fid: Int64, wkb: [UInt8], values: [FieldValue])] = [
        (1, [1, 3, 0, 0, 0, 9], [.string("330282-101-0001"), .real(12.5)]),
        (2, [], [.string("330282-101-0002"), .null]),
        (3, [1, 3, 0, 0, 0, 7], [.string(""), .real(-0.0)]),
    ]

    static func digest(
        _ chunks: [FeatureChunk], layer: String = "parcels",
        fields: [FieldDefinition] = fields
    ) -> String {
        let digest = FeatureDigest(layerName: layer, fields: fields)
        for chunk in chunks { digest.add(chunk) }
        return digest.finish()
    }

    @Test func theSameRowsGiveTheSameDigestHoweverChunked() {
        let whole = Self.digest([Self.chunk(Self.rows)])
        #expect(whole.count == 64)
        #expect(Self.digest(Self.rows.map { Self.chunk([$0]) }) == whole)
        let digest = FeatureDigest(layerName: "parcels", fields: Self.fields)
        digest.add(Self.chunk(Self.rows))
        #expect(digest.finish() == digest.finish(), "asked again, the same answer")
    }

    @Test func anyChangeChangesTheDigest() {
        let whole = Self.digest([Self.chunk(Self.rows)])
        var changedValue = Self.rows
        changedValue[0].values[1] = .real(12.6)
        var changedGeometry = Self.rows
        changedGeometry[2].wkb[5] = 8
        var changedID = Self.rows
        changedID[1].fid = 4
        // Moving bytes between neighbouring values must not give the same stream.
        var movedText = Self.rows
        movedText[0].values[0] = .string("330282-101-000")
        movedText[2].values[0] = .string("1")
        let others = [
            Self.digest([Self.chunk(changedValue)]), Self.digest([Self.chunk(changedGeometry)]),
            Self.digest([Self.chunk(changedID)]), Self.digest([Self.chunk(movedText)]),
            Self.digest([Self.chunk(Array(Self.rows.reversed()))]),
            Self.digest([Self.chunk(Array(Self.rows.dropLast()))]),
            Self.digest([Self.chunk(Self.rows)], layer: "parcels_2025"),
            Self.digest([Self.chunk(Self.rows)], fields: [Self.fields[0], FieldDefinition(name: "税收", type: .real)]),
        ]
        #expect(Set(others + [whole]).count == others.count + 1)
    }
}
