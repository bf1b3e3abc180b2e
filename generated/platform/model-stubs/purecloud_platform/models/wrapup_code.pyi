from .wrapup import WrapupCode as WrapupCode
