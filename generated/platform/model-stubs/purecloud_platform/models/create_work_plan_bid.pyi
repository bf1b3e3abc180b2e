from .create import CreateWorkPlanBid as CreateWorkPlanBid
