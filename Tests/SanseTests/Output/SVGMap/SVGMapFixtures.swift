import Foundation
import GeoKit
import TestSupport
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey

/// Surveys for the map tests: a small one with three clearly different colour areas, and a
/// synthetic county of road-bounded industrial zones, scattered village works, wavy town
/// boundaries and control lines that cut through some zones.
enum SVGMapFixtures {
    typealias P = AnalysisFixtures.P

    /// Three blocks of touching 150 × 100 m lots: retain 600 × 300 m (inside the control
    /// area, good grades), renew 450 × 200 m (inside, FAR 0.6), exit 300 × 100 m (outside).
    /// Areas 18 : 9 : 3 ha.
    static func threeColours() throws -> Survey {
        var parcels: [P] = []
        func lots(_ prefix: String, x: Double, y: Double, columns: Int, rows: Int, far: Double, grade: Grade) {
            for row in 0..<rows {
                for column in 0..<columns {
                    parcels.append(P(id: "\(prefix)\(row)\(column)",
                                     wkt: AnalysisFixtures.rectangle(x + Double(column) * 150, y + Double(row) * 100, 150, 100),
                                     grade: grade, far: far))
                }
            }
        }
        lots("R", x: 100, y: 100, columns: 4, rows: 3, far: 2.0, grade: .a)
        lots("Y", x: 100, y: 600, columns: 3, rows: 2, far: 0.6, grade: .b)
        lots("X", x: 1000, y: 100, columns: 2, rows: 1, far: 2.0, grade: .a)
        return try AnalysisFixtures.survey(parcels, control: [AnalysisFixtures.rectangle(0, 0, 850, 900)])
    }

    static let townNames = ["坎墩街道", "周巷镇", "浒山街道", "观海卫镇", "逍林镇", "长河镇", "宗汉街道", "新浦镇", "附海镇"]

    /// A synthetic county about `zones` × 60 parcels in size (plus village works), with towns
    /// in a grid of `townColumns` × `townRows` wavy cells.
    static func county(zones: Int, seed: UInt64 = 20261123, townColumns: Int = 3, townRows: Int = 2) throws -> Survey {
        var random = SplitMix64(seed: seed)
        let cell = 8_000.0
        let width = cell * Double(townColumns), height = cell * Double(townRows)
        let origin = Point2D(620_000, 3_340_000)

        // Towns: a grid whose every point is moved by the same smooth field, so neighbours
        // share their boundary exactly.
        func warp(_ p: Point2D) -> Point2D {
            let dx = 420 * sin(p.y / 1300) + 160 * sin(p.y / 410 + 1.3)
            let dy = 380 * sin(p.x / 1500 + 0.7) + 140 * sin(p.x / 370)
            return Point2D(p.x + dx, p.y + dy)
        }
        func edge(_ a: Point2D, _ b: Point2D) -> [Point2D] {
            let steps = 40
            return (0..<steps).map { k in
                let t = Double(k) / Double(steps)
                return warp(Point2D(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
            }
        }
        var towns: [(String, TownSizeClass, String?)] = []
        for row in 0..<townRows {
            for column in 0..<townColumns {
                let x0 = origin.x + Double(column) * cell, y0 = origin.y + Double(row) * cell
                let corners = [Point2D(x0, y0), Point2D(x0 + cell, y0), Point2D(x0 + cell, y0 + cell), Point2D(x0, y0 + cell)]
                var ring: [Point2D] = []
                for k in 0..<4 { ring += edge(corners[k], corners[(k + 1) % 4]) }
                let polygon = try Geometry.polygon(exterior: ring)
                let name = townNames[(row * townColumns + column) % townNames.count]
                towns.append((name, (row + column) % 2 == 0 ? .large : .small, try polygon.wkt()))
            }
        }

        var parcels: [P] = []
        var control: [String] = []
        var lotNumber = 0
        func addLot(_ x: Double, _ y: Double, _ w: Double, _ h: Double, quality: Int) {
            lotNumber += 1
            let grade: Grade
            let far: Double
            switch quality {
            case 0: grade = random.chance(0.8) ? .a : .b; far = random.uniform(1.3, 2.6)
            case 1: grade = random.chance(0.7) ? .c : .d; far = random.uniform(0.4, 1.2)
            default: grade = [.a, .b, .c, .d][random.int(0...3)]; far = random.uniform(0.6, 2.0)
            }
            // Some lots are not quite rectangles: a corner cut off.
            let wkt: String
            if random.chance(0.15) {
                let cut = min(w, h) * 0.3
                wkt = "POLYGON ((\(x + cut) \(y), \(x + w) \(y), \(x + w) \(y + h), \(x) \(y + h), \(x) \(y + cut), \(x + cut) \(y)))"
            } else {
                wkt = AnalysisFixtures.rectangle(x, y, w, h)
            }
            parcels.append(P(id: String(format: "330282-%06d", lotNumber), wkt: wkt, grade: grade, far: far))
        }

        // Zones: superblocks separated by 45 m roads (separate blocks); a superblock is one
        // to three strips of two back-to-back rows of lots, strips 18 m apart (one block).
        var zoneBoxes: [Envelope] = []
        for _ in 0..<zones {
            let columns = random.int(1...4), rows = random.int(1...3)
            let lengths = (0..<columns).map { _ in random.uniform(250, 650) }
            let strips = (0..<rows).map { _ in random.int(1...3) }
            let depths = (0..<rows).map { _ in random.uniform(60, 110) }
            let zoneWidth = lengths.reduce(0, +) + 45 * Double(columns - 1)
            let superDepths = (0..<rows).map { Double(strips[$0]) * 2 * depths[$0] + 18 * Double(strips[$0] - 1) }
            let zoneHeight = superDepths.reduce(0, +) + 45 * Double(rows - 1)
            var placedBox: Envelope?
            for _ in 0..<60 {
                let zx = origin.x + random.uniform(500, width - 500 - zoneWidth)
                let zy = origin.y + random.uniform(500, height - 500 - zoneHeight)
                let box = Envelope(minX: zx, minY: zy, maxX: zx + zoneWidth, maxY: zy + zoneHeight)
                if !zoneBoxes.contains(where: { $0.expanded(by: 250).intersects(box) }) { placedBox = box; break }
            }
            guard let zoneBox = placedBox else { continue }
            zoneBoxes.append(zoneBox)
            var y = zoneBox.minY
            for row in 0..<rows {
                var x = zoneBox.minX
                for column in 0..<columns {
                    let quality = random.int(0...2)
                    for strip in 0..<strips[row] {
                        for side in 0..<2 {
                            var lx = x
                            let ly = y + Double(strip) * (2 * depths[row] + 18) + Double(side) * depths[row]
                            while lx < x + lengths[column] - 30 {
                                let w = min(random.uniform(40, 140), x + lengths[column] - lx)
                                addLot(lx, ly, w, depths[row], quality: quality)
                                lx += w
                            }
                        }
                    }
                    x += lengths[column] + 45
                }
                y += superDepths[row] + 45
            }
            // Control line: most zones inside, some cut through, some left outside.
            let fate = random.uniform(0, 1)
            if fate < 0.65 {
                control.append(AnalysisFixtures.rectangle(zoneBox.minX - 60, zoneBox.minY - 60, zoneBox.width + 120, zoneBox.height + 120))
            } else if fate < 0.85 {
                let cut = zoneBox.minX + zoneBox.width * random.uniform(0.3, 0.7)
                control.append("POLYGON ((\(zoneBox.minX - 60) \(zoneBox.minY - 60), \(cut) \(zoneBox.minY - 60), \(cut + 250) \(zoneBox.maxY + 60), \(zoneBox.minX - 60) \(zoneBox.maxY + 60), \(zoneBox.minX - 60) \(zoneBox.minY - 60)))")
            }
        }
        // Village works: one to four lots, scattered away from the zones.
        for _ in 0..<(zones * 3) {
            var x = origin.x + random.uniform(700, width - 1000)
            let y = origin.y + random.uniform(700, height - 700)
            if zoneBoxes.contains(where: { $0.expanded(by: 150).contains(Point2D(x, y)) }) { continue }
            for _ in 0..<random.int(1...4) {
                let w = random.uniform(30, 90)
                addLot(x, y, w, random.uniform(30, 80), quality: 2)
                x += w + random.uniform(0, 12)
            }
        }
        return try AnalysisFixtures.survey(parcels, control: control, towns: towns)
    }
}

/// The synthetic county's draws from the shared generator.
extension SplitMix64 {
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ p: Double) -> Bool { uniform(0, 1) < p }
}

/// rsvg-convert, run as a subprocess writing to a file, and the PNG it writes read back.
enum Rasterizer {
    static var rsvgConvert: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Renders `svg` to a PNG file; throws when rsvg-convert fails.
    static func png(_ svg: String, to pngPath: String, width: Int? = nil) throws {
        guard let tool = rsvgConvert else { throw RasterError(message: "rsvg-convert not found") }
        let svgPath = pngPath + ".svg"
        try svg.write(toFile: svgPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: svgPath) }
        do {
            try Subprocess.run(tool, (width.map { ["-w", String($0)] } ?? []) + ["-o", pngPath, svgPath])
        } catch {
            throw RasterError(message: "rsvg-convert failed: \(error)")
        }
    }

    struct RasterError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// An 8-bit RGB or RGBA, non-interlaced PNG (what rsvg-convert writes), decoded with zlib from
/// the system (loaded at run time, so the test target needs no extra link).
struct PNGImage {
    let width: Int
    let height: Int
    /// RGBA, row by row.
    let pixels: [UInt8]

    init(path: String) throws {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard data.count > 8, data[0..<8].elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else { throw Rasterizer.RasterError(message: "not a PNG") }
        var offset = 8
        var width = 0, height = 0, colourType = 0
        var compressed: [UInt8] = []
        func uint32(_ at: Int) -> Int { Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3]) }
        while offset + 8 <= data.count {
            let length = uint32(offset)
            let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = (offset + 8)..<(offset + 8 + length)
            switch type {
            case "IHDR":
                width = uint32(body.lowerBound)
                height = uint32(body.lowerBound + 4)
                let depth = data[body.lowerBound + 8]
                colourType = Int(data[body.lowerBound + 9])
                let interlace = data[body.lowerBound + 12]
                guard depth == 8, colourType == 6 || colourType == 2, interlace == 0 else {
                    throw Rasterizer.RasterError(message: "unsupported PNG (depth \(depth), colour type \(colourType), interlace \(interlace))")
                }
            case "IDAT":
                compressed += data[body]
            default:
                break
            }
            offset = body.upperBound + 4
        }
        let channels = colourType == 6 ? 4 : 3
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        try Zlib.uncompress(compressed, into: &raw)

        var out = [UInt8](repeating: 255, count: width * height * 4)
        var previous = [UInt8](repeating: 0, count: stride)
        var line = [UInt8](repeating: 0, count: stride)
        for row in 0..<height {
            let start = row * (stride + 1)
            let filter = raw[start]
            for index in 0..<stride {
                let x = raw[start + 1 + index]
                let a = index >= channels ? Int(line[index - channels]) : 0
                let b = Int(previous[index])
                let c = index >= channels ? Int(previous[index - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: predictor = 0
                }
                line[index] = UInt8(truncatingIfNeeded: Int(x) + predictor)
            }
            for column in 0..<width {
                for channel in 0..<channels {
                    out[(row * width + column) * 4 + channel] = line[column * channels + channel]
                }
            }
            swap(&previous, &line)
        }
        self.width = width
        self.height = height
        pixels = out
    }

    /// Number of pixels within `tolerance` (per channel) of `rgb`.
    func count(_ rgb: (Int, Int, Int), tolerance: Int) -> Int {
        var found = 0
        var index = 0
        while index < pixels.count {
            if abs(Int(pixels[index]) - rgb.0) <= tolerance && abs(Int(pixels[index + 1]) - rgb.1) <= tolerance
                && abs(Int(pixels[index + 2]) - rgb.2) <= tolerance {
                found += 1
            }
            index += 4
        }
        return found
    }
}

enum Zlib {
    typealias Uncompress = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt) -> Int32

    static func uncompress(_ source: [UInt8], into destination: inout [UInt8]) throws {
        guard let library = dlopen("libz.so.1", RTLD_NOW) ?? dlopen("libz.dylib", RTLD_NOW),
              let symbol = dlsym(library, "uncompress") else {
            throw Rasterizer.RasterError(message: "zlib not found")
        }
        let function = unsafeBitCast(symbol, to: Uncompress.self)
        var length = UInt(destination.count)
        let status = destination.withUnsafeMutableBufferPointer { out in
            source.withUnsafeBufferPointer { function(out.baseAddress, &length, $0.baseAddress, UInt($0.count)) }
        }
        guard status == 0, Int(length) == destination.count else {
            throw Rasterizer.RasterError(message: "zlib uncompress failed (\(status))")
        }
    }
}
