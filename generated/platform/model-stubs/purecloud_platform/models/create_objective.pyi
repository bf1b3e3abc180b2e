from .create import CreateObjective as CreateObjective
