from .stageplan import StageplanReposition as StageplanReposition
