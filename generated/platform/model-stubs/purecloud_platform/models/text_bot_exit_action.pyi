from .text import TextBotExitAction as TextBotExitAction
