from .localized import LocalizedLabels as LocalizedLabels
