from .typing import TypingSetting as TypingSetting
