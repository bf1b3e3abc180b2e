from .cluster import ClusterScan as ClusterScan
