from .segment import SegmentUrl as SegmentUrl
