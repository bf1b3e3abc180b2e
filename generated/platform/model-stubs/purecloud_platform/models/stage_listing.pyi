from .stage import StageListing as StageListing
