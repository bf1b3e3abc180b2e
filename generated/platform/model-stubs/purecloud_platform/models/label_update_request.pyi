from .label import LabelUpdateRequest as LabelUpdateRequest
