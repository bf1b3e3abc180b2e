from .flow import FlowMilestone as FlowMilestone
