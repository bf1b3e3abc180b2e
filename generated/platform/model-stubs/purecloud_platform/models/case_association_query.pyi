from .case_ import CaseAssociationQuery as CaseAssociationQuery
