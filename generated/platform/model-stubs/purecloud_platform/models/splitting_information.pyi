from .splitting import SplittingInformation as SplittingInformation
