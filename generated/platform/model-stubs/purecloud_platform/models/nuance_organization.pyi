from .nuance import NuanceOrganization as NuanceOrganization
