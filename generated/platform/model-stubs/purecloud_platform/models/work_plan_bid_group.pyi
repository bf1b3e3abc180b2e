from .work import WorkPlanBidGroup as WorkPlanBidGroup
