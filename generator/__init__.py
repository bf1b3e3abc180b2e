"""sdkgen: Genesys Cloud Platform API swagger -> a fast, typed Python SDK, versioned by diff."""
