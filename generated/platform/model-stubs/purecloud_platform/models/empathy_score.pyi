from .empathy import EmpathyScore as EmpathyScore
