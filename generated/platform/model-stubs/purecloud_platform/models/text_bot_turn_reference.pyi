from .text import TextBotTurnReference as TextBotTurnReference
