import ArgumentParser
import Foundation
import GeoKit
import Logging
import Sanse
import SanseModel
import SanseOutput

/// A one-line stage indicator on a terminal; nothing at all when stderr is not a terminal
/// (batch jobs, CI, pipes).
enum Progress {
    static let enabled = isatty(2) == 1

    static func show(_ stage: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K… \(DatasetName.publicForm(stage))".utf8))
    }

    static func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
