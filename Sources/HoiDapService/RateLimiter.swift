import Foundation
import Synchronization

/// Per-client token buckets: `capacity` requests at once, refilled at `capacity` per `period`.
///
///     let limiter = RateLimiter(capacity: 20, period: 60)          // 20 a minute
///     switch limiter.take("203.0.113.7") {
///     case .allowed: …
///     case let .limited(retryAfter): …  // whole seconds until one request is allowed again
///     }
///
/// Keys live in 16 shards, each behind its own lock; a shard that grows past `maxKeys / 16`
/// forgets clients whose bucket has refilled, so an address sweep cannot exhaust memory.
public final class RateLimiter: Sendable {
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Seconds to wait, at least 1.
        case limited(retryAfter: Int)
    }

    struct Bucket: Sendable {
        var tokens: Double
        var updated: Double
    }

    public let capacity: Double
    public let period: Double
    let maxKeys: Int
    let clock: @Sendable () -> Double
    private let shards: [Shard]

    final class Shard: Sendable {
        let buckets = Mutex<[String: Bucket]>([:])
    }

    /// - Parameters:
    ///   - capacity: requests allowed in a burst and per `period`; 0 disables the limit.
    ///   - period: seconds to refill `capacity` tokens.
    ///   - clock: monotonic seconds (tests pass a manual one).
    public init(capacity: Int, period: Double, maxKeys: Int = 100_000,
                clock: @escaping @Sendable () -> Double = RateLimiter.monotonicSeconds) {
        self.capacity = Double(capacity)
        self.period = period
        self.maxKeys = maxKeys
        self.clock = clock
        shards = (0..<16).map { _ in Shard() }
    }

    public var isEnabled: Bool { capacity > 0 }

    /// Takes one token for `key`.
    public func take(_ key: String) -> Decision {
        guard isEnabled else { return .allowed }
        let now = clock()
        return shard(key).buckets.withLock { buckets in
            var bucket = refilled(buckets[key], now: now)
            defer { store(bucket, key, in: &buckets, now: now) }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return .allowed
            }
            return .limited(retryAfter: retryAfter(bucket))
        }
    }

    /// Whether a `take` would be allowed now, without taking.
    public func wouldAllow(_ key: String) -> Bool {
        guard isEnabled else { return true }
        let now = clock()
        return shard(key).buckets.withLock { buckets in refilled(buckets[key], now: now).tokens >= 1 }
    }

    /// Takes a token even when none is left (the bucket goes negative): for work that already
    /// happened, such as a ticket the engine filed after `wouldAllow` said yes.
    public func charge(_ key: String) {
        guard isEnabled else { return }
        let now = clock()
        shard(key).buckets.withLock { buckets in
            var bucket = refilled(buckets[key], now: now)
            bucket.tokens -= 1
            store(bucket, key, in: &buckets, now: now)
        }
    }

    /// Clients currently remembered (for tests and metrics).
    public var trackedKeys: Int { shards.reduce(0) { $0 + $1.buckets.withLock { $0.count } } }

    private var rate: Double { capacity / period }

    private func refilled(_ bucket: Bucket?, now: Double) -> Bucket {
        guard var bucket else { return Bucket(tokens: capacity, updated: now) }
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * rate)
        bucket.updated = now
        return bucket
    }

    private func retryAfter(_ bucket: Bucket) -> Int {
        max(1, Int((( 1 - bucket.tokens) / rate).rounded(.up)))
    }

    private func store(_ bucket: Bucket, _ key: String, in buckets: inout [String: Bucket], now: Double) {
        buckets[key] = bucket
        if buckets.count > maxKeys / shards.count {
            buckets = buckets.filter { refilled($0.value, now: now).tokens < capacity }
        }
    }

    private func shard(_ key: String) -> Shard {
        var hasher = Hasher()
        hasher.combine(key)
        return shards[Int(UInt(bitPattern: hasher.finalize()) % UInt(shards.count))]
    }

    /// Seconds on the monotonic clock.
    public static let monotonicSeconds: @Sendable () -> Double = {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
