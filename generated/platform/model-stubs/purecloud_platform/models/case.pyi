from .case_ import Case as Case
