from .list import ListPickerSection as ListPickerSection
