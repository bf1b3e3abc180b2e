from .request import RequestCriteria as RequestCriteria
