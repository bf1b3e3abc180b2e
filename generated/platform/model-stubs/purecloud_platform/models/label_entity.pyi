from .label import LabelEntity as LabelEntity
