from .text import TextBotFlow as TextBotFlow
