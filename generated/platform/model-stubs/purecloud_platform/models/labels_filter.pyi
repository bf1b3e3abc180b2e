from .labels import LabelsFilter as LabelsFilter
