import SanseModel

/// One kind of output (the web GeoJSON, the tables, the maps, the GeoPackage): the files it
/// writes and how. `OutputWriter.products` lists them once; the writing, the list of files and
/// run.json's outputs all come from that list.
struct OutputProduct: Sendable {
    /// The stage's name in run.json's timings.
    let stage: String
    /// Written on a thread of its own beside the others: the GeoPackage goes through one SQLite
    /// connection, so one core, while the other products use every worker.
    let ownThread: Bool
    /// The files it writes for this content, in the order run.json lists them.
    let files: @Sendable (OutputContent) -> [String]
    let write: @Sendable (OutputContent, OutputFolder) throws -> Void
}
