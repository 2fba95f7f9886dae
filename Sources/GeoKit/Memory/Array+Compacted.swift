extension Array {
    /// The same elements in storage of exactly their size: arrays grown by appending keep up
    /// to twice the room they need, which a reader holding a whole layer cannot afford.
    func compacted() -> [Element] {
        guard capacity > count + count / 16 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
