from .text import TextBotChannel as TextBotChannel
