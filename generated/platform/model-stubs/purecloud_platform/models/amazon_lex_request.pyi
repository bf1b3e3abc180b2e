from .amazon import AmazonLexRequest as AmazonLexRequest
