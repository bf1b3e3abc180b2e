from .free import FreeTrialNamespace as FreeTrialNamespace
