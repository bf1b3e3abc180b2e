from .view import ViewFilter as ViewFilter
