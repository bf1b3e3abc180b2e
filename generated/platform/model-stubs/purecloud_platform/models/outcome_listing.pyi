from .outcome import OutcomeListing as OutcomeListing
