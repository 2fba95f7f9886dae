import CLibFuzzer
import Foundation
import SanseFuzzing
import TestSupport

// libFuzzer calls these; it owns `main`. SANSE_FUZZ_TARGET picks the loading entry point
// (parcels, control-lines, towns, config, attributes, blocks-csv, batch-manifest) and
// SANSE_FUZZ_FULL_RUN=1 adds the whole pipeline; scripts/fuzz.sh passes them on.

nonisolated(unsafe) private var harness: LoadingHarness!
nonisolated(unsafe) private var mutator: Mutator!

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    let name = environment["SANSE_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set SANSE_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
    }
    do {
        harness = try LoadingHarness(target: target, fullRun: environment["SANSE_FUZZ_FULL_RUN"] == "1")
    } catch {
        FileHandle.standardError.write(Data("cannot set up the \(name) harness: \(error)\n".utf8))
        exit(2)
    }
    mutator = Mutator(grammar: target.grammar)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        _ = try harness.run(bytes)
    } catch {
        // A broken contract is a finding like a crash: libFuzzer saves the input.
        fatalError("sanse loading contract violated: \(error)")
    }
    return 0
}

/// Half of the mutations are libFuzzer's own; half are sanse's structure-aware ones (tokens,
/// hostile numbers, deep nesting), which GDAL's uninstrumented parser needs to get far.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    if seed % 2 == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
    var random = SplitMix64(seed: UInt64(seed))
    let mutated = mutator.mutate(Array(UnsafeBufferPointer(start: data, count: size)), corpus: [], random: &random)
    let count = min(mutated.count, maxSize)
    mutated.withUnsafeBufferPointer { buffer in
        if let source = buffer.baseAddress, count > 0 { data.update(from: source, count: count) }
    }
    return count
}
