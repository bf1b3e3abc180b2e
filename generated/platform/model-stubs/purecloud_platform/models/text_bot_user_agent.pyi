from .text import TextBotUserAgent as TextBotUserAgent
