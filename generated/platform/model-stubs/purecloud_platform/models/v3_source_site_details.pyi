from .v3 import V3SourceSiteDetails as V3SourceSiteDetails
