from .cluster import ClusterList as ClusterList
