from .set import SetUuiDataRequest as SetUuiDataRequest
