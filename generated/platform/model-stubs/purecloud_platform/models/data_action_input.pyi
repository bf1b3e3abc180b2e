from .data import DataActionInput as DataActionInput
