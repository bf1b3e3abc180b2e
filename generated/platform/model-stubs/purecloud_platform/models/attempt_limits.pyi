from .attempt import AttemptLimits as AttemptLimits
