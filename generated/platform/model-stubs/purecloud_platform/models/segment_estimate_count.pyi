from .segment import SegmentEstimateCount as SegmentEstimateCount
