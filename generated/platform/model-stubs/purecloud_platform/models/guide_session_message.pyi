from .guide import GuideSessionMessage as GuideSessionMessage
