from .segment import SegmentForAssignment as SegmentForAssignment
