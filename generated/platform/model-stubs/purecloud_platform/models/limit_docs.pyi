from .limit import LimitDocs as LimitDocs
