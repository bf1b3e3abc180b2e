from .scored import ScoredAgent as ScoredAgent
