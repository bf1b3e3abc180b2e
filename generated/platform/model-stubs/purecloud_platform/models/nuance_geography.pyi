from .nuance import NuanceGeography as NuanceGeography
