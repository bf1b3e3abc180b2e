from .security import SecurityProfile as SecurityProfile
