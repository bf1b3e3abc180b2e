from .cobrowse import CobrowseSettings as CobrowseSettings
