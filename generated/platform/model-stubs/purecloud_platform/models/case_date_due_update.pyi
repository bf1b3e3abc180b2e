from .case_ import CaseDateDueUpdate as CaseDateDueUpdate
