from .list import ListPickerItem as ListPickerItem
