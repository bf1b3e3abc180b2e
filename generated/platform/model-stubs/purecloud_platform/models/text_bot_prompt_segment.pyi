from .text import TextBotPromptSegment as TextBotPromptSegment
