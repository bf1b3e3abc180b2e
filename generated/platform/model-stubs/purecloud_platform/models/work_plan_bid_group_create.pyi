from .work import WorkPlanBidGroupCreate as WorkPlanBidGroupCreate
