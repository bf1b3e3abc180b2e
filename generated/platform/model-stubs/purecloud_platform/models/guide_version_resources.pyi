from .guide import GuideVersionResources as GuideVersionResources
