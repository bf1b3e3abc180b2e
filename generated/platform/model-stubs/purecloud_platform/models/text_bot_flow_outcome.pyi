from .text import TextBotFlowOutcome as TextBotFlowOutcome
