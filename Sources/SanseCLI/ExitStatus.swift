import ArgumentParser
import Foundation
import Logging
import Sanse
import SanseModel
import SanseOutput

/// Exit codes as SPEC defines them.
enum ExitStatus {
    static let success: Int32 = 0
    static let dataProblems: Int32 = 1
    static let badInput: Int32 = 2
}
