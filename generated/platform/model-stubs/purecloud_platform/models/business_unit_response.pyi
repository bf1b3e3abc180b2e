from .business import BusinessUnitResponse as BusinessUnitResponse
