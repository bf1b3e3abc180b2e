from .external import ExternalContact as ExternalContact
