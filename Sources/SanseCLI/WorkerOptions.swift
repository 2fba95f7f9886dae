import ArgumentParser
import GeoKit

/// `--workers`, shared by the commands that analyse.
struct WorkerOptions: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: all cores).")
    var workers: Int?

    func validate() throws {
        if let workers, workers < 1 {
            throw ValidationError("--workers must be at least 1 (got \(workers))")
        }
    }

    /// The threads to use: the option's, else one per core.
    var count: Int { workers ?? Parallel.defaultWorkerCount }
}
