from .intake import IntakeSettingsUpdate as IntakeSettingsUpdate
