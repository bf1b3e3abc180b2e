from .list import ListValues as ListValues
