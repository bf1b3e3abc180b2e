from .text import TextBotUserInputEvent as TextBotUserInputEvent
