from .graph import GraphVertices as GraphVertices
