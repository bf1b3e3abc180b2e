from .genesys import GenesysBotConnector as GenesysBotConnector
