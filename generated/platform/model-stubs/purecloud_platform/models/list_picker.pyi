from .list import ListPicker as ListPicker
