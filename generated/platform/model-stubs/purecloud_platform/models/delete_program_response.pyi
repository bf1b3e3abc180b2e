from .delete import DeleteProgramResponse as DeleteProgramResponse
