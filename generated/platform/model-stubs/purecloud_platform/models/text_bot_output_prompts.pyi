from .text import TextBotOutputPrompts as TextBotOutputPrompts
