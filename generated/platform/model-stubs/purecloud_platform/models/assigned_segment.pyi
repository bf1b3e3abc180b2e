from .assigned import AssignedSegment as AssignedSegment
