from .case_ import CaseAssociation as CaseAssociation
