from .row import RowSearchPredicate as RowSearchPredicate
