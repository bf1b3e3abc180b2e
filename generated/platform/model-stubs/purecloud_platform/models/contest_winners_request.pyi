from .contest import ContestWinnersRequest as ContestWinnersRequest
