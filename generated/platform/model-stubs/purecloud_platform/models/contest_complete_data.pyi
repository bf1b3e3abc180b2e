from .contest import ContestCompleteData as ContestCompleteData
