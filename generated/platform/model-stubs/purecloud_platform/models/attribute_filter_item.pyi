from .attribute import AttributeFilterItem as AttributeFilterItem
