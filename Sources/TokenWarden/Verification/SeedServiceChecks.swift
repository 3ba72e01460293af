extension ServiceChecks {
    /// Zenodo (and its sandbox), B2SHARE, Code Ocean, Anaconda.org, Pydio Cells, GitHub.
    static let seed: [any ServiceCheck] = [
        ZenodoCheck.production, ZenodoCheck.sandbox, B2SHARECheck(), CodeOceanCheck(), AnacondaCheck(), PydioCellsCheck(), GitHubCheck(),
    ]
}
