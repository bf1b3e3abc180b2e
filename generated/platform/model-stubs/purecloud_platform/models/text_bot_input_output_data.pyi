from .text import TextBotInputOutputData as TextBotInputOutputData
