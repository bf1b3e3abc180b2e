from .external import ExternalOrganization as ExternalOrganization
