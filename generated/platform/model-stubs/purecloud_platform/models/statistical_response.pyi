from .statistical import StatisticalResponse as StatisticalResponse
