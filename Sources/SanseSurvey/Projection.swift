import GeoKit
import SanseModel

/// A source → analysis CRS pair that any worker can turn into its own `Transformer` (PROJ
/// objects are bound to one context and must not be shared between threads).
struct Projection: Sendable {
    let source: String
    let target: String

    /// The calling thread's transformer (made once per thread).
    func makeTransformer() throws -> Transformer {
        try Transformer.forCurrentThread(from: source, to: target)
    }
}
