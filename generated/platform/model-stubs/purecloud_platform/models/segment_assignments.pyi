from .segment import SegmentAssignments as SegmentAssignments
