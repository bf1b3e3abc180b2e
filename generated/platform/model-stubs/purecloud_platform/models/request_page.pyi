from .request import RequestPage as RequestPage
