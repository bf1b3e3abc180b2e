from .free import FreeTrialLimit as FreeTrialLimit
