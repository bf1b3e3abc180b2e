from .work import WorkPlanBidRanks as WorkPlanBidRanks
