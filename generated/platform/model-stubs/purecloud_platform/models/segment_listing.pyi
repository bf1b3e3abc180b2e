from .segment import SegmentListing as SegmentListing
