from .stageplan import StageplanCreate as StageplanCreate
