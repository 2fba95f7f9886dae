/// A ring on the viewer's grid of 1e-6 degrees (integer microdegrees of longitude and
/// latitude): the 6 decimals the viewer's copies carry, about 0.1 m.
struct MicrodegreePoint: Equatable, Sendable {
    var x: Int
    var y: Int
}

enum MicrodegreeRing {
    /// Douglas–Peucker on a closed ring (first point not repeated at the end), `tolerance` in
    /// microdegrees: the first point and the one farthest from it always stay, so a ring never
    /// falls below a triangle (the smallest parcel still shows and can be clicked).
    static func simplified(_ ring: [MicrodegreePoint], tolerance: Double) -> [MicrodegreePoint] {
        guard ring.count > 3 else { return ring }
        var far = 1
        for index in 2..<ring.count where squaredDistance(ring[index], ring[0]) > squaredDistance(ring[far], ring[0]) {
            far = index
        }
        let count = ring.count
        var keep = [Bool](repeating: false, count: count + 1)
        keep[0] = true
        keep[far] = true
        keep[count] = true
        // The ring as a line from the first point round and back to it: two halves between fixed ends.
        var sections = [(far, count), (0, far)]
        let limit = tolerance * tolerance
        while let (start, end) = sections.popLast() {
            guard end - start > 1 else { continue }
            let a = ring[start], b = ring[end == count ? 0 : end]
            var widest = -1, widestDistance = limit
            for index in (start + 1)..<end {
                let distance = squaredSegmentDistance(ring[index], a, b)
                if distance > widestDistance {
                    widest = index
                    widestDistance = distance
                }
            }
            guard widest >= 0 else { continue }
            keep[widest] = true
            sections.append((widest, end))
            sections.append((start, widest))
        }
        var result = (0..<count).filter { keep[$0] }.map { ring[$0] }
        if result.count < 3 {
            // A sliver thinner than the tolerance: its widest point makes it a triangle.
            let third = (1..<count).filter { $0 != far }.max {
                squaredSegmentDistance(ring[$0], ring[0], ring[far])
                    < squaredSegmentDistance(ring[$1], ring[0], ring[far])
            }
            if let third { result = [0, far, third].sorted().map { ring[$0] } }
        }
        return result
    }

    private static func squaredDistance(_ a: MicrodegreePoint, _ b: MicrodegreePoint) -> Double {
        let dx = Double(a.x - b.x), dy = Double(a.y - b.y)
        return dx * dx + dy * dy
    }

    /// Squared distance from `p` to the segment a–b.
    static func squaredSegmentDistance(_ p: MicrodegreePoint, _ a: MicrodegreePoint, _ b: MicrodegreePoint) -> Double {
        let (px, py) = (Double(p.x), Double(p.y)), (ax, ay) = (Double(a.x), Double(a.y))
        let (dx, dy) = (Double(b.x) - ax, Double(b.y) - ay)
        let length = dx * dx + dy * dy
        let t = length > 0 ? min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / length)) : 0
        let (ex, ey) = (ax + t * dx - px, ay + t * dy - py)
        return ex * ex + ey * ey
    }
}
