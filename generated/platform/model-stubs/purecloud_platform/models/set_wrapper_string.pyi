from .set import SetWrapperString as SetWrapperString
