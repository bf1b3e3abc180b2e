from .stageplan import StageplanUpdate as StageplanUpdate
