from .wrapup import WrapupDelta as WrapupDelta
