from .case_ import CaseCreate as CaseCreate
