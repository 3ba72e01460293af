/// The one version number: `--version`, `tokenwarden version`, every report (JSON `version`, SARIF
/// `driver.version`, GitLab `scanner.version`, JUnit `tokenwarden.version`) and `make dist`'s tarball
/// name, which the Makefile reads from the line below — keep it one `current = "X.Y.Z"` line.
public enum TokenWardenVersion {
    public static let current = "0.1.0"
}
