from .update import UpdateGuideVersion as UpdateGuideVersion
