from .request import RequestJourneyPattern as RequestJourneyPattern
