from .guide import GuideSessionVariable as GuideSessionVariable
