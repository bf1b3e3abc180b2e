from .request import RequestScoredAgent as RequestScoredAgent
