from .case_ import CaseSummaryUpdate as CaseSummaryUpdate
