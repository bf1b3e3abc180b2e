from .bid import BidGroupWorkPlanRequest as BidGroupWorkPlanRequest
