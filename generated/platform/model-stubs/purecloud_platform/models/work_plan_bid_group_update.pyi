from .work import WorkPlanBidGroupUpdate as WorkPlanBidGroupUpdate
