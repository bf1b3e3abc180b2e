from .wrapup import WrapupInput as WrapupInput
