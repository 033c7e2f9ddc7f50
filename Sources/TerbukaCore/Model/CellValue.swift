/// A value of a published result cell, formatted by each output (decimal point in data
/// files, the interface language's mark on pages).
public enum CellValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// `value` in units of 10^-scale: fixed(80125, scale: 3) is 80.125.
    case fixed(Int, scale: Int)
    /// Yes or no: `true`/`false` in data files.
    case boolean(Bool)
    case empty

    /// A status cell; a row without one has an empty text.
    static func status(_ status: ResultStatus?) -> CellValue {
        .text(status?.code ?? "")
    }
}
