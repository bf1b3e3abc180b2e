from .wrapup import WrapupCodeRequest as WrapupCodeRequest
