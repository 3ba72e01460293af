extension ServiceChecks {
    /// Zenodo (and its sandbox), B2SHARE, Code Ocean, Anaconda.org, Pydio Cells, GitHub.
    static let seed: [any ServiceCheck] = []
}
