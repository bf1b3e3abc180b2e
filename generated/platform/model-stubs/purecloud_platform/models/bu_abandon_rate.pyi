from .bu import BuAbandonRate as BuAbandonRate
