from .guide import GuideSessionInputEvent as GuideSessionInputEvent
