from .nuance import NuanceChannel as NuanceChannel
