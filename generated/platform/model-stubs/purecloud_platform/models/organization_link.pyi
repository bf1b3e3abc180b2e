from .organization import OrganizationLink as OrganizationLink
