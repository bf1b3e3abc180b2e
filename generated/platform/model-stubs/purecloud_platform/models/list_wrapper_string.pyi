from .list import ListWrapperString as ListWrapperString
