from .snapshot import SnapshotInfo as SnapshotInfo
