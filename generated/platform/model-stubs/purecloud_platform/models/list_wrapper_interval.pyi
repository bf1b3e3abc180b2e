from .list import ListWrapperInterval as ListWrapperInterval
