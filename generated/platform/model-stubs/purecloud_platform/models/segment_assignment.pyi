from .segment import SegmentAssignment as SegmentAssignment
