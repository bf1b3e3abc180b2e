from .stageplan import StageplanListing as StageplanListing
