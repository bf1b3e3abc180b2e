from .nlu import NluOrganization as NluOrganization
