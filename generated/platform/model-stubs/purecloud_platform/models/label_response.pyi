from .label import LabelResponse as LabelResponse
