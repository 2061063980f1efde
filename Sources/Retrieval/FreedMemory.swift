#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the program has freed back to the operating system in steps, for phases
/// that free many small blocks while filling large new arrays.
///
/// glibc keeps freed heap blocks resident for reuse, but arrays of more than a few hundred
/// kilobytes get fresh mappings and never reuse them: while `IndexBuilder.build` turns its
/// per-term lists into packed arrays, both stayed resident (a 490 MB peak at 100k documents).
/// `malloc_trim` releases the free pages inside the heap. It is looked up at run time because
/// Swift's Glibc module does not declare it; elsewhere this does nothing.
///
///     var freed = FreedMemory()
///     freed.willFree(list.capacity * 4)   // before dropping `list`
///
/// - Complexity: each release walks glibc's free lists; it happens once per `step` bytes.
struct FreedMemory {
    /// Bytes freed between two releases: large enough that the walks cost little time.
    static let step = 16 << 20
    private var pending = 0

    /// Counts bytes about to be freed, releasing the free pages once `step` have accumulated.
    mutating func willFree(_ bytes: Int) {
        pending += bytes
        guard pending >= Self.step else { return }
        pending = 0
        Self.release()
    }

    /// Returns the heap's free pages to the system (glibc only).
    static func release() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(handle) }
        // malloc_trim(0): keep no padding at the top; since glibc 2.8 it also releases whole
        // free pages in the middle of every arena, which is what matters here.
        if let symbol = dlsym(handle, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}
