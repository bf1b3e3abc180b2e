from .intake import IntakeSettingsListing as IntakeSettingsListing
