from .text import TextBotFlowLocation as TextBotFlowLocation
