from .graph import GraphEdge as GraphEdge
