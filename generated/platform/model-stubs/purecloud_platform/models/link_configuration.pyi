from .link import LinkConfiguration as LinkConfiguration
