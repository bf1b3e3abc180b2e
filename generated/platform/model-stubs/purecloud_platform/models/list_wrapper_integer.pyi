from .list import ListWrapperInteger as ListWrapperInteger
