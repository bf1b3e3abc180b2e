from .external import ExternalId as ExternalId
