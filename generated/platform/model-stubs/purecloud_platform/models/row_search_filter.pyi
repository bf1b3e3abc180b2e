from .row import RowSearchFilter as RowSearchFilter
