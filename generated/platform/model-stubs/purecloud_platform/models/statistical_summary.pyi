from .statistical import StatisticalSummary as StatisticalSummary
