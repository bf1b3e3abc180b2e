from .stageplan import StageplanReference as StageplanReference
