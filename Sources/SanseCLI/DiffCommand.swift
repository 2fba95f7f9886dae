import ArgumentParser
import Foundation
import Sanse
import SanseModel
import SanseOutput

/// `sanse diff OLD NEW`: what changed between two survey vintages.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two run outputs: blocks that changed colour, parcels added or removed, 亩 by category per town.")

    @Argument(help: "The earlier run's output folder.")
    var old: String

    @Argument(help: "The later run's output folder.")
    var new: String

    @Option(name: .long, help: "Where to write diff.md, diff.csv, diff.geojson and diff.svg (default Output/diff).")
    var out = "Output/diff"

    func run() throws {
        let diff = try runReportingErrors { try SurveyDiff.compare(old: old, new: new) }
        try runReportingErrors { try DiffOutput.write(diff, old: old, new: new, to: out) }
        log("\(diff.colourChanges.count) blocks changed colour, \(diff.newBlocks.count) new, \(diff.removedBlocks.count) gone; parcels +\(diff.addedParcels.count) −\(diff.removedParcels.count)")
        log("outputs: \(out)")
    }
}
