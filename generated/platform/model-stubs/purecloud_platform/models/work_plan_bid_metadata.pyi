from .work import WorkPlanBidMetadata as WorkPlanBidMetadata
