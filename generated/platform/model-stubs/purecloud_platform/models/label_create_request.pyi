from .label import LabelCreateRequest as LabelCreateRequest
