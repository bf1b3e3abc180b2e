from .cluster import ClusterScanList as ClusterScanList
