/// ANSI SGR colours for the text report in a terminal (`--color`); `.off` leaves text as it is.
/// Paths go through `ControlCharacters` before they are coloured, so a file name cannot carry
/// escape sequences of its own.
enum ANSIStyle {
    case on, off

    func bold(_ s: String) -> String { wrap(s, "1") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }

    private func wrap(_ s: String, _ code: String) -> String {
        self == .on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
