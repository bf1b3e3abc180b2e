from .request import RequestContextPattern as RequestContextPattern
