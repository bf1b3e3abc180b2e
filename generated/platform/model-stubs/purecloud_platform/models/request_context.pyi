from .request import RequestContext as RequestContext
