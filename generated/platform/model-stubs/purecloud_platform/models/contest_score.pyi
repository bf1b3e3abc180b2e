from .contest import ContestScore as ContestScore
