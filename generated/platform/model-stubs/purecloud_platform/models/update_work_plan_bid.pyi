from .update import UpdateWorkPlanBid as UpdateWorkPlanBid
