from .operation import OperationResponse as OperationResponse
