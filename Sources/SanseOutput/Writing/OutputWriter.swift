import Foundation
import GeoKit
import SanseModel

/// Writes every output product of a run into the staging folder.
///
/// A product on a thread of its own runs while the others, which use every worker, are
/// written one after another; the files are the same as when all are written in turn.
package enum OutputWriter {
    /// Every product, in the order their files are listed.
    static let products: [OutputProduct] = [WebGeoJSONFiles.product, TableFiles.product, MapFiles.product, GeoPackageExport.product]

    /// The files a run with this content writes (run.json aside), in run.json's order.
    package static func fileNames(_ content: OutputContent) -> [String] {
        products.flatMap { $0.files(content) }
    }

    /// Writes every product; their stage times go to `timings`. Returns `fileNames(content)`.
    package static func write(_ content: OutputContent, to folder: OutputFolder, timings: inout StageTimings) throws -> [String] {
        SharedEnvelopes.cache(survey: content.survey, analysis: content.analysis)
        let beside = products.filter(\.ownThread).map { product in
            (product, BackgroundJob { try product.write(content, folder) })
        }
        do {
            for (number, product) in products.filter({ !$0.ownThread }).enumerated() {
                // The previous product's transients (the county map's page, the GeoJSON batches).
                if number > 0 { FreedMemory.returnToSystem() }
                try timings.measure(product.stage) { try product.write(content, folder) }
            }
        } catch {
            // The products on their own threads still use the staging folder: let them finish.
            for (_, job) in beside { _ = job.wait() }
            throw error
        }
        for (product, job) in beside {
            try job.wait().get()
            timings.record(product.stage, seconds: job.seconds)
        }
        return fileNames(content)
    }
}
