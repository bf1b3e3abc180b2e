from .activation import ActivationTrigger as ActivationTrigger
