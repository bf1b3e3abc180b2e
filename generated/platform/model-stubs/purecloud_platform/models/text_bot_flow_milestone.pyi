from .text import TextBotFlowMilestone as TextBotFlowMilestone
