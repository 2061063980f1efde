import Synchronization

/// A bounded, thread-safe memo of a pure computation: the same key always computes the same
/// value, so a value computed once can be handed out again.
///
///     let memo = BoundedMemo<String, Int>(capacity: 1024)
///     let length = memo.value(for: "xin chào") { $0.count }
///
/// Citizens send the same few hundred messages all day ("xin chào", "lệ phí làm cccd bao
/// nhiêu"); reading one costs tens of microseconds, looking it up well under one. Entries live
/// in two generations of at most `capacity / 2` each: a hit in the older one moves the entry to
/// the newer one, and a full newer generation replaces the older one wholesale. That keeps
/// what is asked again and forgets what is not, in constant time per call and without a
/// linked list, and memory never holds more than `capacity` entries. Capacity 0 memoizes
/// nothing.
public final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Generations {
        var current: [Key: Value] = [:]
        var previous: [Key: Value] = [:]
        var counts = MemoCounts()
    }

    public let capacity: Int
    private let state = Mutex(Generations())

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The value for `key`, computed by `compute` (outside the lock) when it is not held.
    /// Two threads missing the same key at once both compute it; the later store wins, and
    /// both values are equal because the computation is pure.
    public func value(for key: Key, compute: (Key) -> Value) -> Value {
        guard capacity > 0 else { return compute(key) }
        if let held = lookUp(key) { return held }
        let value = compute(key)
        store(value, for: key)
        return value
    }

    /// The value held for `key`, if any (counted as a hit or a miss).
    public func lookUp(_ key: Key) -> Value? {
        guard capacity > 0 else { return nil }
        let (value, discarded) = state.withLock { state -> (Value?, [Key: Value]) in
            if let value = state.current[key] {
                state.counts.hits += 1
                return (value, [:])
            }
            guard let value = state.previous.removeValue(forKey: key) else {
                state.counts.misses += 1
                return (nil, [:])
            }
            state.counts.hits += 1
            return (value, Self.insert(value, for: key, into: &state, half: max(1, capacity / 2)))
        }
        withExtendedLifetime(discarded) {}
        return value
    }

    /// Holds `value` for `key` (replacing what was held).
    public func store(_ value: Value, for key: Key) {
        guard capacity > 0 else { return }
        let discarded = state.withLock { state in
            Self.insert(value, for: key, into: &state, half: max(1, capacity / 2))
        }
        withExtendedLifetime(discarded) {}
    }

    /// How many entries are held (at most `capacity`).
    public var count: Int { state.withLock { $0.current.count + $0.previous.count } }

    public var counts: MemoCounts { state.withLock { $0.counts } }

    /// Inserts into the newer generation; returns the generation dropped to make room, for the
    /// caller to free after the lock (freeing thousands of entries would hold up other threads).
    private static func insert(_ value: Value, for key: Key, into state: inout Generations, half: Int) -> [Key: Value] {
        var discarded: [Key: Value] = [:]
        if state.current[key] == nil, state.current.count >= half {
            discarded = state.previous
            state.previous = state.current
            state.current = Dictionary(minimumCapacity: half)
        }
        state.current[key] = value
        return discarded
    }
}

/// A memo's hits and misses since start, for `/metrics`.
public struct MemoCounts: Sendable, Equatable {
    public var hits = 0
    public var misses = 0

    public init(hits: Int = 0, misses: Int = 0) {
        self.hits = hits
        self.misses = misses
    }
}
