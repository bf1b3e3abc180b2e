from .snapshot import SnapshotMetaData as SnapshotMetaData
