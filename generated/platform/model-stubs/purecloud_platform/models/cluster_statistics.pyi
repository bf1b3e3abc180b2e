from .cluster import ClusterStatistics as ClusterStatistics
