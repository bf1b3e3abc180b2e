from .contest import ContestWinners as ContestWinners
