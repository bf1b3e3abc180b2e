from .guide import GuideVersionPublish as GuideVersionPublish
