from .nuance import NuanceApplication as NuanceApplication
