from .url import UrlCondition as UrlCondition
