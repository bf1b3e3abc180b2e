from .guide import GuideVersionPublishJob as GuideVersionPublishJob
