from .v3 import V3SourceFolderDetails as V3SourceFolderDetails
