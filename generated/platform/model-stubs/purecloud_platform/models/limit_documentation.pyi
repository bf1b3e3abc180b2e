from .limit import LimitDocumentation as LimitDocumentation
