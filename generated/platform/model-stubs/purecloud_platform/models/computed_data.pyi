from .computed import ComputedData as ComputedData
