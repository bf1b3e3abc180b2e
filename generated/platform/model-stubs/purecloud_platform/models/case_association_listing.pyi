from .case_ import CaseAssociationListing as CaseAssociationListing
