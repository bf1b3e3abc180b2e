from .work import WorkPlanBid as WorkPlanBid
