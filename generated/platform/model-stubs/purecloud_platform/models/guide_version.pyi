from .guide import GuideVersion as GuideVersion
