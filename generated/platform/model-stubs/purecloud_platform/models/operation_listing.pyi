from .operation import OperationListing as OperationListing
