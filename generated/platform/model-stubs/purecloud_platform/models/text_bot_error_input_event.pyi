from .text import TextBotErrorInputEvent as TextBotErrorInputEvent
