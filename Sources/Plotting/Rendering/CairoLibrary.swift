import CCairo

/// Which Cairo this process draws with.
public enum CairoLibrary {
    /// Cairo's version ("1.16.0"): another release may draw a figure's pixels differently.
    public static var version: String { String(cString: cairo_version_string()) }
}
