from .contest import ContestDataPrizes as ContestDataPrizes
