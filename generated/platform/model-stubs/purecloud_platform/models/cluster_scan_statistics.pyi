from .cluster import ClusterScanStatistics as ClusterScanStatistics
