from .segment import SegmentUnassignments as SegmentUnassignments
