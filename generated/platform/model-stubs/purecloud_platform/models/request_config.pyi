from .request import RequestConfig as RequestConfig
