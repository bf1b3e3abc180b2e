from .guide import GuideEntityListing as GuideEntityListing
