#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file mapped read-only into memory; unmapped on deinit.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    private let mapping: UnsafeMutableRawPointer

    /// nil when the path is not a readable regular file, is empty, or cannot be mapped.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else {
            return nil
        }
        let size = Int(status.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            return nil
        }
        mapping = mapped
        bytes = UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self))
        count = size
    }

    deinit {
        munmap(mapping, count)
    }

    /// Lets the kernel drop the pages wholly inside `range` from this process (they stay in
    /// the page cache): a file read once need not count towards the process's memory.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        madvise(mapping + start, end - start, Int32(MADV_DONTNEED))
    }
}
