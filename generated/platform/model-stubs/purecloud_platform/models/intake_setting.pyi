from .intake import IntakeSetting as IntakeSetting
