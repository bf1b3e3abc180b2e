from .snapshot import SnapshotFiles as SnapshotFiles
