from .free import FreeTrialLimitDocs as FreeTrialLimitDocs
