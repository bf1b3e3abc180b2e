from .contest import ContestPrizes as ContestPrizes
