from .contest import ContestProfile as ContestProfile
