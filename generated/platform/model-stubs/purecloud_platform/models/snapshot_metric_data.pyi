from .snapshot import SnapshotMetricData as SnapshotMetricData
