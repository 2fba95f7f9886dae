import Foundation
import SanseModel

/// The text encoding of inputs that do not declare one. GDAL passes undeclared bytes on as they
/// are, and sanse's strings are UTF-8: GBK text would arrive as unreadable field names, ids and
/// town names.
enum TextEncoding {
    struct Assumption {
        /// For GDAL's `ENCODING` open option.
        var gdalName: String
        /// The file whose text it applies to, for the issue report.
        var file: String
    }

    /// How much of a file is looked at to tell its encoding.
    static let sampleBytes = 1 << 20

    /// A Shapefile whose .dbf has neither a .cpg beside it nor a code page in its header
    /// (language driver id 0), and whose text is not UTF-8: GBK (CP936), as Chinese GIS
    /// software writes. nil when the encoding is declared, or the text is ASCII or UTF-8.
    static func undeclaredShapefileEncoding(_ path: String) -> Assumption? {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension.lowercased() == "shp" else { return nil }
        let parts = LayerReader.shapefileParts(url)
        guard let dbf = parts["dbf"], parts["cpg"] == nil else { return nil }
        let bytes = head(of: dbf.path)
        guard bytes.count >= 32, bytes[29] == 0 else { return nil }
        let headerLength = min(Int(bytes[8]) | Int(bytes[9]) << 8, bytes.count)
        let recordLength = Int(bytes[10]) | Int(bytes[11]) << 8
        var text: [UInt8] = []
        // Field names: the first 11 bytes of each 32-byte descriptor, up to the 0x0D terminator.
        var descriptor = 32
        while descriptor + 32 <= headerLength, bytes[descriptor] != 0x0D {
            text += bytes[descriptor..<descriptor + 11]
            descriptor += 32
        }
        // Whole records only, so that no character is cut at the end of the sample.
        if recordLength > 0 {
            let records = (bytes.count - headerLength) / recordLength
            text += bytes[headerLength..<headerLength + records * recordLength]
        }
        guard !isUTF8(text) else { return nil }
        return Assumption(gdalName: "CP936", file: dbf.lastPathComponent)
    }

    /// GDAL reads a CSV's bytes as UTF-8; Excel on a Chinese Windows saves "CSV" as GBK.
    static func requireUTF8CSV(_ path: String) throws {
        var bytes = head(of: path)
        if bytes.count == sampleBytes, let lastLine = bytes.lastIndex(of: 0x0A) {
            bytes.removeSubrange((lastLine + 1)...)
        }
        guard !isUTF8(bytes) else { return }
        throw SurveyError(path: path, message: "is not UTF-8 text (GBK, as Excel saves \"CSV\"?); save it as \"CSV UTF-8\" or convert it, e.g. iconv -f GBK -t UTF-8")
    }

    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    private static func head(of path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: sampleBytes)) ?? Data())
    }
}
