from .delete import DeleteRetention as DeleteRetention
