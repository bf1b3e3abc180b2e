from .update import UpdateGuide as UpdateGuide
