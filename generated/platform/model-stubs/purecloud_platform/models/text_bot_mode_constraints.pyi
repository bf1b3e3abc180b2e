from .text import TextBotModeConstraints as TextBotModeConstraints
