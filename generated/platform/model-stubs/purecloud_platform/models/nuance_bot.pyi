from .nuance import NuanceBot as NuanceBot
