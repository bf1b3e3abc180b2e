from .business import BusinessUnitListing as BusinessUnitListing
