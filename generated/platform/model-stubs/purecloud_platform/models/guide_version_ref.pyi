from .guide import GuideVersionRef as GuideVersionRef
