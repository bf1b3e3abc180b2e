from .copy import CopyWorkPlanBid as CopyWorkPlanBid
