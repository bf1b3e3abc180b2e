from .contest import ContestUserRank as ContestUserRank
