from .request import RequestJourney as RequestJourney
