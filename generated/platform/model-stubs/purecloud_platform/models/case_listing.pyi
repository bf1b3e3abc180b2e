from .case_ import CaseListing as CaseListing
