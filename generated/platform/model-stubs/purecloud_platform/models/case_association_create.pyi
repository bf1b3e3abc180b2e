from .case_ import CaseAssociationCreate as CaseAssociationCreate
