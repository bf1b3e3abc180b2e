from .url import UrlResponse as UrlResponse
