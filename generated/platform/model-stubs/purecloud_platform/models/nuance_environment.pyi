from .nuance import NuanceEnvironment as NuanceEnvironment
