from .contest import ContestDataWinners as ContestDataWinners
