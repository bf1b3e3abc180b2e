from .guide import GuideJob as GuideJob
