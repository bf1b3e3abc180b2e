from .request import RequestMapping as RequestMapping
