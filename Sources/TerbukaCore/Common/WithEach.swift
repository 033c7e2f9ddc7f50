/// `body` with a view of each of `items`, in their order, each view opened by `open` and valid
/// for as long as `body` runs (`open` calls its closure with the view, as `withUnsafeBytes`
/// does): the views of several columns or buffers at once, however many.
func withEach<Item, View, Result>(
    _ items: ArraySlice<Item>, opening open: (Item, (View) throws -> Result) throws -> Result,
    _ body: ([View]) throws -> Result
) rethrows -> Result {
    // Each view opened inside the one before: `open` is called again from within its own call.
    try withoutActuallyEscaping(open) { open in
        func nested(_ items: ArraySlice<Item>, _ views: [View]) throws -> Result {
            guard let first = items.first else { return try body(views) }
            return try open(first) { try nested(items.dropFirst(), views + [$0]) }
        }
        return try nested(items, [])
    }
}
