from .business import BusinessUnitListItem as BusinessUnitListItem
